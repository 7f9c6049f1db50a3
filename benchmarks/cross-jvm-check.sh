#!/usr/bin/env bash
# Cross-JVM bit-exactness of latq's ECDQ: compresses the same generated file with the default JDK (17) and with a
# second JDK (default: Temurin 25), and checks that
#   1. both JVMs write byte-identical .lq files, and
#   2. each JVM decodes either file to byte-identical output (4 decodings per case, compared with cmp).
#
#   benchmarks/cross-jvm-check.sh [--other-java PATH] [--samples N] [--keep DIR]
#
# Cases: Z1 and E8 at --mse 0.01 (the issue's), plus E8 with a --rate target (the rate search) and Z1 on a float32
# file at --snr 30. Exit status 0 only if every comparison matches.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
other_java="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"
samples=1048576
keep=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --other-java) other_java="$2"; shift 2 ;;
    --samples) samples="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "cross-jvm-check: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

die() { echo "cross-jvm-check: $*" >&2; exit 1; }
[[ -x "$other_java" ]] || die "no Java at $other_java (use --other-java PATH)"
export LATQ_NO_PROGRESS=1
"$root/latq" --version >/dev/null || die "could not build or run latq"   # builds the jar when it is stale
jar="$root/cli/target/latq.jar"
default_java="$(command -v java)"

if [[ -n "$keep" ]]; then
  work="$keep"
  mkdir -p "$work"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/latq-xjvm.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
fi

version() { "$1" -version 2>&1 | sed -n '2p'; }
echo "JVM A: $default_java: $(version "$default_java")"
echo "JVM B: $other_java: $(version "$other_java")"

"$default_java" -jar "$jar" generate gaussian --samples "$samples" --sigma 1 --seed 1 -o "$work/x.f64" >/dev/null
"$default_java" -jar "$jar" generate gaussian --samples "$samples" --sigma 3 --seed 2 -o "$work/x.f32" >/dev/null

failures=0
check() { # label file1 file2
  if cmp -s "$2" "$3"; then
    printf '  %-46s identical (%s bytes, sha256 %s)\n' "$1" "$(stat -c %s "$2")" "$(sha256sum "$2" | cut -c1-16)"
  else
    printf '  %-46s DIFFER\n' "$1"
    failures=$((failures + 1))
  fi
}

run_case() { # name input ext compress-args...
  local name="$1" in="$2" ext="$3"
  shift 3
  echo "case $name: compress $* (--threads 2)"
  for j in A B; do
    local java="$default_java"
    [[ $j == B ]] && java="$other_java"
    "$java" -jar "$jar" compress -i "$in" -o "$work/$name.$j.lq" --threads 2 --force "$@" >"$work/$name.$j.txt"
  done
  check "compressed file, JVM A vs JVM B" "$work/$name.A.lq" "$work/$name.B.lq"
  for j in A B; do
    local java="$default_java"
    [[ $j == B ]] && java="$other_java"
    for f in A B; do
      "$java" -jar "$jar" decompress -i "$work/$name.$f.lq" -o "$work/$name.$f-by-$j.$ext" --threads 2 \
        --force >/dev/null
    done
  done
  check "JVM A decodes A's file = JVM B decodes it" "$work/$name.A-by-A.$ext" "$work/$name.A-by-B.$ext"
  check "JVM A decodes B's file = JVM B decodes it" "$work/$name.B-by-A.$ext" "$work/$name.B-by-B.$ext"
  check "A's file decoded = B's file decoded (JVM A)" "$work/$name.A-by-A.$ext" "$work/$name.B-by-A.$ext"
  echo "  $(sed 's/ rmse=.*gap=/ ... gap=/' "$work/$name.A.txt")"
}

run_case Z1 "$work/x.f64" f64 --mse 0.01 --lattice Z1
run_case E8 "$work/x.f64" f64 --mse 0.01 --lattice E8
run_case E8-rate "$work/x.f64" f64 --rate 2.5 --lattice E8
run_case Z1-f32-snr "$work/x.f32" f32 --snr 30 --lattice Z1

if [[ $failures -eq 0 ]]; then
  echo "all identical"
else
  echo "$failures comparison(s) differ"
  exit 1
fi
