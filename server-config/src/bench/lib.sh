# Shared by the bench scripts (sourced, not run): PostgreSQL commands as the postgres user when run as root, and the
# clean-up that stops the application (APP_PID, a clean stop first so that a flight recording is written) and the
# throwaway cluster under $WORK/data when the script exits, however it ends.

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  if [ -n "${APP_PID:-}" ]; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  as_pg pg_ctl -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
