#!/usr/bin/env bash
# How much of latq's whole-process time is fixed cost, against zfp, in one run (issue 11's floor).
#
#   benchmarks/fixed-cost.sh [--log2 '20 23 24 25'] [--level fast] [--mse 0.01] [--runs R] [--keep DIR]
#
# For each size 2^k (the first 2^k samples of one 2^max i.i.d. N(0,1) float64 file, latq generate seed 1) times
# `latq compress --level L` and `latq decompress` (whole process, the launcher's VM flags, all cores) and zfp at
# -a 1 (the tolerance speed-compare.sh picks at --mse 0.01), R runs each, alternating, medians. Then fits
# T(N) = a + b·N by least squares over the sizes and prints the intercept a (JVM start, argument parsing, plan
# choice, trial encodings, JIT warm-up: whatever does not grow with the file) and the slope b in ns/sample, for
# latq and for zfp. Needs zfp (apt-get install zfp).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
sizes="20 23 24 25"
level=fast
mse=0.01
runs=3
keep=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --log2) sizes="$2"; shift 2 ;;
    --level) level="$2"; shift 2 ;;
    --mse) mse="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "fixed-cost: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
# shellcheck source=benchmarks/timing-lib.sh
source "$root/benchmarks/timing-lib.sh"
timing_setup fixed "$keep"
max=0
for k in $sizes; do (( k > max )) && max=$k; done
java -jar "$jar" generate gaussian --samples $((1 << max)) --seed 1 -o all.f64 --force >/dev/null
for k in $sizes; do head -c $((8 << k)) all.f64 > "x$k.f64"; done

printf '| samples | latq compress s | latq decompress s | zfp compress s | zfp decompress s |\n|---|---|---|---|---|\n'
fit=""
for k in $sizes; do
  n=$((1 << k))
  lc=() ld=() zc=() zd=()
  for r in $(seq "$runs"); do
    lc+=("$(timed java -jar "$jar" compress -i "x$k.f64" -o l.lq --mse "$mse" --level "$level" --seed 1 --force)")
    ld+=("$(timed java -jar "$jar" decompress -i l.lq -o l.f64 --force)")
    zc+=("$(timed zfp -d -1 "$n" -a 1 -i "x$k.f64" -z z.zfp)")
    zd+=("$(timed zfp -d -1 "$n" -a 1 -z z.zfp -o z.f64)")
  done
  row="$n $(printf '%s\n' "${lc[@]}" | median) $(printf '%s\n' "${ld[@]}" | median)"
  row+=" $(printf '%s\n' "${zc[@]}" | median) $(printf '%s\n' "${zd[@]}" | median)"
  # shellcheck disable=SC2086 # five words
  printf '| %s | %s | %s | %s | %s |\n' $row
  fit+="$row"$'\n'
done
# least squares T = a + b·N per column
awk -v level="$level" 'NF == 5 { n++; for (c = 2; c <= 5; c++) { x[n] = $1; y[n, c] = $c } }
  END {
    split("latq compress --level " level ",latq decompress,zfp compress -a 1,zfp decompress", name, ",")
    for (c = 2; c <= 5; c++) {
      sx = sy = sxx = sxy = 0
      for (i = 1; i <= n; i++) { sx += x[i]; sy += y[i, c]; sxx += x[i] * x[i]; sxy += x[i] * y[i, c] }
      b = (n * sxy - sx * sy) / (n * sxx - sx * sx); a = (sy - b * sx) / n
      printf "%s: intercept %.3f s, slope %.2f ns/sample\n", name[c - 1], a, b * 1e9
    }
  }' <<<"$fit"
