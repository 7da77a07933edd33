#!/usr/bin/env bash
# pii-rescan benchmark (#27) against a real PostgreSQL and the real runnable jar.
#
#   server-config/src/bench/pii/run.sh [rows]   # default 100,000 rows of a FreeScout-like export (4 threads per
#                                             # conversation: 25,000 tickets, 75,000 comments, ~500 bytes of
#                                             # text each), imported through the API; then 1 ticket and 1 comment
#                                             # in 100 get a card number written past the detector (as an older
#                                             # version stored it); then the pii-rescan job runs twice: it prints
#                                             # MB/s of text scanned (wall and per CPU second of the application)
#                                             # and checks that exactly the planted records were redacted.
#
# The detector alone (no database, no job) is measured by the corpus bench: ./mvnw -q -pl ejb-module -Pbench test
# (PiiBenchmark, goal >= 50 MB/s per core); this one says what the job adds around it.
# Needs: ./mvnw package -DskipTests, PostgreSQL server binaries (initdb, pg_ctl; Debian: postgresql), psql, curl, awk,
# bc. Throwaway cluster under server-config/target/bench-pii-pg on port BENCH_PG_PORT (55461), the application on
# BENCH_APP_PORT (8311).
set -euo pipefail
N=${1:-100000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
JAR=${BENCH_JAR:-$ROOT/server-config/target/custodian-micro.jar}
WORK=$ROOT/server-config/target/bench-pii-pg
PGPORT=${BENCH_PG_PORT:-55461}
APP_PORT=${BENCH_APP_PORT:-8311}
APP=http://127.0.0.1:$APP_PORT
PSQL=(psql -X -q -t -A -h 127.0.0.1 -p "$PGPORT" -U postgres -d custodian -v ON_ERROR_STOP=1)
APP_PID=

. "$HERE/../lib.sh"  # a fresh cluster, the application started and awaited, token, and the clean-up at exit

fresh_cluster -c shared_buffers=512MB -c max_wal_size=4GB
start_app "CUSTODIAN_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/custodian?reWriteBatchedInserts=true"

OPERATOR=$(token operator)
field() { sed -E "s/.*\"$1\":\"?([^\",}]*).*/\1/"; }
now() { date +%s.%N; }
cpu() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }  # utime + stime, clock ticks
TICKS=$(getconf CLK_TCK)

echo "generating and importing $N rows ..."
awk -v n="$N" 'BEGIN {
  filler = "The printer on the third floor stops after two pages and shows error E-204; we restarted it, replaced"
  filler = filler " the toner and checked the network settings, but the job queue still hangs. Our office manager"
  filler = filler " asked whether the warranty covers a replacement unit and when a technician could come by. We are"
  filler = filler " available Monday to Thursday between nine and five; please call ahead at the front desk. The"
  filler = filler " serial number is on the sticker at the back, model LaserDesk 4200, bought in March 2023 from you."
  printf "Conversation ID,Conversation Number,Subject,Status,Mailbox,Customer ID,Customer Name,"
  printf "Customer Email,Customer Phone,Conversation Created At,Thread ID,Thread Type,Thread Created At,Body\r\n"
  for (i = 0; i < n; i++) {
    c = int(i / 4); k = int(c / 10); t = i % 4
    type = t == 0 ? "customer" : (t == 2 ? "note" : "message")
    printf "%d,%d,\"Printer %d stops after two pages\",active,Support,K%d,\"Customer %d\",customer%d@example.com,,", \
      c + 1, c + 1, c, k, k, k
    printf "2024-05-01 10:00:00,%d,%s,2024-05-01 1%d:00:00,\"Thread %d: %s\"\r\n", i + 1, type, t, t, filler
  }
}' > "$WORK/export.csv"
reply=$(curl -sf -X POST "$APP/api/v1/imports?source=bench" -H "Authorization: Bearer $OPERATOR" \
  -H 'Content-Type: text/csv' --data-binary "@$WORK/export.csv")
id=$(echo "$reply" | sed -E 's/^\{"id":([0-9]+).*/\1/')
while :; do
  status=$(curl -sf "$APP/api/v1/imports/$id" -H "Authorization: Bearer $OPERATOR" | field status)
  case $status in COMPLETED) break;; FAILED|STOPPED) echo "import ended $status" >&2; exit 1;; esac
  sleep 2
done

# what an older detector let through: a card number in 1 of 100 tickets and comments
planted_tickets=$("${PSQL[@]}" -c "with u as (update ticket set description = description || ' Card 4111 1111 1111 1111.'
  where id % 100 = 0 and anonymized_at is null returning 1) select count(*) from u")
planted_comments=$("${PSQL[@]}" -c "with u as (update ticket_comment set body = body || ' Card 5500 0000 0000 0004.'
  where id % 100 = 0 returning 1) select count(*) from u")
"${PSQL[@]}" -c "vacuum analyze ticket" -c "vacuum analyze ticket_comment" >/dev/null
echo "tickets $("${PSQL[@]}" -c "select count(*) from ticket"), comments $("${PSQL[@]}" -c \
  "select count(*) from ticket_comment"); planted: $planted_tickets tickets, $planted_comments comments"

run() {
  local start end c0 c1 reply exec body status
  c0=$(cpu); start=$(now)
  reply=$(curl -sf -X POST "$APP/api/v1/jobs/pii-rescan" -H "Authorization: Bearer $OPERATOR" \
    -H 'Content-Type: application/json' -d '{"itemCount":"500"}')
  exec=$(echo "$reply" | field executionId)
  while :; do
    body=$(curl -sf "$APP/api/v1/jobs/executions/$exec" -H "Authorization: Bearer $OPERATOR")
    status=$(echo "$body" | sed -E 's/^[^[]*"status":"([A-Z]+)".*/\1/')
    case $status in COMPLETED|FAILED|STOPPED|ABANDONED) break;; esac
    sleep 1
  done
  end=$(now); c1=$(cpu)
  exit_status=$(echo "$body" | sed -E 's/^[^[]*"exitStatus":"([^"]*)".*/\1/')
  [ "$status" = COMPLETED ] || { echo "pii-rescan ended $status: $body" >&2; exit 1; }
  bytes=$(echo "$exit_status" | sed -E 's/.*bytes=([0-9]+).*/\1/')
  secs=$(echo "$end - $start" | bc); cpus=$(echo "scale=2; ($c1 - $c0) / $TICKS" | bc)
  echo "$1: $exit_status in ${secs}s (application CPU ${cpus}s): $(echo "scale=1; $bytes / 1000000 / $secs" | bc) MB/s wall," \
    "$(echo "scale=1; $bytes / 1000000 / $cpus" | bc) MB/s per application CPU second; load $(cut -d' ' -f1 /proc/loadavg)"
}
run "first run"
redacted=$(echo "$exit_status" | sed -E 's/.*redacted=([0-9]+).*/\1/')
expected=$((planted_tickets + planted_comments))
[ "$redacted" = "$expected" ] && echo "redacted exactly the $expected planted records" \
  || { echo "redacted $redacted, planted $expected" >&2; exit 1; }
left=$("${PSQL[@]}" -c "select (select count(*) from ticket where description like '%4111 1111 1111 1111%')
  + (select count(*) from ticket_comment where body like '%5500 0000 0000 0004%')")
[ "$left" = 0 ] || { echo "$left planted card numbers are still stored" >&2; exit 1; }
run "second run (nothing left to redact)"
