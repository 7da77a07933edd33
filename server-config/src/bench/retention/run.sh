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

[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  if [ -n "$APP_PID" ]; then  # a clean stop first, so that a flight recording is written
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  as_pg pg_ctl -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

start_db() {
  as_pg pg_ctl -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK" && mkdir -p "$WORK"
  [ "$(id -u)" = 0 ] && chown postgres "$WORK"
  as_pg initdb -D "$WORK/data" -U postgres -A trust >/dev/null
  as_pg pg_ctl -D "$WORK/data" -l "$WORK/postgres.log" -w \
    -o "-p $PGPORT -k $WORK -c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min$PG_EXTRA${BENCH_STATEMENTS:+ -c shared_preload_libraries=pg_stat_statements}" start >/dev/null
  psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -c "create database custodian"
  [ -z "$PG_EXTRA" ] || psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -c "alter system set archive_command = '/bin/true'" \
    -c "select pg_reload_conf()" >/dev/null
  [ -z "${BENCH_STATEMENTS:-}" ] || "${PSQL[@]}" -c "create extension pg_stat_statements"
}

start_app() {
  CUSTODIAN_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/custodian?reWriteBatchedInserts=true" CUSTODIAN_DB_USER=postgres \
  CUSTODIAN_DB_PASSWORD=unused CUSTODIAN_RETENTION_INTERVAL=PT0S CUSTODIAN_AUDIT_CHECKPOINT_INTERVAL=PT0S \
  CUSTODIAN_AUTH_API_SECOND_FACTOR=when-enrolled \
  CUSTODIAN_BACKUP_SCHEDULE_ENABLED=false CUSTODIAN_BACKUP_TARGET_PRIMARY_PATH="$WORK/backups" \
  CUSTODIAN_BACKUP_DECRYPTION_KEY="file:$ROOT/server-config/src/test/dev-keys/backup-recipient-secret.asc" \
  CUSTODIAN_DEMO_SEED=true CUSTODIAN_DEMO_PASSWORD=Custodian-Demo-1 CUSTODIAN_DATA_DIR="$WORK/data-dir" \
    java -Xmx2g ${BENCH_JAVA_OPTS:-} -jar "$JAR" --port "$APP_PORT" \
      --systemproperties "$ROOT/server-config/src/test/payara/development-keys.properties" >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 "${BENCH_START_SECONDS:-600}"); do  # a loaded machine takes minutes to deploy
    curl -sf "$APP/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the application did not start; see $WORK/app.log" >&2; exit 1
}

token() {
  curl -sf -X POST "$APP/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"Custodian-Demo-1\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
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

bench() {
  start_db; start_app; setup
  echo "data set: $N tickets, $(( N / 2 )) comments; policies anonymize BENCH_ANON and delete BENCH_DEL; customer"
  echo "9000001 held. Java $(java -version 2>&1 | head -1), $(nproc) cores."
  local line secs purged1000 purged100 rate1000 rate100
  # A freshly started JVM spends much of the first purge compiling (the JIT threads took more CPU than the
  # job): one untimed pass over the same data first, as a long-running server would have had.
  line=$(run_job 1000); secs=${line%% *}
  echo "warm-up (cold JVM), item-count 1000: ${line#* } in ${secs}s -> $(awk -v p="$(purged x "$line")" \
    -v s="$secs" 'BEGIN{printf "%.0f", p / s}') tickets/s"
  "${PSQL[@]}" -f "$HERE/reset.sql"
  line=$(run_job 1000); secs=${line%% *}; purged1000=$(purged x "$line")
  rate1000=$(awk -v p="$purged1000" -v s="$secs" 'BEGIN{printf "%.0f", p / s}')
  echo "item-count 1000: ${line#* } in ${secs}s -> $rate1000 tickets/s"
  "${PSQL[@]}" -f "$HERE/reset.sql"
  line=$(run_job 100); secs=${line%% *}; purged100=$(purged x "$line")
  rate100=$(awk -v p="$purged100" -v s="$secs" 'BEGIN{printf "%.0f", p / s}')
  echo "item-count 100:  ${line#* } in ${secs}s -> $rate100 tickets/s"
  "${PSQL[@]}" -f "$HERE/reset.sql"
  local start end
  start=$(date +%s.%N)
  "${PSQL[@]}" -f "$HERE/plain-sql.sql" >/dev/null
  end=$(date +%s.%N)
  local sqlrate
  sqlrate=$(awk -v p="$purged1000" -v a="$start" -v b="$end" 'BEGIN{printf "%.0f", p / (b - a)}')
  echo "plain SQL:       $purged1000 tickets in $(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.2f", b - a}')s -> $sqlrate tickets/s"
  awk -v a="$rate100" -v b="$rate1000" -v c="$sqlrate" 'BEGIN{printf "item-count 100 / 1000 = %.2f; job / plain SQL = %.2f\n", a / b, b / c}'
}

kill_test() {
  start_db; start_app; setup
  local operator id total seen
  operator=$(token operator)
  total=$("${PSQL[@]}" -Atc "select count(*) from ticket where id > 9000000 and customer_id <> 9000001")
  id=$(post /api/v1/jobs/retention-purge "$operator" '{"itemCount":500}' | field executionId)
  while :; do
    seen=$("${PSQL[@]}" -Atc "select count(*) from audit_event where action in ('RETENTION_ANONYMIZE','RETENTION_DELETE')")
    [ "$seen" -ge $(( total / 3 )) ] && break
    sleep 0.2
  done
  kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
  echo "killed the server (kill -9) with $seen of $total tickets purged;" \
    "execution $id is $("${PSQL[@]}" -Atc "select batchstatus from jbatchexecutioninstancedata where jobexecid = $id")"
  start_app
  echo "after start: execution $id is $("${PSQL[@]}" -Atc "select batchstatus from jbatchexecutioninstancedata where jobexecid = $id")"
  operator=$(token operator)
  local restarted status body
  restarted=$(post "/api/v1/jobs/executions/$id/restart" "$operator" '' | field executionId)
  body=$(await_execution "$operator" "$restarted")
  status=$(echo "$body" | field status)
  echo "restarted as execution $restarted: $status, $(echo "$body" | field exitStatus)"
  "${PSQL[@]}" -At <<SQL
select 'eligible tickets: $total';
select 'purge events per ticket > 1 (duplicates): ' || count(*) from (select resource_id from audit_event
  where action in ('RETENTION_ANONYMIZE','RETENTION_DELETE') group by resource_id having count(*) > 1) d;
select 'eligible tickets without exactly one purge event (gaps): ' || count(*) from bench_ticket b
  left join (select resource_id, count(*) as events from audit_event
             where action in ('RETENTION_ANONYMIZE','RETENTION_DELETE') group by resource_id) e
  on e.resource_id = b.id::text
  where b.customer_id <> 9000001 and coalesce(e.events, 0) <> 1;
select 'BENCH_ANON tickets not anonymized: ' || count(*) from ticket where category = 'BENCH_ANON'
  and customer_id <> 9000001 and (anonymized_at is null or description <> '[anonymized]');
select 'BENCH_DEL tickets still there: ' || count(*) from ticket where category = 'BENCH_DEL' and customer_id <> 9000001;
select 'held tickets changed or gone: ' || (select count(*) from bench_ticket where customer_id = 9000001)
  - (select count(*) from ticket t join bench_ticket b using (id) where t.customer_id = 9000001
     and t.description = b.description and t.anonymized_at is null);
select 'other tickets touched: ' || count(*) from ticket where id <= 9000000 and anonymized_at is not null;
select 'JOB_RECOVERED events: ' || count(*) from audit_event where action = 'JOB_RECOVERED';
SQL
}

# Audit verification from PostgreSQL: the purge leaves one event per purged ticket, then GET /api/v1/audit/verify
# walks the whole trail five times (the first rounds warm the JVM up). Each round also prints the CPU time the
# database and the application spent, which is where a 2-core machine's ceiling shows.
verify_bench() {
  start_db; start_app; setup
  run_job 1000 >/dev/null
  local auditor events start end body pg0 pg1 app0 app1
  events=$("${PSQL[@]}" -Atc "select count(*) from audit_event")
  echo "trail: $events events"
  for round in 1 2 3 4 5; do
    auditor=$(token auditor)
    pg0=$(cpu_ticks postgres); app0=$(cpu_ticks app)
    start=$(date +%s.%N)
    body=$(curl -sf "$APP/api/v1/audit/verify" -H "Authorization: Bearer $auditor")
    end=$(date +%s.%N)
    pg1=$(cpu_ticks postgres); app1=$(cpu_ticks app)
    echo "verify round $round: $body in $(seconds "$start" "$end")s ->" \
      "$(awk -v n="$events" -v a="$start" -v b="$end" 'BEGIN{printf "%.0f", n / (b - a)}') events/s;" \
      "CPU: PostgreSQL $(awk -v t=$((pg1 - pg0)) -v n="$events" 'BEGIN{printf "%.2f", t * 1e4 / n}') us/event," \
      "Java $(awk -v t=$((app1 - app0)) -v n="$events" 'BEGIN{printf "%.2f", t * 1e4 / n}') us/event"
  done
}

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

# Takes a backup through the API (as the operator whose token is $2, else a fresh login); prints "<seconds from
# execution start to end> <catalog entry JSON>".
backup_set() {
  local operator=${2:-} id body status secs
  [ -n "$operator" ] || operator=$(token operator)
  id=$(post /api/v1/backups "$operator" "{\"type\":\"$1\",\"reason\":\"benchmark\"}" | field executionId)
  body=$(await_execution "$operator" "$id")
  status=$(echo "$body" | field status)
  [ "$status" = COMPLETED ] || { echo "backup execution $id ended $status: $body" >&2; exit 1; }
  secs=$("${PSQL[@]}" -Atc "select extract(epoch from endtime - starttime) from jbatchexecutioninstancedata
                           where jobexecid = $id")
  echo "$secs $("${PSQL[@]}" -Atc "select id || ' ' || set_name || ' ' || row_count || ' ' || size_bytes
                                    from backup_set where job_execution_id = $id")"
}

backup_bench() {
  start_db; start_app; setup
  # the retention bench's copies are not Custodian data; the change log of the generated rows is not either
  "${PSQL[@]}" -c "drop table bench_ticket, bench_comment" -c "truncate backup_change" -c "vacuum analyze"
  local rows line secs id name setrows bytes start end dumpsecs
  rows=$("${PSQL[@]}" -Atc "select (select count(*) from ticket) + (select count(*) from ticket_comment)")
  echo "data set: $N tickets, $(( N / 2 )) comments ($rows rows in the two tables); database" \
    "$("${PSQL[@]}" -Atc "select pg_size_pretty(pg_database_size('custodian'))"). Java $(java -version 2>&1 | head -1)," \
    "$(nproc) cores, PostgreSQL $("${PSQL[@]}" -Atc 'show server_version')."
  line=$(backup_set FULL); echo "warm-up full backup (cold JVM): ${line%% *}s"
  local pg0 pg1 app0 app1 dumpcpu operator
  # the login (PBKDF2, about a CPU second) before the CPU window: pg_dump has none in its window either
  operator=$(token operator)
  pg0=$(cpu_ticks postgres); app0=$(cpu_ticks app)
  # BENCH_JFR_BACKUP=FILE: a flight recording (profile settings) of this backup alone
  [ -z "${BENCH_JFR_BACKUP:-}" ] || jcmd "$APP_PID" JFR.start name=backup settings=profile >/dev/null
  line=$(backup_set FULL "$operator"); read -r secs id name setrows bytes <<<"$line"
  [ -z "${BENCH_JFR_BACKUP:-}" ] || jcmd "$APP_PID" JFR.stop name=backup filename="$BENCH_JFR_BACKUP" >/dev/null
  pg1=$(cpu_ticks postgres); app1=$(cpu_ticks app)
  echo "full encrypted backup: ${secs}s, $setrows rows, $bytes bytes ($name); CPU: Java $(ticks $((app1 - app0)))s," \
    "PostgreSQL $(ticks $((pg1 - pg0)))s; load $(cut -d' ' -f1-3 /proc/loadavg)"
  # where the job's time went: each step's start to end, and what lies outside the steps (job start and end)
  echo "  steps: $("${PSQL[@]}" -Atc "select string_agg(s.stepname || ' ' || round(extract(epoch from s.endtime
    - s.starttime)::numeric, 3) || 's', ', ' order by s.stepexecid) || '; outside the steps ' || round(extract(epoch
    from (j.endtime - j.starttime) - sum(s.endtime - s.starttime))::numeric, 3) || 's' from jbatchstepexecutioninstancedata s
    join jbatchexecutioninstancedata j on j.jobexecid = s.jobexecid where s.jobexecid = (select job_execution_id from
    backup_set where id = $id) group by j.endtime, j.starttime")"
  local backupcpu=$(( app1 - app0 + pg1 - pg0 ))
  pg0=$(cpu_ticks postgres)
  timed pg_dump -h 127.0.0.1 -p $PGPORT -U postgres -Fc -f "$WORK/custodian.pgdump" custodian
  pg1=$(cpu_ticks postgres); dumpsecs=${TIMED%% *}; dumpcpu=${TIMED#* }
  echo "pg_dump -Fc: ${dumpsecs}s, $(stat -c %s "$WORK/custodian.pgdump") bytes; CPU: pg_dump ${dumpcpu}s, PostgreSQL" \
    "$(ticks $((pg1 - pg0)))s; load $(cut -d' ' -f1-3 /proc/loadavg)"
  pgbackrest_bench
  local auditor verifysecs decryptsecs gnupg
  # what an auditor does without any secret key: checksums and the manifest's signature
  gnupg=$(mktemp -d); chmod 700 "$gnupg"
  GNUPGHOME=$gnupg gpg --batch -q --import "$ROOT/server-config/src/test/dev-keys/backup-signing-public.asc" 2>/dev/null
  start=$(date +%s.%N)
  (cd "$WORK/backups/$name" && sha256sum --quiet -c SHA256SUMS && GNUPGHOME=$gnupg gpg --batch -q --verify \
    manifest.json.asc manifest.json 2>/dev/null)
  end=$(date +%s.%N); verifysecs=$(seconds "$start" "$end")
  echo "verification without keys (sha256sum -c SHA256SUMS, gpg --verify manifest): ${verifysecs}s"
  auditor=$(token auditor)
  pg0=$(cpu_ticks postgres); app0=$(cpu_ticks app)
  start=$(date +%s.%N)
  curl -sf -X POST "$APP/api/v1/backups/$id/verify" -H "Authorization: Bearer $auditor" | field ok | sed 's/^/ok=/' | tr '\n' ';'; echo -n ' '
  end=$(date +%s.%N); decryptsecs=$(seconds "$start" "$end")
  pg1=$(cpu_ticks postgres); app1=$(cpu_ticks app)
  echo "POST /api/v1/backups/$id/verify with the decryption key (every file decrypted and hashed): ${decryptsecs}s;" \
    "CPU Java $(ticks $((app1 - app0)))s, PostgreSQL $(ticks $((pg1 - pg0)))s: $(awk -v v=$((app1 - app0 + pg1 - pg0)) \
    -v b="$backupcpu" 'BEGIN{printf "%.2f", v / b}') x the backup's CPU; load $(cut -d' ' -f1-3 /proc/loadavg)"
  restore_bench "$WORK/backups/$name"
  "${PSQL[@]}" -c "update ticket set priority = 'HIGH' where id % 100 = 7"
  line=$(backup_set INCREMENTAL); read -r isecs iid iname irows ibytes <<<"$line"
  echo "incremental after 1% of tickets changed: ${isecs}s, $irows rows, $ibytes bytes ($iname)"
  local operator rid report
  operator=$(token operator)
  pg0=$(cpu_ticks postgres); app0=$(cpu_ticks app)
  rid=$(post /api/v1/backups/restores "$operator" "{\"setId\":$iid,\"reason\":\"benchmark\"}" | field executionId)
  await_execution "$operator" "$rid" >/dev/null
  pg1=$(cpu_ticks postgres); app1=$(cpu_ticks app)
  report=$("${PSQL[@]}" -Atc "select ok || ' ' || rows_restored || ' ' || rto_ms from restore_run where job_execution_id = $rid")
  read -r rok rrows rms <<<"$report"
  # the job's second step builds the deferred indexes after the data committed (#27): timed apart
  local isecs
  isecs=$("${PSQL[@]}" -Atc "select coalesce(round(extract(epoch from endtime - starttime)::numeric, 2), 0)
    from jbatchstepexecutioninstancedata where jobexecid = $rid and stepname = 'indexes'" 2>/dev/null || true)
  echo "restore job (full + incremental into custodian_restore, all checks): ok=$rok, $rrows rows committed in $(awk -v m="$rms" \
    'BEGIN{printf "%.2f", m / 1000}')s -> $(awk -v n="$rrows" -v m="$rms" 'BEGIN{printf "%.0f", n * 1000 / m}') rows/s;" \
    "deferred indexes after the commit (step indexes) ${isecs:-?}s; data + indexes $(awk -v n="$rrows" -v m="$rms" \
    -v i="${isecs:-0}" 'BEGIN{printf "%.0f", n / (m / 1000 + i)}') rows/s;" \
    "CPU Java $(ticks $((app1 - app0)))s, PostgreSQL $(ticks $((pg1 - pg0)))s -> $(awk -v n="$rrows" \
    -v c=$((app1 - app0 + pg1 - pg0)) 'BEGIN{printf "%.0f", n * 100 / c}') rows per CPU second; load $(cut -d' ' -f1-3 /proc/loadavg)"
  awk -v b="$secs" -v d="$dumpsecs" -v v="$verifysecs" -v x="$decryptsecs" \
    'BEGIN{printf "full backup / pg_dump -Fc = %.2f (target <= 0.8); verification / backup = %.2f without keys, %.2f decrypting (target <= 0.33)\n", b / d, v / b, x / b}'
  [ -z "$BACKREST_SECS" ] || awk -v b="$secs" -v r="$BACKREST_SECS" -v s="$bytes" -v z="$BACKREST_BYTES" \
    'BEGIN{printf "full backup / pgBackRest full = %.2f in time, %.2f in size\n", b / r, s / z}'
}

# pgBackRest (what a DBA would use instead) on the same cluster: repository on local disk, zstd, two processes;
# WAL goes to its archive from here on. Sets BACKREST_SECS and BACKREST_BYTES (empty without pgbackrest).
BACKREST_SECS= BACKREST_BYTES=
pgbackrest_bench() {
  command -v pgbackrest >/dev/null || { echo "pgBackRest: not installed (Debian: apt-get install pgbackrest), skipped"; return 0; }
  local conf=$WORK/pgbackrest.conf pg0 pg1
  mkdir -p "$WORK/pgbackrest"
  cat >"$conf" <<CONF
[global]
repo1-path=$WORK/pgbackrest/repo
repo1-retention-full=1
compress-type=zst
process-max=2
start-fast=y
log-path=$WORK/pgbackrest
lock-path=$WORK/pgbackrest
log-level-console=warn
[bench]
pg1-path=$WORK/data
pg1-port=$PGPORT
pg1-socket-path=$WORK
pg1-user=postgres
CONF
  [ "$(id -u)" = 0 ] && chown -R postgres "$WORK/pgbackrest" "$conf"
  "${PSQL[@]}" -c "alter system set archive_command = 'pgbackrest --config=$conf --stanza=bench archive-push %p'" \
    -c "select pg_reload_conf()" >/dev/null
  as_pg pgbackrest --config="$conf" --stanza=bench stanza-create
  pg0=$(cpu_ticks postgres)
  timed as_pg pgbackrest --config="$conf" --stanza=bench --type=full backup
  pg1=$(cpu_ticks postgres)
  BACKREST_SECS=${TIMED%% *}
  BACKREST_BYTES=$(du -sb "$WORK/pgbackrest/repo/backup/bench" | cut -f1)
  echo "pgBackRest full (zst, process-max=2, local repository): ${BACKREST_SECS}s, $BACKREST_BYTES bytes (whole" \
    "cluster, $(du -sb "$WORK/data" | cut -f1) bytes on disk; WAL archive $(du -sb "$WORK/pgbackrest/repo/archive" |
    cut -f1) bytes besides); CPU: pgBackRest ${TIMED#* }s, PostgreSQL $(ticks $((pg1 - pg0)))s; load $(cut -d' ' -f1-3 /proc/loadavg)"
  "${PSQL[@]}" -c "alter system set archive_command = '/bin/true'" -c "select pg_reload_conf()" >/dev/null
}

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

# The SQL of docs/backup-format.md's load of a FULL set: the secondary indexes no constraint uses, and which of them
# are built again in the load's transaction (unique ones, b-trees led by a foreign key's columns).
DEFERRED_INDEXES="select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition,
    i.indisunique or (a.amname = 'btree' and i.indpred is null and exists (select 1 from pg_constraint f,
      lateral (select (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(f.conkey)] as columns) l
      where f.contype = 'f' and f.conrelid = i.indrelid and l.columns @> f.conkey and f.conkey @> l.columns))
      as in_transaction
  from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
 where c.relnamespace = current_schema()::regnamespace
   and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
   and not exists (select 1 from pg_inherits h where h.inhrelid = i.indexrelid)"

# Takes them off before COPY ("off") and builds the unique and foreign-key ones again after it ("on").
deferred_indexes() {
  if [ "$1" = off ]; then
    echo "create temp table deferred_index on commit drop as $DEFERRED_INDEXES;"
    cat <<'SQL'
do $$ declare d record; begin
  for d in select name from deferred_index loop execute 'drop index ' || d.name; end loop; end $$;
SQL
  else
    cat <<'SQL'
set local maintenance_work_mem = '512MB';
do $$ declare d record; begin
  for d in select definition from deferred_index where in_transaction loop execute d.definition; end loop; end $$;
SQL
  fi
}

# docs/backup-format.md's build_indexes FILE DB: the rest after the commit, two at a time.
build_indexes() {
  xargs -d '\n' -r -n 1 -P 2 env PGOPTIONS='-c maintenance_work_mem=512MB' psql -X -h 127.0.0.1 -p $PGPORT -U postgres \
    -v ON_ERROR_STOP=1 -q -d "$2" -c <"$1"
}

# The restore of docs/backup-format.md, timed: gpg decryption, then psql into a new database, twice: first with the
# indexes on during the load (the procedure before #27, the baseline), then as documented (indexes built after COPY).
restore_bench() {
  local set=$1 gnupg
  gnupg=$(mktemp -d); chmod 700 "$gnupg"
  GNUPGHOME=$gnupg gpg --batch -q --import "$ROOT/server-config/src/test/dev-keys/backup-recipient-secret.asc" 2>/dev/null
  cp -r "$set" "$WORK/restore-set"; cd "$WORK/restore-set"
  decrypt_all() {
    for f in data/*.gpg; do GNUPGHOME=$gnupg gpg --batch -q --yes --decrypt --output "${f%.gpg}" "$f" 2>/dev/null; done
    sha256sum --quiet -c SHA256SUMS.decrypted
  }
  timed decrypt_all
  local gpgsecs=${TIMED%% *} gpgcpu=${TIMED#* }
  echo "restore (docs procedure): gpg decrypt + sha256sum ${gpgsecs}s (CPU ${gpgcpu}s)"
  psql_load custodian_restored_before indexes-on "$gpgsecs" "$gpgcpu"
  psql_load custodian_restored deferred "$gpgsecs" "$gpgcpu"
  cd "$ROOT"
  local R=(psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -d custodian_restored -v ON_ERROR_STOP=1)
  local B=(psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -d custodian_restored_before -v ON_ERROR_STOP=1)
  echo "source tickets $("${PSQL[@]}" -Atc "select count(*) || ', md5 ' || md5(string_agg(t::text, '' order by id)) from ticket t")"
  echo "restored tickets $("${R[@]}" -Atc "select count(*) || ', md5 ' || md5(string_agg(t::text, '' order by id)) from ticket t")"
  echo "indexes: indexes-on $("${B[@]}" -Atc "$INDEXES"), deferred $("${R[@]}" -Atc "$INDEXES")"
  pg_restore_bench
}

# Every index of the public schema with its definition, as one md5 (equal when the restore rebuilt them all).
INDEXES="select count(*) || ', md5 ' || md5(string_agg(indexname || indexdef, ',' order by indexname)) from pg_indexes
  where schemaname = 'public'"

# What a DBA would run instead: pg_restore of the bench's pg_dump -Fc, in one transaction as ours (builds the same
# indexes after the data, as pg_restore always does).
pg_restore_bench() {
  local pg0 pg1 restored
  psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -c "create database custodian_pgrestore"
  pg0=$(cpu_ticks postgres)
  timed pg_restore -h 127.0.0.1 -p $PGPORT -U postgres -1 -d custodian_pgrestore "$WORK/custodian.pgdump"
  pg1=$(cpu_ticks postgres)
  restored=$(psql -X -h 127.0.0.1 -p $PGPORT -U postgres -d custodian_pgrestore -Atc "select (select count(*) from ticket)
    + (select count(*) from ticket_comment) + (select count(*) from customer) + (select count(*) from audit_event)")
  echo "pg_restore -1 of the pg_dump -Fc: ${TIMED%% *}s (CPU pg_restore ${TIMED#* }s, PostgreSQL $(ticks $((pg1 - pg0)))s);" \
    "$restored rows -> $(awk -v n="$restored" -v t="${TIMED%% *}" 'BEGIN{printf "%.0f", n / t}') rows/s; load $(cut -d' ' -f1-3 /proc/loadavg)"
}

# psql_load DB MODE GPGSECS GPGCPU: schema.sql, then one transaction of COPY into DB (in the restore copy's directory);
# MODE indexes-on leaves the secondary indexes on during COPY, deferred is the documented procedure.
psql_load() {
  local db=$1 mode=$2 start end pg0 pg1 restored pgcpu
  psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -c "create database $db"
  local R=(psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -d "$db" -v ON_ERROR_STOP=1)
  pg0=$(cpu_ticks postgres); start=$(date +%s.%N)
  "${R[@]}" -1 -f data/schema.sql >/dev/null
  [ "$mode" = indexes-on ] || "${R[@]}" -At -c "select replace(definition, 'CREATE INDEX ', 'CREATE INDEX IF NOT EXISTS ')
    from ($DEFERRED_INDEXES) d where not in_transaction" >"$WORK/deferred-indexes.sql"
  {
    echo '\o /dev/null'
    echo 'set session_replication_role = replica;'
    echo 'begin;'
    echo "truncate $(ls data/*.csv | grep -v -e '\.keys\.csv$' -e '/sequences\.csv$' | xargs -n1 basename | sed 's/\.csv$//' | paste -sd, -);"
    [ "$mode" = indexes-on ] || deferred_indexes off
    for csv in data/*.csv; do
      case "$csv" in *.keys.csv|data/sequences.csv) continue ;; esac
      echo "\\copy $(basename "$csv" .csv) from '$csv' with (format csv, header)"
    done
    echo '\pset tuples_only on'; echo '\pset format unaligned'; echo "\\o $WORK/copied-at"
    echo 'select extract(epoch from clock_timestamp());'; echo '\o /dev/null'
    [ "$mode" = indexes-on ] || deferred_indexes on
    tail -n +2 data/sequences.csv | while IFS=, read -r name value; do echo "select setval('$name', $value);"; done
    echo 'commit;'
  } | "${R[@]}"
  local committed after=0
  committed=$(date +%s.%N)
  if [ "$mode" != indexes-on ]; then
    build_indexes "$WORK/deferred-indexes.sql" "$db"
    after=$(seconds "$committed" "$(date +%s.%N)")
  fi
  end=$(date +%s.%N); pg1=$(cpu_ticks postgres); pgcpu=$(ticks $((pg1 - pg0)))
  restored=$("${R[@]}" -Atc "select sum(n) from (select count(*) as n from ticket union all select count(*) from
    ticket_comment union all select count(*) from customer union all select count(*) from audit_event) c")
  echo "  psql load, $mode: $(seconds "$start" "$end")s, of which schema + COPY $(seconds "$start" "$(cat "$WORK/copied-at")")s,"\
    "committed after $(seconds "$start" "$committed")s ($(awk -v n="$restored" -v a="$start" -v b="$committed" \
    'BEGIN{printf "%.0f", n / (b - a)}') rows/s), then $([ "$mode" = indexes-on ] && echo 0 || wc -l <"$WORK/deferred-indexes.sql")"\
    "index(es) after the commit ${after}s"
  echo "  (CPU PostgreSQL ${pgcpu}s); $restored rows in" \
    "customer/ticket/comment/audit -> $(awk -v n="$restored" -v a="$start" -v b="$end" 'BEGIN{printf "%.0f", n / (b - a)}')" \
    "rows/s in psql, $(awk -v n="$restored" -v a="$start" -v b="$end" -v g="$3" 'BEGIN{printf "%.0f", n / (b - a + g)}')" \
    "rows/s with gpg; per CPU second $(awk -v n="$restored" -v c="$pgcpu" -v g="$4" 'BEGIN{printf "%.0f", n / (c + g)}')" \
    "rows (PostgreSQL + gpg); load $(cut -d' ' -f1-3 /proc/loadavg)"
}

# kill -9 while a full backup is being written: nothing may look complete, and the restarted execution must
# clean up and write a whole set.
backup_kill_test() {
  start_db; start_app; setup
  "${PSQL[@]}" -c "drop table bench_ticket, bench_comment" -c "truncate backup_change"
  local operator id
  operator=$(token operator)
  id=$(post /api/v1/backups "$operator" '{"type":"FULL","reason":"kill test"}' | field executionId)
  while ! ls "$WORK/backups"/.partial-*/data/ticket.csv.gpg >/dev/null 2>&1; do sleep 0.05; done
  sleep 0.5
  kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
  echo "killed the server (kill -9) while writing: $(ls -A "$WORK/backups" | tr '\n' ' ')"
  echo "catalog: $("${PSQL[@]}" -Atc "select set_name || ' ' || status from backup_set")"
  echo "published sets (directories without .partial-): $(ls "$WORK/backups" | wc -l)"
  start_app
  echo "after start: execution $id is $("${PSQL[@]}" -Atc "select batchstatus from jbatchexecutioninstancedata where jobexecid = $id")"
  operator=$(token operator)
  local restarted body
  restarted=$(post "/api/v1/jobs/executions/$id/restart" "$operator" '' | field executionId)
  body=$(await_execution "$operator" "$restarted")
  echo "restarted as execution $restarted: $(echo "$body" | field status)"
  "${PSQL[@]}" -At -c "select 'catalog: ' || set_name || ' ' || status || coalesce(' (' || left(failure, 90) || ')', '')
                       from backup_set order by id"
  echo "on disk: $(ls -A "$WORK/backups" | tr '\n' ' ')"
  local set
  set=$("${PSQL[@]}" -Atc "select set_name from backup_set where status = 'COMPLETE'")
  (cd "$WORK/backups/$set" && sha256sum --quiet -c SHA256SUMS && echo "sha256sum -c SHA256SUMS of $set: OK")
}

case $MODE in
  bench) bench ;;
  backup-kill) backup_kill_test ;;
  kill) kill_test ;;
  verify) verify_bench ;;
  backup) backup_bench ;;
  *) echo "usage: $0 bench|kill|verify|backup|backup-kill [tickets]" >&2; exit 2 ;;
esac
