#!/usr/bin/env bash
# Search benchmark (#27): ticket search (q= on subject, description and comment bodies) and the customer directory
# through the real API as governed callers (policy, masking, audit of every search), at N tickets, 2N comments and
# N/5 customers, 8 concurrent searchers (wrk -t2 -c8 rotating queries of one kind per phase), the same searches
# without the V112 trigram indexes as the baseline, and ticket writes (API, and bare SQL by pgbench) with and
# without the indexes. Also compares trigram and full-text (tsvector) indexes on the descriptions for the same words,
# and prints the mean total and PostgreSQL's time per search of each kind, one request at a time (from its log).
#
#   server-config/src/bench/search/run.sh [tickets] [seconds per phase]   # defaults 1000000 and 20
#
# Goals: p95 <= 100 ms for a ticket search by a word or a fragment of >= 3 characters, <= 50 ms for a customer
# lookup by whole e-mail or phone; writes with the indexes >= 0.8 x without. Prints the load average of each phase
# (on a shared machine the neighbours' load is in every figure). Needs: ./mvnw package -DskipTests
# (server-config/target/custodian-micro.jar), PostgreSQL server binaries with pg_trgm (initdb, pg_ctl, pgbench),
# psql, curl, wrk. Uses a throwaway cluster under server-config/target/bench-search on port 55460 and the
# application on port 8310 (BENCH_PG_PORT, BENCH_APP_PORT). The seeded cluster stays: BENCH_REUSE=1 starts from
# it instead of seeding again.
set -euo pipefail
N=${1:-1000000}
SECONDS_PER_PHASE=${2:-20}
CUSTOMERS=$((N / 5))
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
JAR=${BENCH_JAR:-$ROOT/server-config/target/custodian-micro.jar}
WORK=${BENCH_WORK:-$ROOT/server-config/target/bench-search}
PGPORT=${BENCH_PG_PORT:-55460}
APP_PORT=${BENCH_APP_PORT:-8310}
APP=http://127.0.0.1:$APP_PORT
PSQL=(psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d custodian -v ON_ERROR_STOP=1)
PGBIN=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
APP_PID=
# the indexes under test are the V112 migration's own, read from it: its create index statements and their names
V112=$ROOT/ejb-module/src/main/resources/db/migration/V112__text_search_indexes.sql
CREATE_INDEXES=$(awk '/^create index/{p=1} p{print} p&&/;$/{p=0}' "$V112")
DROP_INDEXES="drop index if exists $(grep -o '^create index [a-z_]*' "$V112" | cut -d' ' -f3 | paste -sd, -)"

. "$HERE/../lib.sh"  # a fresh cluster, the application started and awaited, token, and the clean-up at exit
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }

PG_OPTIONS=(-c shared_buffers=1GB -c max_wal_size=8GB -c maintenance_work_mem=512MB)
if [ -z "${BENCH_REUSE:-}" ]; then fresh_cluster "${PG_OPTIONS[@]}"; else start_cluster "${PG_OPTIONS[@]}"; fi
start_app CUSTODIAN_RATE_LIMIT_ENABLED=false

if [ -z "${BENCH_REUSE:-}" ]; then
  "${PSQL[@]}" -c "$DROP_INDEXES"
  S=$(now)
  "${PSQL[@]}" -v tickets="$N" -v customers="$CUSTOMERS" -f "$HERE/seed.sql"
  "${PSQL[@]}" -c "vacuum analyze customer, ticket, ticket_comment"
  printf 'seeded %d tickets, %d comments, %d customers in %.0f s\n' "$N" $((2 * N)) "$CUSTOMERS" \
    "$(echo "$(now) - $S" | bc)"
else
  "${PSQL[@]}" -c "$DROP_INDEXES"
fi

AGENT=$(token agent.eu)
SUPERVISOR=$(token supervisor)
[ -n "$AGENT" ] && [ -n "$SUPERVISOR" ] || { echo "no token for agent.eu or supervisor" >&2; exit 1; }
CODE=$(curl -s -o "$WORK/write-check.json" -w '%{http_code}' -X POST "$APP/api/v1/tickets" \
  -H "Authorization: Bearer $AGENT" -H 'Content-Type: application/json' \
  -d '{"customerId":10000005,"subject":"Bench check","description":"Printer jams","category":"HARDWARE"}')
[ "$CODE" = 201 ] || { echo "a ticket write answers $CODE: $(head -c 400 "$WORK/write-check.json")" >&2; exit 1; }

# The queries of each kind, one per line, URL-encoded (ranks of the log-uniform vocabulary: see seed.sql)
Q=$WORK/queries && mkdir -p "$Q"
sql_lines() { "${PSQL[@]}" -At -c "$1" > "$2"; }
sql_lines "select word from bench_word where rank between 1000 and 8000 order by md5(word) limit 40" "$Q/word"
sql_lines "select word from bench_word where rank between 50 and 200 order by md5(word) limit 20" "$Q/common"
sql_lines "select substr(word, 2, 4) from bench_word where rank between 1000 and 8000 order by md5(word) limit 40" \
  "$Q/fragment4"
sql_lines "select substr(word, 2, 3) from bench_word where rank between 1000 and 8000 order by md5(word) limit 40" \
  "$Q/fragment3"
# tickets whose t is 3 more than a multiple of 4 are in EU (seed.sql), where agent.eu looks: real hits
sql_lines "select 'ORD-' || lpad((t::bigint * 7919 % 10000000)::text, 7, '0') from generate_series(3, $N, $((N / 160 * 4))) t" \
  "$Q/order"
sql_lines "select 'customer' || c || '%40example' || (c % 97) || '.com' from generate_series(1, $CUSTOMERS,
  $((CUSTOMERS / 40))) c" "$Q/email"
# customers whose c is a multiple of 4 are in EU (seed.sql), where agent.eu and supervisor both look: real hits
sql_lines "select '%2B4930' || lpad(c::text, 7, '0') from generate_series(4, $CUSTOMERS, $((CUSTOMERS / 160 * 4))) c" \
  "$Q/phone"
sql_lines "select 'Weber%20' || c from generate_series(7, $CUSTOMERS, $((CUSTOMERS / 40))) c" "$Q/name"

# the mean total of one kind's queries as the caller gets it (one request each, outside the timed phases), and the
# mean time PostgreSQL took for the search's statements (one backend, nothing else searching: the log's durations of
# the ticket search's one statement, or the directory's count and page statements)
mean_total() {
  local sum=0 count=0 t from db
  "${PSQL[@]}" -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
  from=$(wc -l < "$WORK/postgres.log")
  while read -r q; do
    t=$(curl -sf "$APP$2$q" -H "Authorization: Bearer $3" | sed -E 's/.*"total":([0-9]+).*/\1/')
    sum=$((sum + t)); count=$((count + 1))
  done < "$Q/$1"
  "${PSQL[@]}" -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
  db=$(tail -n +"$((from + 1))" "$WORK/postgres.log" | grep -E '(parse|bind|execute) [^:]*: (with hit as|SELECT .* FROM customer WHERE)' \
    | sed -E 's/.*duration: ([0-9.]+) ms.*/\1/' | awk -v n="$count" '{s += $1} END {printf "%.1f", s / n}')
  echo "$((sum / count)) (db ${db} ms)"
}

declare -A RESULT
# phase <label> <query kind> <path prefix> <token> [seconds]
phase() {
  local out
  out=$(wrk -t2 -c8 -d"${5:-$SECONDS_PER_PHASE}s" --timeout 120s -H "Authorization: Bearer $4" -s "$HERE/search.lua" "$APP" \
    -- "$Q/$2" "$3" | grep '^RESULT')
  RESULT[$1]="$out load=$(load)"
  echo "$1: ${RESULT[$1]}"
}
write_phase() {
  local out
  out=$(wrk -t2 -c8 -d"${SECONDS_PER_PHASE}s" --timeout 120s -H "Authorization: Bearer $AGENT" -s "$HERE/write.lua" \
    "$APP" -- "$N" | grep '^RESULT')
  RESULT[$1]="$out load=$(load)"
  echo "$1: ${RESULT[$1]}"
}
sql_write_phase() {
  local tps
  tps=$(as_pg "$PGBIN/pgbench" -n -h 127.0.0.1 -p "$PGPORT" -U postgres -c 2 -j 2 -T "$SECONDS_PER_PHASE" \
    -D customers="$CUSTOMERS" -f "$HERE/insert.sql" custodian 2>/dev/null | sed -nE 's/^tps = ([0-9.]+).*/\1/p')
  RESULT[$1]="tps=$tps load=$(load)"
  echo "$1: ${RESULT[$1]}"
}
T=/api/v1/tickets?size=20\&q=
C=/api/v1/customers?size=20\&q=

echo "== warm-up (not measured), load $(load)"
wrk -t2 -c8 -d10s --timeout 120s -H "Authorization: Bearer $AGENT" -s "$HERE/write.lua" "$APP" -- "$N" >/dev/null
wrk -t2 -c8 -d10s --timeout 120s -H "Authorization: Bearer $AGENT" -s "$HERE/search.lua" "$APP" -- "$Q/email" "$C" \
  >/dev/null

echo "== without the trigram indexes (baseline)"
write_phase "api writes, no index"
sql_write_phase "sql writes, no index"
# a scan per search: a longer phase, so that more than a handful of searches end inside it
phase "ticket word, no index" word "$T" "$AGENT" $((SECONDS_PER_PHASE * 4))
phase "customer e-mail (supervisor), no index" email "$C" "$SUPERVISOR"

echo "== building the V112 indexes, load $(load)"
S=$(now)
"${PSQL[@]}" -c "$CREATE_INDEXES"
"${PSQL[@]}" -c "analyze customer, ticket, ticket_comment"
BUILD=$(echo "$(now) - $S" | bc)
SIZES=$("${PSQL[@]}" -At -c "select string_agg(relname || ' ' || pg_size_pretty(pg_relation_size(oid)), ', ')
  from pg_class where relname like '%_trgm'")
TABLES=$("${PSQL[@]}" -At -c "select string_agg(relname || ' ' || pg_size_pretty(pg_relation_size(oid)), ', ')
  from pg_class where relname in ('ticket', 'ticket_comment', 'customer')")

echo "== with the indexes"
# tokens live 15 minutes and the build takes longer at 1M: fresh ones for every later phase
AGENT=$(token agent.eu)
SUPERVISOR=$(token supervisor)
write_phase "api writes, indexes"
sql_write_phase "sql writes, indexes"
phase "ticket word (rank 1000-8000)" word "$T" "$AGENT"
phase "ticket common word (rank 50-200)" common "$T" "$AGENT"
phase "ticket fragment, 4 characters" fragment4 "$T" "$AGENT"
phase "ticket fragment, 3 characters" fragment3 "$T" "$AGENT"
phase "ticket order number" order "$T" "$AGENT"
phase "customer e-mail (agent: whole, masked)" email "$C" "$AGENT"
phase "customer phone (agent: whole, masked)" phone "$C" "$AGENT"
phase "customer e-mail (supervisor: contains)" email "$C" "$SUPERVISOR"
phase "customer phone (supervisor: contains)" phone "$C" "$SUPERVISOR"
phase "customer name fragment (supervisor)" name "$C" "$SUPERVISOR"
AGENT=$(token agent.eu)
SUPERVISOR=$(token supervisor)
echo "== mean totals per query and PostgreSQL's time per search alone (agent.eu; supervisor for customers)"
declare -A TOTAL
for k in word common fragment4 fragment3 order; do TOTAL[$k]=$(mean_total $k "$T" "$AGENT"); done
for k in email phone name; do TOTAL[$k]=$(mean_total $k "$C" "$SUPERVISOR"); done
for k in email phone; do TOTAL[$k-agent]=$(mean_total $k "$C" "$AGENT"); done
for k in word common fragment3; do TOTAL[$k-supervisor]=$(mean_total $k "$T" "$SUPERVISOR"); done
declare -p TOTAL | sed 's/declare -A //'

echo "== trigram against full-text on the descriptions (SQL, one backend, the same 40 words)"
FTS=$("${PSQL[@]}" -f "$HERE/fts.sql" 2>&1 | grep FTS-COMPARE | sed 's/.*FTS-COMPARE //')
echo "$FTS"

"${PSQL[@]}" -c "$DROP_INDEXES"
echo "== without the indexes again (drift check)"
AGENT=$(token agent.eu)
write_phase "api writes, no index (again)"
sql_write_phase "sql writes, no index (again)"


printf '\n== search at %d tickets, %d comments, %d customers; index build %.0f s ==\n' "$N" $((2 * N)) "$CUSTOMERS" \
  "$BUILD"
echo "tables: $TABLES"
echo "indexes: $SIZES"
echo "$FTS"
for k in "${!RESULT[@]}"; do printf '%-42s %s\n' "$k" "${RESULT[$k]}"; done | sort
