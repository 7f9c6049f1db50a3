#!/usr/bin/env bash
# Whole-process speed of latq against zfp on the same file, in one run (issue 11).
#
#   benchmarks/speed-compare.sh [--samples N] [--mse D] [--levels 'fast default best'] [--lattices 'E8 ...']
#                               [--runs R] [--keep DIR]
#
# Generates N i.i.d. N(0,1) float64 samples (latq generate, seed 1), then for each level (`compress --level L`) and
# each extra lattice (`compress --lattice X` at the default level) times `latq compress` (default settings
# otherwise: --transform auto, all cores) and `latq decompress`, and zfp -a at the largest tolerance whose MSE is at
# most the first row's (bisected once, not timed). Each command runs R times; the table reports the median wall
# time, the file size, the MSE measured from the decoded file, the gap to R(D) = ½log2(1/MSE) (bits/sample from the
# file size; the source is i.i.d. N(0,1), so this R(D) is the bound) and the ratios to zfp. Needs zfp
# (apt-get install zfp).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
samples=4194304
mse=0.01
levels="fast default best"
lattices=""
runs=3
keep=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --samples) samples="$2"; shift 2 ;;
    --mse) mse="$2"; shift 2 ;;
    --levels) levels="$2"; shift 2 ;;
    --lattices) lattices="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "speed-compare: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
# shellcheck source=benchmarks/timing-lib.sh
source "$root/benchmarks/timing-lib.sh"
timing_setup speed "$keep"
java -jar "$jar" generate gaussian --samples "$samples" --seed 1 -o x.f64 --force >/dev/null

mse_of() { java -jar "$jar" compare x.f64 "$1" --json | sed -n 's/.*"mse":\([^,}]*\).*/\1/p'; }

printf '| coder | compress s | decompress s | bytes | MSE | gap b/sample | compress / zfp | decompress / zfp '
printf '| size / zfp |\n|---|---|---|---|---|---|---|---|---|\n'
declare -a rows=()
zfp_tol=""
configs=()
for l in $levels; do configs+=("level=$l"); done
for l in $lattices; do configs+=("lattice=$l"); done
for cfg in "${configs[@]}"; do
  if [[ "$cfg" == level=* ]]; then flag=(--level "${cfg#level=}"); else flag=(--lattice "${cfg#lattice=}"); fi
  lat="$cfg"
  c=$(for r in $(seq "$runs"); do timed java -jar "$jar" compress -i x.f64 -o l.lq --mse "$mse" "${flag[@]}" \
      --seed 1 --force; done | median)
  d=$(for r in $(seq "$runs"); do timed java -jar "$jar" decompress -i l.lq -o l.f64 --force; done | median)
  m=$(mse_of l.f64)
  b=$(stat -c %s l.lq)
  rows+=("$lat $c $d $b $m")
done
# zfp at the largest tolerance whose MSE is at most the first lattice's
target=$(awk '{ print $5 }' <<<"${rows[0]}")
zfp_tol=$(python3 - "$samples" "$target" <<'PY'
import subprocess, sys, re, math
n, target = sys.argv[1], float(sys.argv[2])
lo, hi, best = 1e-12, 10.0, None
for _ in range(60):
    mid = math.sqrt(lo * hi)
    out = subprocess.run(['zfp', '-i', 'x.f64', '-d', '-1', n, '-a', repr(mid), '-z', 'z.zfp', '-s'],
                         capture_output=True, text=True).stderr
    mse = float(re.search(r' rmse=(\S+)', out).group(1)) ** 2
    if mse <= target:
        best, lo = mid, mid
    else:
        hi = mid
    if hi / lo < 1.0001:
        break
print(best)
PY
)
zc=$(for r in $(seq "$runs"); do timed zfp -i x.f64 -d -1 "$samples" -a "$zfp_tol" -z z.zfp; done | median)
zd=$(for r in $(seq "$runs"); do timed zfp -z z.zfp -d -1 "$samples" -a "$zfp_tol" -o z.f64; done | median)
zb=$(stat -c %s z.zfp)
zm=$(mse_of z.f64)
for row in "${rows[@]}"; do
  read -r lat c d b m <<<"$row"
  awk -v l="$lat" -v c="$c" -v d="$d" -v b="$b" -v m="$m" -v zc="$zc" -v zd="$zd" -v zb="$zb" -v n="$samples" \
    'BEGIN { g = 8 * b / n - 0.5 * log(1 / m) / log(2);
      printf "| latq %s | %.3f | %.3f | %d | %.4g | %.4f | %.2f | %.2f | %.3f |\n", l, c, d, b, m, g, c / zc, d / zd,
      b / zb }'
done
awk -v c="$zc" -v d="$zd" -v b="$zb" -v m="$zm" -v t="$zfp_tol" -v n="$samples" \
  'BEGIN { g = 8 * b / n - 0.5 * log(1 / m) / log(2);
    printf "| zfp -a %.4g | %.3f | %.3f | %d | %.4g | %.4f | 1 | 1 | 1 |\n", t, c, d, b, m, g }'
