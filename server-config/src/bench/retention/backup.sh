# Sourced by retention/run.sh (not run): the backup modes backup and backup-kill, with pgBackRest on the side.

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
  start_db; start_server; setup
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

# kill -9 while a full backup is being written: nothing may look complete, and the restarted execution must
# clean up and write a whole set.
backup_kill_test() {
  start_db; start_server; setup
  "${PSQL[@]}" -c "drop table bench_ticket, bench_comment" -c "truncate backup_change"
  local operator id
  operator=$(token operator)
  id=$(post /api/v1/backups "$operator" '{"type":"FULL","reason":"kill test"}' | field executionId)
  while ! ls "$WORK/backups"/.partial-*/data/ticket.csv.gpg >/dev/null 2>&1; do sleep 0.05; done
  sleep 0.5
  kill_server
  echo "killed the server (kill -9) while writing: $(ls -A "$WORK/backups" | tr '\n' ' ')"
  echo "catalog: $("${PSQL[@]}" -Atc "select set_name || ' ' || status from backup_set")"
  echo "published sets (directories without .partial-): $(ls "$WORK/backups" | wc -l)"
  restart_after_crash "$id"
  echo "restarted as execution $RESTARTED: $(echo "$RESTARTED_BODY" | field status)"
  "${PSQL[@]}" -At -c "select 'catalog: ' || set_name || ' ' || status || coalesce(' (' || left(failure, 90) || ')', '')
                       from backup_set order by id"
  echo "on disk: $(ls -A "$WORK/backups" | tr '\n' ' ')"
  local set
  set=$("${PSQL[@]}" -Atc "select set_name from backup_set where status = 'COMPLETE'")
  (cd "$WORK/backups/$set" && sha256sum --quiet -c SHA256SUMS && echo "sha256sum -c SHA256SUMS of $set: OK")
}
