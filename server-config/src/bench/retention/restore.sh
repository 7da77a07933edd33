# Sourced by retention/run.sh (not run): the backup mode's restores: the documented gpg + psql load (indexes deferred and, as the
# baseline, on during COPY) and pg_restore of pg_dump's copy.

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
