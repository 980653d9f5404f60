#!/usr/bin/env bash
# Measures the retention purge's rate (rows/s): ROWS messages of conversations that ended 40 days ago, purged by
# the platform's own job through POST /api/v1/privacy/purges (batched updates, legal-hold checks, counts, history,
# audit), against a baseline measured in the same run on the same rows: one plain
#   UPDATE messages SET text = NULL, payload = NULL WHERE <the same rows>
# Each is run RUNS times on freshly restored rows. Prints one JSON line. Needs psql.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ROWS=${ROWS:-200000}
RUNS=${RUNS:-3}
command -v psql >/dev/null || { echo "bench/purge.sh needs psql (apt-get install postgresql-client)" >&2; exit 1; }
[ -f target/maxmysales.jar ] || ./mvnw -B -ntp -q package -DskipTests
work=$(mktemp -d "${TMPDIR:-/tmp}/mms-purge.XXXXXX")
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port); pgport=$(free_port); token=bench-$RANDOM$RANDOM

"$JAVA_HOME/bin/java" -Djava.io.tmpdir="$work" -jar target/maxmysales.jar --server.port="$port" \
    --maxmysales.data-dir="$work/data" --maxmysales.database.embedded.port="$pgport" --maxmysales.admin-token="$token" \
    --maxmysales.demo.enabled=false --maxmysales.privacy.purge-initial-delay=PT12H >"$work/platform.log" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
  kill -0 $pid 2>/dev/null || { tail -30 "$work/platform.log"; exit 1; }
  sleep 0.2
done
api=http://127.0.0.1:$port/api/v1
key=$(curl -sf -X POST "$api/admin/workspaces" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"name": "Purge bench"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["apiKey"])')
channel=$(curl -sf -X POST "$api/channels" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d '{"sandbox": true}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
workspace=$(curl -sf "$api/workspace" -H "Authorization: Bearer $key" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
export PGPASSWORD=$(cat "$work/data/secrets/postgres.password")
sql() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# 1,000 contacts with 10 ended conversations each; ROWS messages spread over them, as ciphertext-sized bytes.
sql <<SQL
insert into contacts (id, workspace_id, created_at, updated_at)
select gen_random_uuid(), '$workspace', now(), now() from generate_series(1, 1000);
insert into conversations (id, workspace_id, contact_id, channel_id, state, opened_at, last_message_at, ended_at)
select gen_random_uuid(), '$workspace', c.id, '$channel', 'ended', now() - interval '41 days', now() - interval '41 days',
       now() - interval '40 days'
from contacts c cross join generate_series(1, 10) where c.workspace_id = '$workspace';
create table bench_conversations as select id, contact_id, row_number() over () as n from conversations where workspace_id = '$workspace';
insert into messages (id, workspace_id, conversation_id, channel_id, contact_id, direction, type, text, payload, status, created_at)
select gen_random_uuid(), '$workspace', b.id, '$channel', b.contact_id, 'inbound', 'text',
       decode(repeat(md5(i::text), 3), 'hex'), decode(repeat(md5((i + 1)::text), 4), 'hex'), 'received',
       now() - interval '41 days'
from generate_series(1, $ROWS) i join bench_conversations b on b.n = 1 + i % 10000;
create table bench_content as select id, text, payload from messages where workspace_id = '$workspace';
analyze;
SQL

restore() {
  sql -c "update messages m set text = b.text, payload = b.payload from bench_content b where m.id = b.id" >/dev/null
  sql -c "vacuum analyze messages" >/dev/null
}
now_ms() { date +%s%3N; }
purge_ms=(); base_ms=(); purged=0
for run in $(seq "$RUNS"); do
  restore
  start=$(now_ms)
  report=$(curl -sf -X POST "$api/privacy/purges" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d '{}')
  purge_ms+=($(( $(now_ms) - start )))
  purged=$(echo "$report" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(sum(l["purged"] for l in r["lines"] if l["retentionClass"]=="content" and l["category"]=="messages"))')
  [ "$purged" -eq "$ROWS" ] || { echo "the purge removed $purged of $ROWS" >&2; exit 1; }
  restore
  start=$(now_ms)
  sql -c "update messages set text = null, payload = null where workspace_id = '$workspace'
          and conversation_id in (select id from conversations where workspace_id = '$workspace' and state = 'ended'
                                  and ended_at < now() - interval '30 days')
          and (text is not null or payload is not null)" >/dev/null
  base_ms+=($(( $(now_ms) - start )))
done
python3 - "$ROWS" "${purge_ms[*]}" "${base_ms[*]}" <<'PY'
import json, statistics, sys
rows = int(sys.argv[1]); purge = sorted(map(int, sys.argv[2].split())); base = sorted(map(int, sys.argv[3].split()))
def pct(values, p): return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]
throughput = rows / (statistics.median(purge) / 1000); baseline = rows / (statistics.median(base) / 1000)
print(json.dumps({"scenario": "purge", "rows": rows, "runs": len(purge), "throughput_per_s": round(throughput),
    "p50_ms": pct(purge, 50), "p99_ms": pct(purge, 99),
    "baseline": "one plain UPDATE messages SET text = NULL, payload = NULL of the same rows",
    "baseline_throughput_per_s": round(baseline), "baseline_p50_ms": pct(base, 50), "ratio": round(throughput / baseline, 3)}))
PY
