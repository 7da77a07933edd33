#!/usr/bin/env bash
# Retention benchmark and crash test against a real PostgreSQL and the real runnable jar.
#
#   server-config/src/bench/retention/run.sh bench [tickets]   # default 1,000,000: a warm-up pass, the job at
#                                                             # item-count 1000 and 100, then plain SQL on the
#                                                             # same rows
#   server-config/src/bench/retention/run.sh kill  [tickets]   # default 200,000: kill -9 mid-purge, start again,
#                                                             # restart the execution, check exactly-once
#   server-config/src/bench/retention/run.sh verify [tickets]  # default 1,000,000: purge to fill the audit trail,
#                                                             # then time GET /api/v1/audit/verify
#   server-config/src/bench/retention/run.sh backup [tickets]  # default 1,000,000: full encrypted backup against
#                                                             # pg_dump -Fc of the same database, verification,
#                                                             # an incremental after 1% changes, the
#                                                             # documented gpg + psql restore (rows/s; also with
#                                                             # indexes on during COPY, as before #27), pg_restore
#                                                             # -1 of the dump and the restore job
#   server-config/src/bench/retention/run.sh backup-kill [tickets]  # default 1,000,000: kill -9 mid-export, start
#                                                             # again, restart the execution, check no half set
#
# Needs: ./mvnw package -DskipTests (for server-config/target/custodian-micro.jar), PostgreSQL server binaries
# (initdb, pg_ctl, postgres; Debian: postgresql), psql, curl; for backup also pg_dump, gpg and sha256sum. Uses a throwaway cluster under
# server-config/target/bench-pg on port 55433 and the application on port 8282 (BENCH_PG_PORT and BENCH_APP_PORT
# override them, BENCH_WORK the directory, so that two runs can go side by side). backup also needs pgbackrest
# (Debian: pgbackrest) for the side-by-side full backup; without it that line is skipped. Prints a summary at the end.
# BENCH_STATEMENTS=1 prints the statements the database spent the most time on after each job.
# BENCH_JAR runs another build (a baseline kept aside). BENCH_JAVA_OPTS adds JVM options, e.g. -XX:StartFlightRecording=filename=/tmp/purge.jfr to profile a run.
# backup: BENCH_JFR_BACKUP=FILE records the timed full backup alone (jcmd JFR.start/stop around it).
# BENCH_PG_OPTS adds server options, e.g. "-c log_min_duration_statement=50" (the statements in $WORK/postgres.log).
# BENCH_START_SECONDS: how long to wait for the application to start (default 900).
#
# The modes live in purge.sh (bench, kill, verify), backup.sh (backup, backup-kill) and restore.sh (the restore
# procedures the backup mode times); this file holds what they share.
set -euo pipefail
MODE=${1:-bench}
N=${2:-$([ "$MODE" = kill ] && echo 200000 || echo 1000000)}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
JAR=${BENCH_JAR:-$ROOT/server-config/target/custodian-micro.jar}
WORK=${BENCH_WORK:-$ROOT/server-config/target/bench-pg}
PGPORT=${BENCH_PG_PORT:-55433}
APP_PORT=${BENCH_APP_PORT:-8282}
APP=http://127.0.0.1:$APP_PORT
PSQL=(psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -d custodian -v ON_ERROR_STOP=1)
APP_PID=
# backup: archiving on (archive_command switched to pgBackRest only for its run), as pgBackRest requires
PG_EXTRA=$([ "$MODE" = backup ] && echo " -c archive_mode=on" || true)

. "$HERE/../lib.sh"  # a fresh cluster, the application started and awaited, token, and the clean-up at exit

start_db() {
  fresh_cluster -c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min$PG_EXTRA \
    ${BENCH_STATEMENTS:+-c shared_preload_libraries=pg_stat_statements} ${BENCH_PG_OPTS:-}
  [ -z "$PG_EXTRA" ] || psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -c "alter system set archive_command = '/bin/true'" \
    -c "select pg_reload_conf()" >/dev/null
  [ -z "${BENCH_STATEMENTS:-}" ] || "${PSQL[@]}" -c "create extension pg_stat_statements"
}

# the application as lib.sh starts it, with batched inserts, a backup target under $WORK and the development keys
start_server() {
  start_app "CUSTODIAN_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/custodian?reWriteBatchedInserts=true" \
    CUSTODIAN_BACKUP_TARGET_PRIMARY_PATH="$WORK/backups" \
    CUSTODIAN_BACKUP_DECRYPTION_KEY="file:$ROOT/server-config/src/test/dev-keys/backup-recipient-secret.asc" \
    --systemproperties "$ROOT/server-config/src/test/payara/development-keys.properties"
}

# kill_server: kill -9 of the application, a crash
kill_server() { kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

batch_status() { "${PSQL[@]}" -Atc "select batchstatus from jbatchexecutioninstancedata where jobexecid = $1"; }

# restart_after_crash <execution id>: starts the server again, says what became of the execution, restarts it and
# waits for the new execution; sets RESTARTED (its id) and RESTARTED_BODY (its JSON)
restart_after_crash() {
  local operator
  start_server
  echo "after start: execution $1 is $(batch_status "$1")"
  operator=$(token operator)
  RESTARTED=$(post "/api/v1/jobs/executions/$1/restart" "$operator" '' | field executionId)
  RESTARTED_BODY=$(await_execution "$operator" "$RESTARTED")
}

post() { curl -sf -X POST "$APP$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3"; }
field() { sed -E "s/.*\"$1\":\"?([^\",}]*).*/\1/"; }

setup() {
  local privacy; privacy=$(token privacy)
  for spec in BENCH_ANON:ANONYMIZE BENCH_DEL:DELETE; do
    post /api/v1/retention/policies "$privacy" "{\"name\":\"Bench ${spec#*:}\",\"categories\":[\"${spec%%:*}\"],\
\"regions\":[],\"clock\":\"AFTER_CLOSURE\",\"days\":365,\"action\":\"${spec#*:}\",\"reason\":\"Benchmark retention rule\"}" >/dev/null
  done
  "${PSQL[@]}" -v n="$N" -f "$HERE/generate.sql"
  post /api/v1/legal-holds "$privacy" '{"scope":"CUSTOMER","customerId":9000001,"reason":"Benchmark: held customer",
"authority":"Bench case 1"}' >/dev/null
}

# Polls an execution until it ends and prints its JSON.
await_execution() {
  local body
  while :; do
    body=$(curl -sf "$APP/api/v1/jobs/executions/$2" -H "Authorization: Bearer $1")
    case $(echo "$body" | field status) in COMPLETED|FAILED|STOPPED|ABANDONED) break;; esac
    sleep 1
  done
  echo "$body"
}

# Runs the job and prints "<seconds> <exit status>"; the time is the execution's own start to end.
run_job() {
  local operator id status body
  operator=$(token operator)
  id=$(post /api/v1/jobs/retention-purge "$operator" "{\"itemCount\":$1}" | field executionId)
  body=$(await_execution "$operator" "$id")
  status=$(echo "$body" | field status)
  [ "$status" = COMPLETED ] || { echo "execution $id ended $status: $body" >&2; exit 1; }
  "${PSQL[@]}" -Atc "select extract(epoch from endtime - starttime) || ' ' || exitstatus
                     from jbatchexecutioninstancedata where jobexecid = $id"
  statements >&2
}

# With BENCH_STATEMENTS=1: where the database spent the run's time, by statement (then counted afresh).
statements() {
  [ -n "${BENCH_STATEMENTS:-}" ] || return 0
  "${PSQL[@]}" -c "select calls, round(total_exec_time) as ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 90)
                   as statement from pg_stat_statements order by total_exec_time desc limit 15" \
               -c "select pg_stat_statements_reset()" 
}

purged() { echo "$2" | sed -E 's/.*anonymized=([0-9]+) deleted=([0-9]+).*/\1 \2/' | awk '{print $1 + $2}'; }

# CPU time (user + system, in clock ticks of 1/100 s) of the application (java) or of the database (postgres: the
# postmaster with what its exited children spent, plus its live children, so a backend that ends mid-round counts).
cpu_ticks() {
  local total=0 pid postmaster
  if [ "$1" = postgres ]; then
    postmaster=$(head -1 "$WORK/data/postmaster.pid")
    total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
    for pid in $(pgrep -P "$postmaster"); do
      total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
    done
  else
    total=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")
  fi
  echo "$total"
}

seconds() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", b - a}'; }

# Runs a command; sets TIMED to "<wall seconds> <CPU seconds of it and its children>".
timed() {
  local out start end
  out=$(mktemp)
  start=$(date +%s.%N)
  ( "$@"; times >"$out" )
  end=$(date +%s.%N)
  TIMED="$(seconds "$start" "$end") $(awk 'NR == 2 {split($1, u, "m"); split($2, s, "m");
    printf "%.2f", u[1] * 60 + u[2] + s[1] * 60 + s[2]}' "$out")"
  rm -f "$out"
}

ticks() { awk -v t="$1" 'BEGIN{printf "%.2f", t / 100}'; }

. "$HERE/purge.sh"
. "$HERE/backup.sh"
. "$HERE/restore.sh"

case $MODE in
  bench) bench ;;
  backup-kill) backup_kill_test ;;
  kill) kill_test ;;
  verify) verify_bench ;;
  backup) backup_bench ;;
  *) echo "usage: $0 bench|kill|verify|backup|backup-kill [tickets]" >&2; exit 2 ;;
esac
