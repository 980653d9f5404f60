#!/usr/bin/env bash
# Scenario "import": a CSV of 1,000,000 contacts (ROWS=n for another size) uploaded and imported through the API,
# against PostgreSQL's COPY of the same file in the same run. Prints one JSON line: rows, throughput_per_s,
# p50_ms and p99_ms per 1,000 rows, baseline_throughput_per_s, ratio, peak_heap_mb (the platform runs with -Xmx1g).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -ntp -q package -DskipTests
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
"$JAVA_HOME/bin/java" -Dbench.import.rows="${ROWS:-1000000}" \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" com.maxmysales.bench.Bench target/maxmysales.jar import
