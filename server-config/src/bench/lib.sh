# Shared by the bench scripts (sourced, not run). A script sets WORK (its throwaway directory) and PGPORT before it
# calls these, and APP_PID (its application) or PIDS (further processes: the cluster bench's nodes, the mail bench's
# mail server) as it starts them: at exit, however the script ends, they are stopped (a clean stop first, so that a
# flight recording is written) and then the cluster under $WORK/data.

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

# fresh_cluster [server options]: a new cluster under $WORK/data on port $PGPORT (trust, its socket in $WORK) with an
# empty database custodian; what an earlier run left there is stopped and removed first
fresh_cluster() {
  as_pg pg_ctl -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK" && mkdir -p "$WORK"
  [ "$(id -u)" = 0 ] && chown postgres "$WORK"
  as_pg initdb -D "$WORK/data" -U postgres -A trust >/dev/null
  as_pg pg_ctl -D "$WORK/data" -l "$WORK/postgres.log" -w -o "-p $PGPORT -k $WORK $*" start >/dev/null
  psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c "create database custodian"
}

# await_app <base url> <pid> <log>: waits until the application answers /health (up to 15 minutes: a loaded machine
# takes minutes); ends the script, pointing at the log, if the process ends first or the time runs out
await_app() {
  for _ in $(seq 1 900); do
    curl -sf "$1/health" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { echo "the application stopped; see $3" >&2; exit 1; }
    sleep 1
  done
  echo "the application did not start; see $3" >&2
  exit 1
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
