#!/usr/bin/env bash
# Manual check, not run by CI (it starts a Spark master, two workers and two executor JVMs: too much for CI's two
# cores and its time). In Spark's local-cluster mode the executors are separate JVMs that get the lattice recipes,
# the plans and latq's jars over the loopback interface, as on a real cluster; this script checks that they give
# the local engine's bits for the issue's two bars and a small goodness sweep.
#
# There is no Spark distribution on the build machines, so the script makes a minimal SPARK_HOME from the Spark jars
# Maven resolved (a RELEASE file and jars/), which is all local-cluster mode needs to launch executors.
# Usage: spark/check-local-cluster.sh   (exit 0 when every comparison matched)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && ./mvnw -q -B -DskipTests -pl cli,spark -am package) >&2
home="$root/spark/target/local-cluster-spark-home"
rm -rf "$home"
mkdir -p "$home/jars"
echo "Spark jars from Maven Central, for spark/check-local-cluster.sh" > "$home/RELEASE"
tr ':' '\n' < "$root/spark/target/spark-classpath.txt" | while read -r j; do ln -s "$j" "$home/jars/"; done
export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
unset LATQ_SPARK_CLASSPATH
master='local-cluster[2,1,1024]' # 2 workers, 1 core and 1024 MB each
out="$home/out"
mkdir -p "$out"
cd "$home"

passed=0
failed=0
check() { # name, local figures, spark figures
  if [[ -n "$2" && "$2" == "$3" ]]; then
    echo "same   $1: $2"
    passed=$((passed + 1))
  else
    echo "DIFFER $1: local '$2' spark '$3'"
    failed=$((failed + 1))
  fi
}
figures() { grep -o '"nsm":[^,]*,"stderr":[^,]*' || true; }

for lattice in E8 polar:n=64,list=4; do
  samples=300000
  [[ "$lattice" == polar* ]] && samples=20000
  args=(nsm --lattice "$lattice" --samples "$samples" --seed 4711 --json --no-progress)
  check "nsm $lattice" "$("$root/latq" "${args[@]}" | figures)" \
    "$("$root/latq" "${args[@]}" --engine spark --master "$master" 2>"$out/spark-$lattice.err" | figures)"
done

args=(goodness --n 64..128 --list 4 --samples 3000 --seed 4711 --no-progress --force)
"$root/latq" "${args[@]}" --csv "$out/l.csv" --plot "$out/l.svg" > /dev/null
"$root/latq" "${args[@]}" --csv "$out/s.csv" --plot "$out/s.svg" --engine spark --master "$master" \
  > /dev/null 2>"$out/spark-goodness.err" || true
# every CSV column but seconds (13th)
check "goodness CSV" "$(cut -d, -f1-12,14 "$out/l.csv" | md5sum)" \
  "$( [[ -f "$out/s.csv" ]] && cut -d, -f1-12,14 "$out/s.csv" | md5sum)"

echo "$passed passed, $failed failed (Spark's stderr is in $out)"
[[ $failed -eq 0 ]]
