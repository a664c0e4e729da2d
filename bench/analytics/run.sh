#!/usr/bin/env bash
# Dashboard latency over one tenant with a year of synthetic analytics events (default 1,000,000): compiles the
# application, then runs AnalyticsBench.java with the application's classes and runtime dependencies. The app runs
# inside that JVM on an embedded PostgreSQL in a temporary directory, listening on 127.0.0.1 only.
#
#   bench/analytics/run.sh
#   EVENTS=200000 RUNS=100 bench/analytics/run.sh
#
# Bounds, checked by the program: EVENTS 1000..5000000, RUNS 5..2000. Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/../.."

die() { echo "analytics bench: $*" >&2; exit 1; }
. bench/lib.sh
require_java

echo "Compiling the application" >&2
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true compile \
  dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
CLASSPATH="target/classes:$(cat target/bench-classpath.txt)"

exec "$JAVA_BIN" ${BENCH_JAVA_OPTS:-} -cp "$CLASSPATH" bench/analytics/AnalyticsBench.java
