#!/usr/bin/env bash
# jbound benchmarks: bench/run.sh [overhead|watch|verdict|loader|big|routes|os|advice|all]
# Builds target/jbound.jar if missing, compiles bench/src into bench/target/classes and runs the
# chosen benchmark(s). Figures go to stdout as Markdown tables, progress to stderr.
# Tuning (optional): BENCH_JAVA_OPTS, e.g. "-Dbench.rounds=8 -Dbench.window.ms=5000 -Dbench.parked=0,2000"
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-all}"
case "$what" in overhead|watch|verdict|loader|big|routes|os|advice|all) ;; *) echo "usage: bench/run.sh [overhead|watch|verdict|loader|big|routes|os|advice|all]" >&2; exit 2 ;; esac

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
JAR=target/jbound.jar
if [ ! -f "$JAR" ]; then
  echo "bench: building $JAR" >&2
  # offline first (the usual case once ~/.m2 is filled); a fresh machine needs the network once
  mvn -q -o package -DskipTests || mvn -q package -DskipTests
fi

# The advice bench runs the tests' workloads (src/test: the closed-loop services, their downstreams)
# with the tests' libraries (commons-pool2); the bench's sources compile against them.
if [ ! -d target/test-classes ] || [ ! -f target/test-classpath.txt ]; then
  echo "bench: compiling the tests' workloads" >&2
  mvn -q -o test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt \
    || mvn -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
fi
# a copy: a build while the bench runs must not pull its classes from under it
rm -rf bench/target/test-classes && mkdir -p bench/target && cp -r target/test-classes bench/target/test-classes
EXTRA=":bench/target/test-classes:$(cat target/test-classpath.txt)"

CLASSES=bench/target/classes
rm -rf "$CLASSES"
mkdir -p "$CLASSES"
"$JAVAC" -d "$CLASSES" -cp "$JAR$EXTRA" bench/src/bench/*.java

run() {
  # shellcheck disable=SC2086
  "$JAVA" ${BENCH_JAVA_OPTS:-} -Dbench.classes="$CLASSES" -Dbench.jar="$JAR" -cp "$CLASSES:$JAR$EXTRA" "$@"
}

echo "# jbound bench, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
[ "$what" = overhead ] || [ "$what" = all ] && run bench.OverheadBench
[ "$what" = watch ] || [ "$what" = all ] && run bench.WatchOverheadBench
[ "$what" = verdict ] || [ "$what" = all ] && run bench.VerdictBench
[ "$what" = loader ] || [ "$what" = all ] && run bench.LoaderBench
[ "$what" = big ] || [ "$what" = all ] && run bench.BigRecordingBench
[ "$what" = routes ] || [ "$what" = all ] && run bench.RoutesBench
[ "$what" = os ] || [ "$what" = all ] && run bench.OsSensorBench
[ "$what" = advice ] || [ "$what" = all ] && run bench.AdviceBench
exit 0
