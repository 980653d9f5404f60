#!/usr/bin/env bash
# Measures how long the packaged platform takes from `java -jar` to a healthy /actuator/health, on a fresh
# data directory (first start: PostgreSQL binaries unpacked, initdb, migrations, demo workspace) and again
# on the same directory (warm start), and its resident memory once ready. Prints one JSON line per start.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -f target/maxmysales.jar ] || ./mvnw -B -ntp -q package -DskipTests
work=$(mktemp -d "${TMPDIR:-/tmp}/mms-startup.XXXXXX")
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

measure() {
  local label=$1 start end rss
  start=$(date +%s%N)
  "$JAVA_HOME/bin/java" -Djava.io.tmpdir="$work" -jar target/maxmysales.jar --server.port="$port" \
      --maxmysales.data-dir="$work/data" >"$work/$label.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
    kill -0 $pid 2>/dev/null || { tail -30 "$work/$label.log"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  printf '{"scenario":"startup","start":"%s","ready_ms":%d,"jvm_rss_mb":%d}\n' \
      "$label" $(( (end - start) / 1000000 )) $(( rss / 1024 ))
  kill $pid; wait $pid 2>/dev/null || true
}

measure first
measure warm
