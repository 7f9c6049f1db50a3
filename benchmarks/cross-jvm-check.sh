#!/usr/bin/env bash
# Cross-JVM bit-exactness of latq's ECDQ: compresses the same generated file with the default JDK (17), with a
# second JDK (default: Temurin 25) and with the default JDK without HotSpot's libm intrinsics
# (-XX:-UseLibmIntrinsic), and checks that
#   1. all three write byte-identical .lq files, and
#   2. each decodes every file to byte-identical output.
#
#   benchmarks/cross-jvm-check.sh [--other-java PATH] [--samples N] [--keep DIR]
#
# Cases: Z1, E8, A2, 0.5*E8 and the default polar lattice (with its estimated G) at --mse 0.01, E8 with a --rate
# target, Z1 on a float32 file at --snr 30, and E8 with a forced DCT (--transform dct:256). Every compress uses
# --seed 1 (without it the seed and file id are random). Exit status 0 only if every comparison matches.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
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
echo "JVM C: $default_java -XX:-UseLibmIntrinsic"
jvm() { # A|B|C -> command
  case "$1" in
    A) echo "$default_java" ;;
    B) echo "$other_java" ;;
    C) echo "$default_java -XX:+UnlockDiagnosticVMOptions -XX:-UseLibmIntrinsic" ;;
  esac
}

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
  echo "case $name: compress $* (--threads 2 --seed 1)"
  for j in A B C; do
    $(jvm $j) -jar "$jar" compress -i "$in" -o "$work/$name.$j.lq" --threads 2 --seed 1 --force "$@" \
      >"$work/$name.$j.txt"
  done
  check "compressed file, JVM A vs JVM B" "$work/$name.A.lq" "$work/$name.B.lq"
  check "compressed file, JVM A vs no libm intrinsics" "$work/$name.A.lq" "$work/$name.C.lq"
  for j in A B C; do
    $(jvm $j) -jar "$jar" decompress -i "$work/$name.A.lq" -o "$work/$name.A-by-$j.$ext" --threads 2 --force \
      >/dev/null
  done
  check "JVM A decodes = JVM B decodes" "$work/$name.A-by-A.$ext" "$work/$name.A-by-B.$ext"
  check "JVM A decodes = no libm intrinsics decodes" "$work/$name.A-by-A.$ext" "$work/$name.A-by-C.$ext"
  echo "  $(sed 's/ rmse=.*gap=/ ... gap=/' "$work/$name.A.txt")"
}

run_case Z1 "$work/x.f64" f64 --mse 0.01 --lattice Z1
run_case E8 "$work/x.f64" f64 --mse 0.01 --lattice E8
run_case E8-rate "$work/x.f64" f64 --rate 2.5 --lattice E8
run_case Z1-f32-snr "$work/x.f32" f32 --snr 30 --lattice Z1
run_case A2 "$work/x.f64" f64 --mse 0.01 --lattice A2
run_case half-E8 "$work/x.f64" f64 --mse 0.01 --lattice '0.5*E8'
run_case polar-default "$work/x.f64" f64 --mse 0.01
run_case E8-dct "$work/x.f32" f32 --mse 0.05 --lattice E8 --transform dct:256

if [[ $failures -eq 0 ]]; then
  echo "all identical"
else
  echo "$failures comparison(s) differ"
  exit 1
fi
