#!/usr/bin/env bash
# Attachment benchmark (#24): upload and download of one 50 MB file through Custodian (policy, audit, type sniffing,
# SHA-256, OpenPGP AES-256 encryption under the customer's key, 1 MiB chunks in PostgreSQL; the download decrypts,
# checks the MDC and the SHA-256) against a plain JAX-RS baseline that streams the same multipart upload to a file
# and back (baseline/PlainFiles.java), both deployed on the same Payara Micro in the same run, alternating.
#
#   server-config/src/bench/attachments/run.sh [rounds] [bytes]   # defaults 5 rounds of 50,000,000 bytes
#
# Prints MB/s (median of the rounds after one warm-up) of each side and the ratio Custodian / baseline, the goal
# being >= 0.5; and, since the machine may be shared, the server's CPU seconds (application JVM + PostgreSQL
# cluster) per operation and the same ratio in MB per CPU second, which other load does not depress.
# Needs: ./mvnw package -DskipTests (server-config/target/custodian-micro.jar), javac and jar (JDK 17+), the
# jakarta.ws.rs-api 3.1 jar in the local Maven repository, PostgreSQL server binaries (initdb, pg_ctl), psql, curl,
# awk, bc, sha256sum. Uses a throwaway cluster under server-config/target/bench-attachments on port 55451 and the
# application on port 8301 (BENCH_PG_PORT, BENCH_APP_PORT). BENCH_JAVA_OPTS goes to the server's JVM (e.g. JFR:
# -XX:StartFlightRecording=filename=/tmp/att.jfr,settings=profile). BENCH_JAR and BENCH_WORK name another runnable
# jar and work directory, so that two builds (before/after) can be measured side by side under the same load.
set -euo pipefail
ROUNDS=${1:-5}
BYTES=${2:-50000000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
JAR=${BENCH_JAR:-$ROOT/server-config/target/custodian-micro.jar}
WORK=${BENCH_WORK:-$ROOT/server-config/target/bench-attachments}
PGPORT=${BENCH_PG_PORT:-55451}
APP_PORT=${BENCH_APP_PORT:-8301}
APP=http://127.0.0.1:$APP_PORT
M2=${MAVEN_REPO:-$HOME/.m2/repository}
APP_PID=

. "$HERE/../lib.sh"  # a fresh cluster, the application started and awaited, token, and the clean-up at exit
fresh_cluster -c shared_buffers=256MB

# the baseline WAR, compiled from the bench sources
mkdir -p "$WORK/baseline/classes" "$WORK/baseline/war/WEB-INF"
API=$(ls "$M2"/jakarta/ws/rs/jakarta.ws.rs-api/3.1.*/jakarta.ws.rs-api-3.1.*.jar 2>/dev/null | sort -V | tail -1)
[ -n "$API" ] || { echo "jakarta.ws.rs-api 3.1 is not in $M2: build the project once" >&2; exit 1; }
command -v javac >/dev/null || { echo "needs a JDK (javac)" >&2; exit 1; }
javac --release 17 -cp "$API" -d "$WORK/baseline/war/WEB-INF/classes" "$HERE/baseline/PlainFiles.java"
(cd "$WORK/baseline/war" && jar cf "$WORK/bench-baseline.war" .)

start_app -Djava.io.tmpdir="$WORK" --deploy "$WORK/bench-baseline.war"

id_of() { sed -E 's/^\{"id":([0-9]+).*/\1/'; }
SUPERVISOR=$(token supervisor)
CUSTOMER=$(curl -sf -X POST "$APP/api/v1/customers" -H "Authorization: Bearer $SUPERVISOR" \
  -H 'Content-Type: application/json' -d '{"name":"Bench Customer","region":"EU"}' | id_of)
ticket() {
  curl -sf -X POST "$APP/api/v1/tickets" -H "Authorization: Bearer $SUPERVISOR" -H 'Content-Type: application/json' \
    -d "{\"customerId\":$CUSTOMER,\"subject\":\"Attachment bench $1\",\"description\":\"bench\",\"category\":\"SOFTWARE\"}" \
    | id_of
}

# a PDF-looking file of random (incompressible) bytes
FILE=$WORK/bench.pdf
{ printf '%%PDF-1.7\n'; head -c $((BYTES - 9)) /dev/urandom; } > "$FILE"
SHA=$(sha256sum "$FILE" | cut -d' ' -f1)

TICKS=$(getconf CLK_TCK)
cpu_of() { awk -v t="$TICKS" '{ s += $14 + $15 } END { printf "%.2f", s / t }' "$@" 2>/dev/null; }

# one operation: prints "<wall seconds> <server cpu seconds>"; checks the status and, for downloads, the bytes
RESULTS=$WORK/results.txt
: > "$RESULTS"
measure() {  # side op url [token]
  local side=$1 op=$2 url=$3 auth=() a0 a1 d0 d1 out status wall
  [ -z "${4:-}" ] || auth=(-H "Authorization: Bearer $4")
  a0=$(cpu_of "/proc/$APP_PID/stat"); d0=$(db_cpu)
  if [ "$op" = up ]; then
    out=$(curl -s -o "$WORK/reply.json" -w '%{http_code} %{time_total}' "${auth[@]}" -F "file=@$FILE;type=application/pdf" "$url")
  else
    out=$(curl -s -o "$WORK/down.bin" -w '%{http_code} %{time_total}' "${auth[@]}" "$url")
  fi
  a1=$(cpu_of "/proc/$APP_PID/stat"); d1=$(db_cpu)
  read -r status wall <<<"$out"
  if [ "$op" = up ]; then
    [ "$status" = 201 ] || { echo "$side upload: HTTP $status $(head -c 400 "$WORK/reply.json")" >&2; exit 1; }
  else
    [ "$status" = 200 ] || { echo "$side download: HTTP $status" >&2; exit 1; }
    [ "$(sha256sum "$WORK/down.bin" | cut -d' ' -f1)" = "$SHA" ] || { echo "$side download: wrong bytes" >&2; exit 1; }
  fi
  echo "$side $op $wall $(echo "$a1 - $a0 + $d1 - $d0" | bc) $(echo "$a1 - $a0" | bc) $(echo "$d1 - $d0" | bc)" >> "$RESULTS"
}

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 0 "$ROUNDS"); do
  measure baseline up "$APP/bench-baseline/files"
  BID=$(id_of < "$WORK/reply.json")
  TID=$(ticket "$round")
  measure custodian up "$APP/api/v1/tickets/$TID/attachments" "$SUPERVISOR"
  grep -q "\"sha256\":\"$SHA\"" "$WORK/reply.json" || { echo "custodian upload: wrong SHA-256" >&2; exit 1; }
  AID=$(id_of < "$WORK/reply.json")
  measure baseline down "$APP/bench-baseline/files/$BID"
  measure custodian down "$APP/api/v1/tickets/$TID/attachments/$AID" "$SUPERVISOR"
  [ "$round" != 0 ] || : > "$RESULTS"  # round 0 warms up
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
stat() { awk -v s="$1" -v o="$2" -v f="$3" '$1 == s && $2 == o { print $f }' "$RESULTS" | median; }
printf '\n== attachments: %d MB file, %d rounds (after 1 warm-up), load average before %s, after %s ==\n' \
  "$((BYTES / 1000000))" "$ROUNDS" "$LOAD" "$LOAD_AFTER"
printf '%-10s %-10s %9s %9s %11s %11s %11s %11s\n' op side "wall s" "MB/s" "cpu s" "MB/cpu-s" "app cpu s" "db cpu s"
for op in up down; do
  for side in baseline custodian; do
    w=$(stat $side $op 3); c=$(stat $side $op 4)
    printf '%-10s %-10s %9.2f %9.1f %11.2f %11.1f %11.2f %11.2f\n' "$op" "$side" "$w" \
      "$(echo "$BYTES / 1000000 / $w" | bc -l)" "$c" "$(echo "$BYTES / 1000000 / $c" | bc -l)" \
      "$(stat $side $op 5)" "$(stat $side $op 6)"
  done
done
ratio() { echo "scale=2; $(stat baseline "$1" "$2") / $(stat custodian "$1" "$2")" | bc; }
echo "ratio custodian/baseline (goal >= 0.5): upload $(ratio up 3), download $(ratio down 3) by wall clock;" \
  "upload $(ratio up 4), download $(ratio down 4) by server CPU"
