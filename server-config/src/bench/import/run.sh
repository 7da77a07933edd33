#!/usr/bin/env bash
# Legacy import benchmark (#24) against a real PostgreSQL and the real runnable jar.
#
#   server-config/src/bench/import/run.sh [rows]   # default 50,000: generates a FreeScout-like CSV export (one row
#                                                 # per thread, 4 threads per conversation, a customer per 10
#                                                 # conversations, quoted commas and line breaks in the bodies, a
#                                                 # card number in every 50th body), times the dry run (validation
#                                                 # only), the import (validation, redaction, lineage, audit) and a
#                                                 # second import of the same file (everything unchanged), and
#                                                 # checks the counts. Goal: >= 5,000 rows/s with validation.
#
# Needs: ./mvnw package -DskipTests (for server-config/target/custodian-micro.jar), PostgreSQL server binaries
# (initdb, pg_ctl, postgres; Debian: postgresql), psql, curl, awk. Uses a throwaway cluster under
# server-config/target/bench-import-pg on port 55434 and the application on port 8283. Prints a summary at the end.
# BENCH_APP=http://host:port uses a server that is already running (and its database) instead of starting both.
set -euo pipefail
N=${1:-50000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
JAR=$ROOT/server-config/target/custodian-micro.jar
WORK=$ROOT/server-config/target/bench-import-pg
PGPORT=55434
APP=${BENCH_APP:-http://127.0.0.1:8283}
APP_PID=

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  [ -n "${BENCH_APP:-}" ] || as_pg pg_ctl -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

start_db() {
  as_pg pg_ctl -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK" && mkdir -p "$WORK"
  [ "$(id -u)" = 0 ] && chown postgres "$WORK"
  as_pg initdb -D "$WORK/data" -U postgres -A trust >/dev/null
  as_pg pg_ctl -D "$WORK/data" -l "$WORK/postgres.log" -w \
    -o "-p $PGPORT -k $WORK -c shared_buffers=512MB -c max_wal_size=4GB" start >/dev/null
  psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -c "create database custodian"
}

start_app() {
  [ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
  CUSTODIAN_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/custodian?reWriteBatchedInserts=true" CUSTODIAN_DB_USER=postgres \
  CUSTODIAN_DB_PASSWORD=unused CUSTODIAN_RETENTION_INTERVAL=PT0S CUSTODIAN_AUDIT_CHECKPOINT_INTERVAL=PT0S \
  CUSTODIAN_AUTH_API_SECOND_FACTOR=when-enrolled CUSTODIAN_BACKUP_SCHEDULE_ENABLED=false \
    java -Xmx2g ${BENCH_JAVA_OPTS:-} -jar "$JAR" --port 8283 >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 180); do
    curl -sf "$APP/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the application did not start; see $WORK/app.log" >&2; exit 1
}

token() {
  curl -sf -X POST "$APP/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"${CUSTODIAN_DEMO_PASSWORD:-Custodian-Demo-1}\"}" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
field() { sed -E "s/.*\"$1\":\"?([^\",}]*).*/\1/"; }
now() { date +%s.%N; }

# N rows of a FreeScout-like export: 4 threads per conversation, the first one customer's, then note or message.
generate() {
  awk -v n="$N" 'BEGIN {
    printf "\357\273\277Conversation ID,Conversation Number,Subject,Status,Mailbox,Customer ID,Customer Name,"
    printf "Customer Email,Customer Phone,Conversation Created At,Thread ID,Thread Type,Thread Created At,Body\r\n"
    for (i = 0; i < n; i++) {
      c = int(i / 4); k = int(c / 10); t = i % 4
      type = t == 0 ? "customer" : (t == 2 ? "note" : "message")
      body = "Thread " t " of conversation " c ", \"\"quoted\"\", and\nsecond line"
      if (i % 50 == 0) body = body " card 4111 1111 1111 1111"
      printf "%d,%d,\"Bench subject %d, printer\",active,Support,K%d,\"Customer, %d\",customer%d@example.com,,", \
        c + 1, c + 1, c, k, k, k
      printf "2024-05-01 10:00:00,%d,%s,2024-05-01 1%d:00:00,\"%s\"\r\n", i + 1, type, t, body
    }
  }' > "$WORK/export.csv"
}

# A dry run of the file; prints "<seconds> <report>"
timed_dry_run() {
  local start end reply
  start=$(now)
  reply=$(curl -sf -X POST "$APP/api/v1/imports?source=$1&dryRun=true" -H "Authorization: Bearer $OPERATOR" \
    -H 'Content-Type: text/csv' --data-binary "@$WORK/export.csv")
  end=$(now)
  echo "$(echo "$end - $start" | bc) $reply"
}

# Starts an import and waits for it; prints "<seconds> <import JSON>" (seconds: from the POST to the end)
timed_import() {
  local start end reply id body status
  start=$(now)
  reply=$(curl -sf -X POST "$APP/api/v1/imports?source=$1" -H "Authorization: Bearer $OPERATOR" \
    -H 'Content-Type: text/csv' --data-binary "@$WORK/export.csv")
  id=$(echo "$reply" | sed -E 's/^\{"id":([0-9]+).*/\1/')
  while :; do
    body=$(curl -sf "$APP/api/v1/imports/$id" -H "Authorization: Bearer $OPERATOR")
    status=$(echo "$body" | field status)
    case $status in COMPLETED|FAILED|STOPPED) break;; esac
    sleep 0.2
  done
  end=$(now)
  [ "$status" = COMPLETED ] || { echo "import $id ended $status: $body" >&2; exit 1; }
  echo "$(echo "$end - $start" | bc) $body"
}

rate() { echo "scale=0; $N / $1" | bc; }

if [ -z "${BENCH_APP:-}" ]; then
  start_db
  start_app
else
  mkdir -p "$WORK"
fi
generate
echo "generated $N rows ($(du -h "$WORK/export.csv" | cut -f1))"
OPERATOR=$(token operator)
SOURCE=bench$(date +%s)

read -r DRY_S DRY < <(timed_dry_run "$SOURCE")
echo "$DRY" | grep -q "\"valid\":$N" || { echo "dry run did not accept all rows: ${DRY:0:400}" >&2; exit 1; }
read -r RUN_S RUN < <(timed_import "$SOURCE")
echo "$RUN" | grep -q "\"created\":$N" || { echo "import did not create all rows: ${RUN:0:400}" >&2; exit 1; }
read -r AGAIN_S AGAIN < <(timed_import "$SOURCE")
echo "$AGAIN" | grep -q "\"unchanged\":$N" || { echo "second import changed something: ${AGAIN:0:400}" >&2; exit 1; }

printf '\n== legacy import, %d rows (%d conversations) ==\n' "$N" "$(( (N + 3) / 4 ))"
printf 'dry run (validation only)      %6.1f s  %6d rows/s\n' "$DRY_S" "$(rate "$DRY_S")"
printf 'import (validate, redact, audit)%6.1f s  %6d rows/s\n' "$RUN_S" "$(rate "$RUN_S")"
printf 'second import (all unchanged)  %6.1f s  %6d rows/s\n' "$AGAIN_S" "$(rate "$AGAIN_S")"
