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
# server-config/target/bench-import-pg on port 55447 and the application on port 8297 (BENCH_PG_PORT, BENCH_APP_PORT). Prints a summary at the end.
# BENCH_APP=http://host:port uses a server that is already running (and its database) instead of starting both.
# BENCH_WARMUP=1 first imports the same file under another source name (not measured), so that the measured phases
# see a JVM whose JIT has compiled the import's code: the steady state rather than the first run after a start.
# BENCH_DB_URL_PARAMS: the JDBC URL's parameters (default reWriteBatchedInserts=true, as the earlier figures ran;
# empty: the URL as an installation writes it, the pool's own properties decide).
# BENCH_PG_STATS=1 loads pg_stat_statements and prints, for the import and the second import, the statements that
# took the most time (calls, rows, ms): what the database does per chunk.
set -euo pipefail
N=${1:-50000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
JAR=${BENCH_JAR:-$ROOT/server-config/target/custodian-micro.jar}  # BENCH_JAR: another build (a baseline)
WORK=$ROOT/server-config/target/bench-import-pg
PGPORT=${BENCH_PG_PORT:-55447}
APP_PORT=${BENCH_APP_PORT:-8297}
APP=${BENCH_APP:-http://127.0.0.1:$APP_PORT}
APP_PID=

. "$HERE/../lib.sh"  # a fresh cluster, the application started and awaited, token, and the clean-up at exit

# pg_stats <title>: with BENCH_PG_STATS, the statements since the last call by total time, then a reset
pg_stats() {
  [ -n "${BENCH_PG_STATS:-}" ] || return 0
  echo "-- $1: statements by total time (calls, rows, ms)"
  psql -X -q -A -F ' | ' -t -h 127.0.0.1 -p $PGPORT -U postgres -d custodian -c "select calls, rows,
    round(total_exec_time::numeric, 1), left(regexp_replace(query, '\\s+', ' ', 'g'), 140)
    from pg_stat_statements where dbid = (select oid from pg_database where datname = 'custodian')
    order by total_exec_time desc limit ${BENCH_PG_STATS_TOP:-25}" \
    -c "select pg_stat_statements_reset()" >"$WORK/stats.$$" && grep -v '^$' "$WORK/stats.$$" | sed '$d'
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

# Starts an import and waits for it; prints "<seconds> <import JSON>" (seconds: from the POST to the import's own
# finishedAt, on this machine's clock: the 1-second polling would round the end up to the next poll, which made runs
# of one build fall into two groups a second apart, ~3.1 s and ~4.5 s for 20,000 rows)
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
    sleep 1  # each poll is an audited read: not too often
  done
  [ "$status" = COMPLETED ] || { echo "import $id ended $status: $body" >&2; exit 1; }
  end=$(date -d "$(echo "$body" | field finishedAt)" +%s.%N)
  echo "$(echo "$end - $start" | bc) $body"
}

rate() { echo "scale=0; $N / $1" | bc; }

# CPU seconds used so far by the application and by the database cluster (this script's own only): on a machine
# other work loads, rows per CPU second says what the import costs when wall-clock rates do not.
TICKS=$(getconf CLK_TCK)
cpu_of() { awk -v t="$TICKS" '{ s += $14 + $15 } END { printf "%.1f", s / t }' "$@" 2>/dev/null || echo 0; }
app_cpu() { if [ -n "$APP_PID" ]; then cpu_of /proc/"$APP_PID"/stat; else echo 0; fi; }
db_cpu() {
  local pm files=()
  pm=$(head -1 "$WORK/data/postmaster.pid" 2>/dev/null) || { echo 0; return; }
  for p in $pm $(pgrep -P "$pm"); do files+=("/proc/$p/stat"); done
  cpu_of "${files[@]}"
}
cpu_rate() { echo "scale=0; $N / ($2 - $1)" | bc 2>/dev/null || echo "-"; }

if [ -z "${BENCH_APP:-}" ]; then
  fresh_cluster -c shared_buffers=512MB -c max_wal_size=4GB \
    ${BENCH_PG_STATS:+-c shared_preload_libraries=pg_stat_statements}
  [ -z "${BENCH_PG_STATS:-}" ] || psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -d custodian \
    -c "create extension pg_stat_statements"
  start_app "CUSTODIAN_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/custodian?${BENCH_DB_URL_PARAMS-reWriteBatchedInserts=true}"
else
  mkdir -p "$WORK"
fi
generate
echo "generated $N rows ($(du -h "$WORK/export.csv" | cut -f1))"
OPERATOR=$(token operator)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
SOURCE=bench$(date +%s)

if [ -n "${BENCH_WARMUP:-}" ]; then
  read -r WARM_S _ < <(timed_import "warmup$SOURCE")
  echo "warm-up import: ${WARM_S}s (not measured)"
fi
pg_stats "start-up and warm-up" >/dev/null
A0=$(app_cpu); D0=$(db_cpu)
read -r DRY_S DRY < <(timed_dry_run "$SOURCE")
A1=$(app_cpu); D1=$(db_cpu)
echo "$DRY" | grep -q "\"valid\":$N" || { echo "dry run did not accept all rows: ${DRY:0:400}" >&2; exit 1; }
read -r RUN_S RUN < <(timed_import "$SOURCE")
A2=$(app_cpu); D2=$(db_cpu)
echo "$RUN" | grep -q "\"created\":$N" || { echo "import did not create all rows: ${RUN:0:400}" >&2; exit 1; }
STATS_RUN=$(pg_stats "dry run and import")
read -r AGAIN_S AGAIN < <(timed_import "$SOURCE")
A3=$(app_cpu); D3=$(db_cpu)
echo "$AGAIN" | grep -q "\"unchanged\":$N" || { echo "second import changed something: ${AGAIN:0:400}" >&2; exit 1; }
STATS_AGAIN=$(pg_stats "second import")
[ -z "${BENCH_PG_STATS:-}" ] || printf '\n%s\n\n%s\n-- sessions of the application (pg_stat_activity.application_name): %s\n' \
  "$STATS_RUN" "$STATS_AGAIN" "$(psql -X -q -A -t -h 127.0.0.1 -p $PGPORT -U postgres -d custodian -c "select
    string_agg(distinct coalesce(nullif(application_name, ''), '(none)'), ', ') from pg_stat_activity
    where datname = 'custodian' and pid <> pg_backend_pid()")"

printf '\n== legacy import, %d rows (%d conversations)%s; load average before: %s, after: %s ==\n' "$N" \
  "$(( (N + 3) / 4 ))" "${BENCH_WARMUP:+, after a warm-up import}" "$LOAD" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %8s %9s %12s %11s %14s\n' phase wall rows/s "app cpu s" "db cpu s" "rows/cpu-s"
phase() {
  printf '%-34s %7.1fs %9d %12.1f %11.1f %14s\n' "$1" "$2" "$(rate "$2")" "$(echo "$4 - $3" | bc)" \
    "$(echo "$6 - $5" | bc)" "$(echo "scale=0; $N / ($4 - $3 + $6 - $5)" | bc 2>/dev/null || echo -)"
}
phase "dry run (validation only)" "$DRY_S" "$A0" "$A1" "$D0" "$D1"
phase "import (validate, redact, audit)" "$RUN_S" "$A1" "$A2" "$D1" "$D2"
phase "second import (all unchanged)" "$AGAIN_S" "$A2" "$A3" "$D2" "$D3"
echo "wall-clock: from the upload's start to the import's finishedAt (not rounded to the polls); app + db CPU seconds are this run's server and cluster only"
