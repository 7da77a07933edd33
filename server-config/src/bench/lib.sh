# Shared by the bench scripts (sourced, not run). A script sets WORK (its throwaway directory) and PGPORT before it
# calls these, and APP_PID (its application) or PIDS (further processes: the cluster bench's nodes, the mail bench's
# mail server) as it starts them: at exit, however the script ends, they are stopped (a clean stop first, so that a
# flight recording is written) and then the cluster under $WORK/data.

# the demo users' password (CUSTODIAN_DEMO_PASSWORD: that of a server started elsewhere, import's BENCH_APP)
DEMO_PASSWORD=${CUSTODIAN_DEMO_PASSWORD:-Custodian-Demo-1}

# PostgreSQL commands as the postgres user when run as root
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# stop_pids <pid>...: asks each to stop, gives each up to 30 s, then kills what is left
stop_pids() {
  local pid
  for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
  for pid in "$@"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}

cleanup() {
  stop_pids ${APP_PID:-} ${PIDS[@]+"${PIDS[@]}"}
  [ -z "${WORK:-}" ] || as_pg pg_ctl -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# start_cluster [server options]: starts the cluster under $WORK/data on port $PGPORT (its socket in $WORK, its log
# $WORK/postgres.log); fresh_cluster makes a new one, a script that keeps a seeded cluster starts it again with this
start_cluster() {
  as_pg pg_ctl -D "$WORK/data" -l "$WORK/postgres.log" -w -o "-p $PGPORT -k $WORK $*" start >/dev/null
}

# fresh_cluster [server options]: a new cluster under $WORK/data on port $PGPORT (trust, its socket in $WORK) with an
# empty database custodian; what an earlier run left there is stopped and removed first
fresh_cluster() {
  as_pg pg_ctl -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK" && mkdir -p "$WORK"
  [ "$(id -u)" = 0 ] && chown postgres "$WORK"
  as_pg initdb -D "$WORK/data" -U postgres -A trust >/dev/null
  start_cluster "$@"
  psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c "create database custodian"
}

# await_app <base url> <pid> <log>: waits until the application answers /health (up to BENCH_START_SECONDS, 15
# minutes by default: a loaded machine takes minutes); ends the script, pointing at the log, if the process ends
# first or the time runs out
await_app() {
  for _ in $(seq 1 "${BENCH_START_SECONDS:-900}"); do
    curl -sf "$1/health" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { echo "the application stopped; see $3" >&2; exit 1; }
    sleep 1
  done
  echo "the application did not start; see $3" >&2
  exit 1
}

# start_app [NAME=value | -Dname=value | -Xoption | runnable option]...: starts $JAR on $APP_PORT against the database
# custodian of the cluster on $PGPORT, as the benches run it (no retention or checkpoint timers, no scheduled
# backups, API tokens without a second factor, the demo users with password $DEMO_PASSWORD, data under
# $WORK/data-dir, a 2 GB heap, BENCH_JAVA_OPTS); NAME=value adds to (or overrides) that environment, -D/-X go to the
# JVM, the rest (--deploy war, --systemproperties file) to the runnable. Sets APP_PID, logs to $WORK/app.log and
# waits until it answers.
start_app() {
  local a env=() jvm=() args=()
  [ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
  for a in "$@"; do
    case $a in -D*|-X*) jvm+=("$a") ;; [A-Z]*=*) env+=("$a") ;; *) args+=("$a") ;; esac
  done
  env CUSTODIAN_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/custodian" CUSTODIAN_DB_USER=postgres \
    CUSTODIAN_DB_PASSWORD=unused CUSTODIAN_RETENTION_INTERVAL=PT0S CUSTODIAN_AUDIT_CHECKPOINT_INTERVAL=PT0S \
    CUSTODIAN_AUTH_API_SECOND_FACTOR=when-enrolled CUSTODIAN_BACKUP_SCHEDULE_ENABLED=false \
    CUSTODIAN_DEMO_SEED=true CUSTODIAN_DEMO_PASSWORD="$DEMO_PASSWORD" CUSTODIAN_DATA_DIR="$WORK/data-dir" \
    ${env[@]+"${env[@]}"} java -Xmx2g ${jvm[@]+"${jvm[@]}"} ${BENCH_JAVA_OPTS:-} -jar "$JAR" --port "$APP_PORT" \
    ${args[@]+"${args[@]}"} >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  await_app "http://127.0.0.1:$APP_PORT" "$APP_PID" "$WORK/app.log"
}

# token <user>: an API access token of a demo user from the application at $APP
token() {
  curl -sf -X POST "$APP/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$DEMO_PASSWORD\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# db_cpu [decimals]: CPU seconds of the cluster under $WORK/data so far (2 decimals unless told): the postmaster with
# its reaped children, and the live ones. A worker may end between listing and reading: it is then skipped here and
# counted in the postmaster's cutime/cstime (fields 16, 17) once reaped, so the sum never runs backwards by a whole
# worker.
db_cpu() {
  local pm p stats=""
  pm=$(head -1 "$WORK/data/postmaster.pid")
  for p in $(pgrep -P "$pm" || true); do stats+=$(cat "/proc/$p/stat" 2>/dev/null || true)$'\n'; done
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat"; printf '%s' "$stats" | awk 'NF { print $14 + $15 }'; } \
    | awk -v t="$(getconf CLK_TCK)" -v d="${1:-2}" '{ s += $1 } END { printf "%.*f", d, s / t }'
}

# bench_main <main class> [-Dname=value...]: compiles ejb-module's test classes and runs that class among them (the
# benches on an embedded PostgreSQL with the application's migrations), offline from the local Maven repository
bench_main() {
  local main=$1
  shift
  (cd "$ROOT" && ./mvnw -o -q -B -pl ejb-module test-compile \
    && ./mvnw -o -q -B -pl ejb-module org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
      -Dexec.cleanupDaemonThreads=false -Dexec.mainClass="$main" "$@")
}
