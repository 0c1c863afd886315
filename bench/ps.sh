#!/usr/bin/env bash
# jbound ps benchmark: bench/ps.sh [JVMS] [RUNS]
# Starts JVMS idle JVMs (default 20; jbound's own `idle` demo workload: main asleep, 20 parked pool
# workers), then times RUNS (default 9) rounds of `bin/jbound ps`, `bin/jbound ps --format json`,
# `jcmd -l` and `jps -l`, interleaved, after one unmeasured round; then RUNS runs of `jbound ps`
# with bin/jbound's JVM options and -Djbound.timing=true, split into phases by its timing marks.
# Prints Markdown tables (median, min, max) to stdout, progress to stderr. The JVMs are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

jvms="${1:-20}"
runs="${2:-9}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JCMD="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
JPS="${JAVA_HOME:+$JAVA_HOME/bin/}jps"
JAR=target/jbound.jar
if [ ! -f "$JAR" ]; then
  echo "bench: building $JAR" >&2
  mvn -q -o package -DskipTests || mvn -q package -DskipTests
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "bench: starting $jvms idle JVMs" >&2
for i in $(seq 1 "$jvms"); do
  # small heaps and C1 only, so twenty fit beside everything else; --seconds bounds a forgotten run
  "$JAVA" -Xmx32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$JAR" dev.jbound.demo.WorkloadMain idle --seconds 900 \
    >"$work/jvm$i.out" 2>&1 &
  pids+=("$!")
done
deadline=$((SECONDS + 120))
until [ "$(cat "$work"/jvm*.out 2>/dev/null | grep -c '^ready')" -ge "$jvms" ]; do
  [ "$SECONDS" -lt "$deadline" ] || { echo "bench: the JVMs did not start" >&2; exit 1; }
  sleep 0.2
done
sleep 3 # let their start-up JIT and class loading settle

now_ms() { echo $(($(date +%s%N) / 1000000)); }
# time_ms CMD...: wall time of one run in ms, output discarded
time_ms() {
  local t0 t1
  t0=$(now_ms)
  "$@" >/dev/null 2>&1
  t1=$(now_ms)
  echo $((t1 - t0))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
minmax() { sort -n | awk 'NR==1 {min=$1} {max=$1} END {print min ".." max}'; }

listed=$(bin/jbound ps --format json | grep -c '"pid"')
jcmd_listed=$("$JCMD" -l | grep -vc 'sun.tools.jcmd.JCmd')
echo "bench: jbound ps lists $listed JVMs, jcmd -l $jcmd_listed (both include any other JVMs on the machine)" >&2

# cores busy over 2 s with nothing of ours running but the idle JVMs: the shared machine's background load
busy() { awk '/^cpu / {print $2+$3+$4+$7+$8+$9}' /proc/stat; }
background() { local b0; b0=$(busy); sleep 2; awk -v b="$(($(busy) - b0))" 'BEGIN {printf "%.2f", b / 200}'; }
load_before=$(background)

names=("bin/jbound ps" "bin/jbound ps --format json" "jcmd -l" "jps -l")
declare -A times
for round in $(seq 0 "$runs"); do
  t1=$(time_ms bin/jbound ps)
  t2=$(time_ms bin/jbound ps --format json)
  t3=$(time_ms "$JCMD" -l)
  t4=$(time_ms "$JPS" -l)
  [ "$round" -eq 0 ] && continue # warm-up: page cache, CDS archive
  times[0]+="$t1 "; times[1]+="$t2 "; times[2]+="$t3 "; times[3]+="$t4 "
  echo "bench: round $round: ps $t1 ms, ps json $t2 ms, jcmd -l $t3 ms, jps -l $t4 ms" >&2
done

load_after=$(background)
jcmd_median=$(tr ' ' '\n' <<<"${times[2]}" | grep . | median)
echo "# jbound ps bench, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
echo
echo "$jvms idle JVMs started; jbound ps listed $listed JVMs, jcmd -l $jcmd_listed. $runs runs each, interleaved;"
echo "background load (the idle JVMs and other users' processes) $load_before cores before the runs, $load_after after."
echo
echo "| command | median ms | min..max ms | median ÷ jcmd -l |"
echo "|---|---:|---:|---:|"
for k in 0 1 2 3; do
  vals=$(tr ' ' '\n' <<<"${times[$k]}" | grep .)
  m=$(median <<<"$vals")
  echo "| \`${names[$k]}\` | $m | $(minmax <<<"$vals") | $(awk -v a="$m" -v b="$jcmd_median" 'BEGIN {printf "%.2f", a / b}') |"
done

# phases of one `jbound ps` from its timing marks (epoch µs on stderr), with bin/jbound's JVM options
declare -A phase
labels=("JVM start-up (spawn → main)" "command line parsed (main → scan-start)" "find the JVMs in /proc (scan-found)"
  "first CPU read + JDK versions (scan-versions)" "rest of the CPU sample (scan-sampled)" "render + exit (exit)" "JVM shutdown (exit → reaped)")
for round in $(seq 1 "$runs"); do
  spawn=$(($(date +%s%N) / 1000))
  marks=$("$JAVA" -Djbound.timing=true -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -jar "$JAR" ps 2>&1 >/dev/null | awk '/^jbound.timing/ {print $3}')
  reaped=$(($(date +%s%N) / 1000))
  # shellcheck disable=SC2206
  m=($spawn $marks $reaped)
  [ "${#m[@]}" -eq 8 ] || { echo "bench: unexpected timing marks: $marks" >&2; exit 1; }
  for k in 0 1 2 3 4 5 6; do phase[$k]+="$(((m[k + 1] - m[k]) / 1000)) "; done
done
echo
echo "Phases of \`jbound ps\` (bin/jbound's JVM options, -Djbound.timing=true), $runs runs:"
echo
echo "| phase | median ms | min..max ms |"
echo "|---|---:|---:|"
for k in 0 1 2 3 4 5 6; do
  vals=$(tr ' ' '\n' <<<"${phase[$k]}" | grep .)
  echo "| ${labels[$k]} | $(median <<<"$vals") | $(minmax <<<"$vals") |"
done
