#!/usr/bin/env bash
# Read-path benchmark (#27): the governed GET /api/v1/tickets/{id} and GET /api/v1/tickets?size=20 of Custodian
# (token check, policy, masking, audit event chained in order) against a plain read of the same rows on the same
# server (baseline/PlainTickets.java: an EJB reading the row by JPA and returning JSON, no policy, no audit),
# deployed next to Custodian on the same Payara Micro, with wrk -t2 -c16, one after the other in the same run.
#
#   server-config/src/bench/readpath/run.sh [tickets] [seconds]   # defaults 1,000,000 tickets, 30 s per run
#
# Prints, per endpoint and side: requests/s, p50/p90/p99 latency, and CPU milliseconds per request of the
# application JVM and of the database cluster (on a shared machine wall-clock figures say much about the
# neighbours; CPU per request does not), then the ratios governed / plain. Goals: governed >= 0.8 x plain;
# >= 1,500 governed reads/s with p99 <= 50 ms on 2 quiet cores.
# Needs: ./mvnw package -DskipTests (server-config/target/custodian-micro.jar), javac and jar (JDK 17+), the
# Jakarta EE API jars in the local Maven repository, PostgreSQL server binaries (initdb, pg_ctl), psql, curl, wrk.
# Uses a throwaway cluster under server-config/target/bench-readpath on port 55477 and the application on port 8327
# (BENCH_PG_PORT, BENCH_APP_PORT). BENCH_JAVA_OPTS goes to the server's JVM (e.g. a flight recording:
# -XX:StartFlightRecording=filename=/tmp/read.jfr,settings=profile). BENCH_JAR and BENCH_WORK name another runnable
# jar and work directory (before/after builds side by side). BENCH_CONNECTIONS changes wrk's -c (default 16).
# Also prints the SQL statements of each measured run per request (pg_stat_statements: calls and database time),
# which says where a read's round trips go.
set -euo pipefail
N=${1:-1000000}
SECONDS_PER_RUN=${2:-30}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
JAR=${BENCH_JAR:-$ROOT/server-config/target/custodian-micro.jar}
WORK=${BENCH_WORK:-$ROOT/server-config/target/bench-readpath}
PGPORT=${BENCH_PG_PORT:-55477}
APP_PORT=${BENCH_APP_PORT:-8327}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
APP=http://127.0.0.1:$APP_PORT
M2=${MAVEN_REPO:-$HOME/.m2/repository}
APP_PID=

. "$HERE/../lib.sh"  # a fresh cluster, the application started and awaited, token, and the clean-up at exit
command -v wrk >/dev/null || { echo "needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
command -v javac >/dev/null || { echo "needs a JDK (javac)" >&2; exit 1; }
fresh_cluster -c shared_buffers=512MB -c max_wal_size=4GB -c shared_preload_libraries=pg_stat_statements
psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -d custodian -c "create extension pg_stat_statements"

# the baseline WAR, compiled from the bench sources
mkdir -p "$WORK/plain/WEB-INF/classes/META-INF"
api() { ls "$M2"/jakarta/$1 2>/dev/null | sort -V | tail -1; }
CP=$(api "ws/rs/jakarta.ws.rs-api/3.1.*/jakarta.ws.rs-api-3.1.*.jar"):$(api "persistence/jakarta.persistence-api/3.1.*/jakarta.persistence-api-3.1.*.jar"):$(api "ejb/jakarta.ejb-api/4.*/jakarta.ejb-api-4.*.jar")
javac --release 17 -cp "$CP" -d "$WORK/plain/WEB-INF/classes" "$HERE/baseline/PlainTickets.java"
cp "$HERE/baseline/persistence.xml" "$WORK/plain/WEB-INF/classes/META-INF/"
(cd "$WORK/plain" && jar cf "$WORK/bench-plain.war" .)

start_app CUSTODIAN_RATE_LIMIT_ENABLED=false -Djava.io.tmpdir="$WORK" --deploy "$WORK/bench-plain.war"

echo "seeding $N tickets..."
psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -d custodian -v n="$N" -f "$HERE/seed.sql"
LO=10000001
HI=$((10000000 + N))

# both sides answer the same row
curl -sf "$APP/bench-plain/tickets/$LO" >/dev/null || { echo "the baseline does not answer; see $WORK/app.log" >&2; exit 1; }
curl -sf -H "Authorization: Bearer $(token agent.eu)" "$APP/api/v1/tickets/$LO" >/dev/null \
  || { echo "Custodian does not answer ticket $LO to agent.eu" >&2; exit 1; }

TICKS=$(getconf CLK_TCK)
app_cpu() { awk -v t="$TICKS" '{ printf "%.3f", ($14 + $15) / t }' "/proc/$APP_PID/stat"; }

# stmts reset | stmts <run> <requests>: the statements since the reset, per request (calls, database ms, the SQL)
stmts() {
  local q=(psql -X -q -A -t -F ' | ' -h 127.0.0.1 -p "$PGPORT" -U postgres -d custodian)
  if [ "$1" = reset ]; then "${q[@]}" -c "select pg_stat_statements_reset()" >/dev/null; return; fi
  "${q[@]}" -c "select to_char(calls::numeric / $2, 'FM990.00'), to_char(total_exec_time / $2, 'FM990.000'),
                       left(regexp_replace(query, '\s+', ' ', 'g'), 150)
                  from pg_stat_statements where calls >= $2 / 10 order by calls desc, total_exec_time desc limit 25" \
    > "$WORK/statements-$1.txt"
}

RESULTS=$WORK/results.txt
: > "$RESULTS"
# one wrk run: name, duration, path prefix, [lo hi]; governed runs carry a fresh token (they last 15 minutes)
run() {
  local name=$1 duration=$2 prefix=$3 auth=() a0 a1 d0 d1 line
  shift 3
  case "$prefix" in /api/*) auth=(-H "Authorization: Bearer $(token agent.eu)") ;; esac
  stmts reset
  a0=$(app_cpu); d0=$(db_cpu 3)
  wrk -t2 -c"$CONNECTIONS" -d"${duration}s" --timeout 60s "${auth[@]}" -s "$HERE/reads.lua" "$APP" -- \
    "$prefix" "$@" > "$WORK/wrk-$name.txt"
  line=$(grep '^RESULT' "$WORK/wrk-$name.txt")
  a1=$(app_cpu); d1=$(db_cpu 3)
  read -r _ requests errors rps p50 p90 p99 <<<"$line"
  [ "$errors" = 0 ] || { echo "$name: $errors of $requests requests failed: $(grep '^ERRORS' "$WORK/wrk-$name.txt")" >&2
    exit 1; }
  case "$name" in warm) ;; *) stmts "$name" "$requests" ;; esac
  echo "$name $rps $p50 $p90 $p99 $(echo "scale=3; ($a1 - $a0) * 1000 / $requests" | bc)" \
    "$(echo "scale=3; ($d1 - $d0) * 1000 / $requests" | bc) $requests" >> "$RESULTS"
}

echo "warming up..."
for _ in 1; do
  run warm 15 /bench-plain/tickets/ $LO $HI
  run warm 15 /api/v1/tickets/ $LO $HI
  run warm 10 "/bench-plain/tickets?size=20"
  run warm 10 "/api/v1/tickets?size=20"
done
: > "$RESULTS"
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
run plain-get "$SECONDS_PER_RUN" /bench-plain/tickets/ $LO $HI
run governed-get "$SECONDS_PER_RUN" /api/v1/tickets/ $LO $HI
run plain-list "$SECONDS_PER_RUN" "/bench-plain/tickets?size=20"
run governed-list "$SECONDS_PER_RUN" "/api/v1/tickets?size=20"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
AUDITED=$(psql -X -A -t -h 127.0.0.1 -p $PGPORT -U postgres -d custodian \
  -c "select count(*) from audit_event where action = 'TICKET_READ'")

printf '\n== read path: %d tickets, wrk -t2 -c%d, %d s per run, load average before %s, after %s ==\n' \
  "$N" "$CONNECTIONS" "$SECONDS_PER_RUN" "$LOAD" "$LOAD_AFTER"
printf '%-14s %9s %8s %8s %8s %12s %11s\n' run "req/s" "p50 ms" "p90 ms" "p99 ms" "app cpu-ms" "db cpu-ms"
while read -r name rps p50 p90 p99 app db _; do
  printf '%-14s %9.1f %8.1f %8.1f %8.1f %12.2f %11.2f\n' "$name" "$rps" "$p50" "$p90" "$p99" "$app" "$db"
done < "$RESULTS"
field() { awk -v n="$1" -v f="$2" '$1 == n { print $f }' "$RESULTS"; }
ratio() { echo "scale=2; $(field "governed-$1" 2) / $(field "plain-$1" 2)" | bc; }
cpu_ratio() { echo "scale=2; ($(field "plain-$1" 6) + $(field "plain-$1" 7)) / ($(field "governed-$1" 6) + $(field "governed-$1" 7))" | bc; }
echo "governed / plain (goal >= 0.8): get $(ratio get) by req/s, $(cpu_ratio get) by server CPU per request;" \
  "list $(ratio list) by req/s, $(cpu_ratio list) by server CPU per request"
echo "TICKET_READ audit events in the trail: $AUDITED"
for f in "$WORK"/statements-*.txt; do
  printf '\n== SQL per request, %s (calls | database ms | statement; those of at least one request in ten) ==\n' \
    "$(basename "$f" .txt | sed 's/statements-//')"
  cat "$f"
done
