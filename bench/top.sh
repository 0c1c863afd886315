#!/usr/bin/env bash
# What jbound top costs: bench/top.sh [WORKLOAD] [ROUNDS]
# Starts a demo workload (default: lock), then alternates 20 s with `jbound top` on it and 20 s
# without, ROUNDS times (default 3). Prints jbound's own CPU per second (its asprof/jattach
# children included) and the target's CPU per second with and without top, as a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
workload="${1:-lock}"
rounds="${2:-3}"
command -v tmux >/dev/null || { echo "bench/top.sh needs tmux" >&2; exit 2; }
[ -f target/jbound.jar ] || mvn -q -o package -DskipTests || mvn -q package -DskipTests
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
hz=$(getconf CLK_TCK)
window=20

# utime+stime (+ reaped children's with $2 = all) of a pid, in clock ticks
ticks() { awk -v all="${2:-}" '{ print $14 + $15 + (all ? $16 + $17 : 0) }' "/proc/$1/stat"; }

out=$(mktemp)
"$JAVA" -cp target/jbound.jar dev.jbound.demo.WorkloadMain "$workload" --seconds $(( rounds * window * 3 + 60 )) > "$out" 2>&1 &
for _ in $(seq 50); do grep -q ready "$out" && break; sleep 0.2; done
pid=$(awk '/ready/{print $3}' "$out")
trap 'kill $pid 2>/dev/null; tmux kill-session -t jbound-bench-top 2>/dev/null; rm -f "$out"' EXIT
sleep 3

echo "# jbound top cost, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, workload $workload, ${window} s per sample"
echo
echo "| round | jbound top CPU (ms/s, children included) | target CPU with top (ms/s) | target CPU alone (ms/s) |"
echo "|---|---|---|---|"
for r in $(seq "$rounds"); do
  tmux new-session -d -s jbound-bench-top -x 100 -y 30 "bin/jbound top $pid"
  sleep 5  # past start-up and the first interval
  jp=""
  for p in $(pgrep -f "top $pid"); do [ "$(cat /proc/"$p"/comm)" = java ] && jp=$p; done
  j0=$(ticks "$jp" all); t0=$(ticks "$pid")
  sleep "$window"
  j1=$(ticks "$jp" all); t1=$(ticks "$pid")
  tmux send-keys -t jbound-bench-top q
  sleep 4
  tmux kill-session -t jbound-bench-top 2>/dev/null || true
  a0=$(ticks "$pid"); sleep "$window"; a1=$(ticks "$pid")
  echo "| $r | $(( (j1 - j0) * 1000 / hz / window )) | $(( (t1 - t0) * 1000 / hz / window )) | $(( (a1 - a0) * 1000 / hz / window )) |"
done
