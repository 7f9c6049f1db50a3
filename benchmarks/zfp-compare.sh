#!/usr/bin/env bash
# Compares latq's ECDQ with zfp (Debian package `zfp`) at equal MSE on i.i.d. N(0,1) float64 samples.
#
#   benchmarks/zfp-compare.sh [--samples N] [--seed S] [--threads T] [--keep DIR]
#
# latq compresses at --mse 0.01 and --mse 0.25 with lattices Z1 and E8. For each latq file, zfp is run in its three
# modes (fixed accuracy -a, fixed precision -p, fixed rate -r); for each mode the two settings whose MSE brackets
# latq's measured MSE are written as real files (with zfp's -h header, so both files are self-describing), decoded,
# and measured with `latq compare`. zfp's size at exactly latq's MSE is then interpolated linearly in log2(MSE)
# between the two bracketing files, and latq is compared with the best zfp mode. Every MSE in the table is measured
# from a decompressed file; every size is a real file size.
#
# Needs apt (for zfp) and Maven (for the launcher's build), so .ci/run does not run it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
samples=1048576
seed=1
threads=2
keep=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --samples) samples="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "zfp-compare: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

die() { echo "zfp-compare: $*" >&2; exit 1; }

if ! command -v zfp >/dev/null 2>&1; then
  echo "zfp-compare: installing zfp (apt-get install -y zfp)..." >&2
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get install -y -qq zfp >/dev/null 2>&1 \
    || { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq zfp >/dev/null 2>&1; } \
    || die "could not install zfp; install the Debian package 'zfp' and retry"
fi
command -v zfp >/dev/null 2>&1 || die "zfp is still not on PATH"

export LATQ_NO_PROGRESS=1
latq() { "$root/latq" "$@"; }
latq --version >/dev/null || die "could not build or run latq"   # builds the jar when it is stale

if [[ -n "$keep" ]]; then
  work="$keep"
  mkdir -p "$work"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/latq-zfp.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
fi

x="$work/x.f64"
latq generate gaussian --samples "$samples" --sigma 1 --seed "$seed" -o "$x" --force >/dev/null

# Measured MSE of a decoded file against the original (latq compare --json).
measure_mse() {
  latq compare "$x" "$1" --json | sed -n 's/.*"mse":\([^,}]*\).*/\1/p'
}

# zfp's own MSE estimate (rmse²) for one setting, without writing files: used only to find the bracketing pair.
zfp_quick_mse() {
  local mode="$1" value="$2" line
  line="$(zfp -i "$x" -d -1 "$samples" "-$mode" "$value" -s 2>&1 >/dev/null)" || die "zfp -$mode $value failed"
  # " rmse=" (with the space) is the RMSE; "nrmse=" is the normalized one
  sed -n 's/.* rmse=\([^ ]*\).*/\1/p' <<<"$line" | awk '{ printf "%.10g\n", $1 * $1 }'
}

# Real zfp run for one setting: "bytes mse" with the MSE measured from the decoded file (cached per setting).
declare -A zfp_cache=()
zfp_real() {
  local mode="$1" value="$2" key="$1:$2" z d
  if [[ -z "${zfp_cache[$key]:-}" ]]; then
    z="$work/z-$mode-$value.zfp"
    d="$work/z-$mode-$value.f64"
    zfp -h -i "$x" -d -1 "$samples" "-$mode" "$value" -z "$z" >/dev/null 2>&1 || die "zfp -$mode $value failed"
    zfp -h -z "$z" -o "$d" >/dev/null 2>&1 || die "zfp could not decode its own file (-$mode $value)"
    local bytes mse
    bytes="$(stat -c %s "$z")"
    mse="$(measure_mse "$d")"
    [[ -n "$mse" ]] || die "could not measure the MSE of zfp -$mode $value"
    zfp_cache[$key]="$bytes $mse"
    rm -f "$d"
  fi
  echo "${zfp_cache[$key]}"
}

# The bracketing pair of settings for a target MSE, as "coarse fine" (coarse: MSE above the target).
bracket() {
  local mode="$1" target="$2" m prev="" v lo hi mid
  case "$mode" in
    a) # tolerances are effectively powers of two (zfp rounds them down to a bit plane)
      for e in $(seq 6 -1 -30); do
        v="$(awk -v e="$e" 'BEGIN { printf "%.17g", 2 ^ e }')"
        m="$(zfp_quick_mse a "$v")"
        if awk -v m="$m" -v t="$target" 'BEGIN { exit !(m <= t) }'; then
          [[ -n "$prev" ]] || die "zfp -a: even tolerance $v is below the target"
          echo "$prev $v"; return
        fi
        prev="$v"
      done ;;
    p)
      for v in $(seq 1 64); do
        m="$(zfp_quick_mse p "$v")"
        if awk -v m="$m" -v t="$target" 'BEGIN { exit !(m <= t) }'; then
          [[ -n "$prev" ]] || die "zfp -p: even precision 1 is below the target"
          echo "$prev $v"; return
        fi
        prev="$v"
      done ;;
    r) # in 1D the rate moves in steps of 1/4 bit (whole bits per block of 4 values): bisect in those units
      lo=1; hi=256   # quarter bits: mse(lo) > target >= mse(hi)
      while (( hi - lo > 1 )); do
        mid=$(( (lo + hi) / 2 ))
        m="$(zfp_quick_mse r "$(awk -v q="$mid" 'BEGIN { print q / 4 }')")"
        if awk -v m="$m" -v t="$target" 'BEGIN { exit !(m <= t) }'; then hi=$mid; else lo=$mid; fi
      done
      echo "$(awk -v q="$lo" 'BEGIN { print q / 4 }') $(awk -v q="$hi" 'BEGIN { print q / 4 }')"; return ;;
  esac
  die "zfp -$mode: no setting reaches MSE $target"
}

# bytes at the target MSE, interpolated linearly in log2(MSE) between two real files: b1 m1 b2 m2 target
interpolate() {
  awk -v b1="$1" -v m1="$2" -v b2="$3" -v m2="$4" -v t="$5" 'BEGIN {
    l1 = log(m1); l2 = log(m2); lt = log(t)
    printf "%.1f\n", (l1 == l2) ? (b1 + b2) / 2 : b1 + (b2 - b1) * (lt - l1) / (l2 - l1) }'
}

rows=()
# target, codec, mse, bytes, bits/sample, ratio
row() { rows+=("$(printf '%-7s %-40s %-11.6g %10.0f %9s %s' "$@")"); }
verdict=()

for target in 0.01 0.25; do
  for lattice in Z1 E8; do
    lq="$work/x-$lattice-$target.lq"
    y="$work/y-$lattice-$target.f64"
    latq compress -i "$x" -o "$lq" --mse "$target" --lattice "$lattice" --threads "$threads" --force >/dev/null
    latq decompress -i "$lq" -o "$y" --threads "$threads" --force >/dev/null
    mse="$(measure_mse "$y")"
    [[ -n "$mse" ]] || die "could not measure the MSE of latq $lattice at $target"
    rm -f "$y"
    bytes="$(stat -c %s "$lq")"
    best=""
    best_mode=""
    zrows=()
    for mode in a p r; do
      # plain assignments, so that a failure inside the substitution stops the script (set -e)
      pair="$(bracket "$mode" "$mse")"
      read -r coarse fine <<<"$pair"
      zfp_real "$mode" "$coarse" >/dev/null   # fills the cache in this shell (not in a subshell)
      zfp_real "$mode" "$fine" >/dev/null
      read -r b1 m1 <<<"${zfp_cache[$mode:$coarse]}"
      read -r b2 m2 <<<"${zfp_cache[$mode:$fine]}"
      zb="$(interpolate "$b1" "$m1" "$b2" "$m2" "$mse")"
      inside="$(awk -v a="$m1" -v b="$m2" -v t="$mse" 'BEGIN { print ((t - a) * (t - b) <= 0) ? "" : " (extrapolated)" }')"
      zrows+=("zfp -$mode $coarse|$m1|$b1" "zfp -$mode $fine|$m2|$b2" "zfp -$mode at latq's MSE$inside|$mse|$zb")
      if [[ -z "$best" ]] || awk -v a="$zb" -v b="$best" 'BEGIN { exit !(a < b) }'; then
        best="$zb"; best_mode="$mode"
      fi
    done
    ratio="$(awk -v a="$bytes" -v b="$best" 'BEGIN { printf "%.3f", a / b }')"
    row "$target" "latq $lattice" "$mse" "$bytes" \
      "$(awk -v b="$bytes" -v n="$samples" 'BEGIN { printf "%.4f", 8 * b / n }')" "$ratio"
    for z in "${zrows[@]}"; do
      IFS='|' read -r name zm zbytes <<<"$z"
      row "$target" "  $name" "$zm" "$zbytes" \
        "$(awk -v b="$zbytes" -v n="$samples" 'BEGIN { printf "%.4f", 8 * b / n }')" \
        "$(awk -v a="$bytes" -v b="$zbytes" 'BEGIN { printf "%.3f", a / b }')"
    done
    met="$(awk -v r="$ratio" 'BEGIN { print (r <= 0.5) ? "met" : "NOT met" }')"
    verdict+=("mse $target, $lattice: latq/zfp = $ratio against the best zfp mode (-$best_mode) -> bar (<= 0.5) $met")
  done
done

echo "# $samples i.i.d. N(0,1) float64 samples (seed $seed); zfp $(zfp 2>&1 | sed -n 's/^zfp version \([^ ]*\).*/\1/p'), $(java -version 2>&1 | head -1)"
echo "# ratio = latq file size / zfp file size at equal MSE (for zfp rows: latq's size / that row's size)"
printf '%-7s %-40s %-11s %10s %9s %s\n' "target" "codec" "mse" "bytes" "bits/smp" "ratio"
printf '%s\n' "${rows[@]}"
printf '%s\n' "${verdict[@]}"
