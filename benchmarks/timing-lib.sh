# Shared set-up of the whole-process timing scripts (speed-compare.sh, fixed-cost.sh); sourced, not run.
#
#   timing_setup NAME KEEP   installs zfp if missing, builds the CLI jar (through ./latq, which also trains its
#                            class-data-sharing archive), sets $jar, and enters a work directory: KEEP if given,
#                            else a temporary one removed on exit. Defines:
#   java ARGS...             java with the launcher's VM flags (read from ./latq) and its archive, as ./latq runs it
#   timed COMMAND...         the command's wall time in seconds (its output discarded)
#   median                   the median of the numbers on stdin
timing_setup() {
  local name="$1" keep="$2"
  command -v zfp >/dev/null || { apt-get install -y -qq zfp >/dev/null 2>&1 || { apt-get update -qq && \
    apt-get install -y -qq zfp >/dev/null; }; }
  export LATQ_NO_PROGRESS=1
  "$root/latq" --version >/dev/null
  jar="$root/cli/target/latq.jar"
  # the launcher's own flag list, so that the scripts time the program as ./latq runs it
  eval "$(grep '^vm_flags=(' "$root/latq")"
  timing_cds=()
  if [[ -f "$root/cli/target/latq.jsa" && -z "${LATQ_NO_CDS:-}" ]]; then
    timing_cds=(-XX:SharedArchiveFile="$root/cli/target/latq.jsa")
  fi
  if [[ -n "$keep" ]]; then
    work="$keep"
    mkdir -p "$work"
  else
    work="$(mktemp -d "${TMPDIR:-/tmp}/latq-$name.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
  fi
  cd "$work"
}

java() { command java "${vm_flags[@]}" "${timing_cds[@]}" "$@"; }

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

timed() {
  local s e
  s=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  e=$(date +%s.%N)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f\n", e - s }'
}
