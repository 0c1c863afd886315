#!/usr/bin/env bash
# jbound start-up benchmark: bench/startup.sh [RUNS] [OTHER_LAUNCHER...]
# Times `jbound --help` and `jbound ps` through bin/jbound (with its class-data archive when the
# build made one), the same jar without the archive, and any other launchers given (an older
# build's bin/jbound, to compare), against `jcmd -l` and `java -version`. The commands alternate
# within each round, after one unmeasured round, so that a neighbour's load on this shared machine
# hits them all alike. Prints a Markdown table of medians (RUNS rounds, default 11) to stdout,
# progress to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-11}"
shift || true
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JCMD="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
if [ ! -f target/jbound.jar ]; then
  echo "bench: building target/jbound.jar" >&2
  mvn -q -o package -DskipTests || mvn -q package -DskipTests
fi
[ -f target/jbound.jsa ] || echo "bench: target/jbound.jsa is missing: bin/jbound runs without the archive" >&2

# the same launcher and jar, but no archive beside the jar: what the archive buys
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/lib"
cp bin/jbound "$work/bin/jbound"
ln -s "$PWD/target/jbound.jar" "$work/lib/jbound.jar"

labels=("bin/jbound --help" "bin/jbound ps" "no archive: --help" "no archive: ps")
commands=("bin/jbound --help" "bin/jbound ps" "$work/bin/jbound --help" "$work/bin/jbound ps")
for other in "$@"; do
  labels+=("$other --help" "$other ps")
  commands+=("$other --help" "$other ps")
done
labels+=("jcmd -l" "java -version")
commands+=("$JCMD -l" "$JAVA -version")

now_ns() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
minmax() { sort -n | awk 'NR==1 {min=$1} {max=$1} END {print min ".." max}'; }

declare -A times
for round in $(seq 0 "$runs"); do
  line=""
  for k in "${!commands[@]}"; do
    t0=$(now_ns)
    # shellcheck disable=SC2086
    ${commands[$k]} >/dev/null 2>&1 || true
    t1=$(now_ns)
    ms=$(((t1 - t0) / 1000000))
    [ "$round" -eq 0 ] && continue # warm-up: page cache
    times[$k]+="$ms "
    line+=" $ms"
  done
  [ "$round" -eq 0 ] || echo "bench: round $round (ms):$line" >&2
done

jvms=$(bin/jbound ps --format json | grep -c '"pid"' || true)
echo "# jbound start-up, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "$runs rounds, the commands alternating; \`jbound ps\` listed $jvms JVMs (with any, it samples their CPU for 0.2 s)."
echo
echo "| command | median ms | min..max ms |"
echo "|---|---:|---:|"
for k in "${!commands[@]}"; do
  vals=$(tr ' ' '\n' <<<"${times[$k]}" | grep .)
  echo "| \`${labels[$k]}\` | $(median <<<"$vals") | $(minmax <<<"$vals") |"
done
