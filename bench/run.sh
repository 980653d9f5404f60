#!/usr/bin/env bash
# Runs every benchmark scenario (or the one named) against a platform it starts itself, printing one JSON
# line per scenario: scenario, throughput_per_s, p50_ms, p99_ms, baseline, baseline_throughput_per_s, ratio.
#   ./bench/run.sh            all scenarios
#   ./bench/run.sh ingest     one of: ingest process ingest-alone outbound campaign leads reply-under-load import ingest-crypto
#                             inbox-live inbox-list analytics bot classify
#                             (BENCH_JAVA_OPTS adds options to the bench JVM, e.g. -Dbench.analytics.messages=100000)
#                             (bench/import.sh: import alone, ROWS=n)
#   ./bench/run.sh two-nodes  ingest, process and outbound with a second node on the first one's database
# outbound (and inbox-live's load) send to Meta's Graph API played by support.GraphStub in a JVM of its own, queued
# through POST /api/v1/messages/bulk; JAVA_TOOL_OPTIONS=-Dbench.outbound.messages=N sets how many (10,000).
# bench/jfr-stages.py breaks a platform's flight recording down by stage (docs/performance.md).
# BENCH_PLATFORM_JAVA_OPTS adds JVM options to the platforms, e.g. -XX:StartFlightRecording=filename=x.jfr
# BENCH_JAVA_OPTS=-Dbench.start-minutes=15 waits longer for a platform to start on a loaded machine (5)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -ntp -q package -DskipTests
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
"$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    com.maxmysales.bench.Bench target/maxmysales.jar "${1:-all}"
