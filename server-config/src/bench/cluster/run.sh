#!/usr/bin/env bash
# What the data grid (#26) costs a request: the runnable jar on one PostgreSQL, started three ways one after the
# other, the same load each time, in one run:
#   nocluster  --nocluster (what -Prun and the tests use): no grid at all
#   grid-1     the jar's default: a data grid of this node alone on the loopback interface
#   grid-2     a grid of two nodes on this host (--nohostaware): the load goes to the first, whose sessions are then
#              stored in its partitions and backed up on the other node
# Load (wrk, 2 threads, 8 connections, after a warm-up): a governed API read (GET /api/v1/tickets/1 as agent.eu:
# token check, policy, audited read) and a portal page (GET /index.xhtml in a signed-in session, which the portal
# touches on every request, so the whole session goes to the grid each time). Prints requests/s and the load
# average per phase, and the start-up time of each node ("ready in").
#
#   server-config/src/bench/cluster/run.sh [seconds per measurement]   # default 20
#
# Needs: ./mvnw package -DskipTests (server-config/target/custodian-micro.jar), PostgreSQL server binaries (initdb,
# pg_ctl; Debian: postgresql), psql, curl, wrk (Debian: wrk). A throwaway cluster under
# server-config/target/bench-cluster on port 55449 (BENCH_PG_PORT); the nodes on 8301 and 8302 (BENCH_APP_PORT and the
# next one).
set -euo pipefail
SECONDS_EACH=${1:-20}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
JAR=${BENCH_JAR:-$ROOT/server-config/target/custodian-micro.jar}
WORK=$ROOT/server-config/target/bench-cluster
PGPORT=${BENCH_PG_PORT:-55449}
APP_PORT=${BENCH_APP_PORT:-8301}  # the first node; the second on the next port
PASSWORD=Custodian-Demo-1
PIDS=()

. "$HERE/../lib.sh"  # as_pg, a fresh cluster, the wait for a node, and the clean-up of the nodes and the cluster

stop_nodes() { stop_pids "${PIDS[@]}"; PIDS=(); }

# start_node <http port> <log name> <options...>: starts a node and waits until it answers
start_node() {
  local port=$1 name=$2 log=$WORK/$2.log; shift 2
  CUSTODIAN_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/custodian" CUSTODIAN_DB_USER=postgres \
  CUSTODIAN_DB_PASSWORD=unused CUSTODIAN_RETENTION_INTERVAL=PT0S CUSTODIAN_AUDIT_CHECKPOINT_INTERVAL=PT0S \
  CUSTODIAN_AUTH_API_SECOND_FACTOR=when-enrolled CUSTODIAN_BACKUP_SCHEDULE_ENABLED=false CUSTODIAN_SLO_INTERVAL=PT0S \
  CUSTODIAN_DEMO_SEED=true CUSTODIAN_DEMO_PASSWORD=$PASSWORD CUSTODIAN_DATA_DIR="$WORK/data-dir" \
    java -Xmx1g -jar "$JAR" --port "$port" "$@" >"$log" 2>&1 &
  PIDS+=($!)
  await_app "http://127.0.0.1:$port" "$!" "$log"
  echo "  $name: $(grep -o 'ready in [0-9,]* (ms)' "$log" | head -1)"
}

token() {
  curl -sf -X POST "$1/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"agent.eu\",\"password\":\"$PASSWORD\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# a signed-in portal session of agent.eu: prints its JSESSIONID
portal_session() {
  local jar=$WORK/cookies state
  rm -f "$jar"
  state=$(curl -sf -c "$jar" -b "$jar" "$1/login.xhtml" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' \
    | sed -E 's/.*value="([^"]*)".*/\1/' | head -1)
  curl -sf -o /dev/null -c "$jar" -b "$jar" "$1/login.xhtml" --data-urlencode "login=login" \
    --data-urlencode "login:username=agent.eu" --data-urlencode "login:password=$PASSWORD" \
    --data-urlencode "login:submit=" --data-urlencode "jakarta.faces.ViewState=$state"
  awk '$6 == "JSESSIONID" {print $7}' "$jar" | tail -1
}

rps() { wrk -t2 -c8 -d"${SECONDS_EACH}s" "$@" | awk '/Requests\/sec/ {print $2}'; }

measure() {
  local app=$1 phase=$2 token session api portal
  token=$(token "$app")
  session=$(portal_session "$app")
  curl -sf -o /dev/null -b "JSESSIONID=$session" "$app/index.xhtml" || { echo "no portal session" >&2; exit 1; }
  wrk -t2 -c8 -d10s -H "Authorization: Bearer $token" "$app/api/v1/tickets/1" >/dev/null  # warm-up
  wrk -t2 -c8 -d10s -H "Cookie: JSESSIONID=$session" "$app/index.xhtml" >/dev/null
  api=$(rps -H "Authorization: Bearer $token" "$app/api/v1/tickets/1")
  portal=$(rps -H "Cookie: JSESSIONID=$session" "$app/index.xhtml")
  printf '%-10s api %8s req/s   portal %8s req/s   load %s\n' "$phase" "$api" "$portal" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$WORK/summary.txt"
}

fresh_cluster
echo "nodes started:"
start_node "$APP_PORT" nocluster --nocluster
measure "http://127.0.0.1:$APP_PORT" nocluster
stop_nodes
start_node "$APP_PORT" grid-1
measure "http://127.0.0.1:$APP_PORT" grid-1
stop_nodes
GRID=(--clustername "bench-$$" --clustermode tcpip:127.0.0.1:16960,127.0.0.1:16961 --interfaces 127.0.0.1 --nohostaware)
start_node "$APP_PORT" grid-2a "${GRID[@]}" --startport 16960
start_node "$((APP_PORT + 1))" grid-2b "${GRID[@]}" --startport 16961
grep -q "DG Size: 2" "$WORK/grid-2b.log" || { echo "the two nodes did not form one grid" >&2; exit 1; }
measure "http://127.0.0.1:$APP_PORT" grid-2
echo "summary: $WORK/summary.txt"
