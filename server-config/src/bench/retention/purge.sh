# Sourced by retention/run.sh (not run): the purge modes bench, kill and verify.

bench() {
  start_db; start_server; setup
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
  start_db; start_server; setup
  local operator id total seen
  operator=$(token operator)
  total=$("${PSQL[@]}" -Atc "select count(*) from ticket where id > 9000000 and customer_id <> 9000001")
  id=$(post /api/v1/jobs/retention-purge "$operator" '{"itemCount":500}' | field executionId)
  while :; do
    seen=$("${PSQL[@]}" -Atc "select count(*) from audit_event where action in ('RETENTION_ANONYMIZE','RETENTION_DELETE')")
    [ "$seen" -ge $(( total / 3 )) ] && break
    sleep 0.2
  done
  kill_server
  echo "killed the server (kill -9) with $seen of $total tickets purged; execution $id is $(batch_status "$id")"
  restart_after_crash "$id"
  echo "restarted as execution $RESTARTED: $(echo "$RESTARTED_BODY" | field status)," \
    "$(echo "$RESTARTED_BODY" | field exitStatus)"
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
  start_db; start_server; setup
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
