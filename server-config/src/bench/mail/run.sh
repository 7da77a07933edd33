#!/usr/bin/env bash
# Mail intake benchmark (#24): N mails in a real IMAP mailbox (GreenMail), read by the real runnable jar against a
# real PostgreSQL; every mail becomes a ticket or a comment with its card number and phone number redacted.
#
#   server-config/src/bench/mail/run.sh [mails]   # default 2000; prints mails/s (goal: >= 50/s)
#
# The rate is taken from the database: (N - 1) / (last - first received_at) of the mail rows, i.e. the intake's own
# time from the first mail taken to the last, without start-up. Needs: ./mvnw package -DskipTests (for
# server-config/target/custodian-micro.jar), PostgreSQL server binaries (initdb, pg_ctl, postgres), psql, curl.
# Uses a throwaway cluster under server-config/target/bench-mail-pg on port 55434, IMAP on 3143, the app on 8283
# (BENCH_PG_PORT, BENCH_IMAP_PORT, BENCH_APP_PORT).
set -euo pipefail
N=${1:-2000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
JAR=${BENCH_JAR:-$ROOT/server-config/target/custodian-micro.jar}  # BENCH_JAR: another build (a baseline)
WORK=$ROOT/server-config/target/bench-mail-pg
PGPORT=${BENCH_PG_PORT:-55434}
IMAP=${BENCH_IMAP_PORT:-3143}
APP_PORT=${BENCH_APP_PORT:-8283}
APP=http://127.0.0.1:$APP_PORT
PSQL=(psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d custodian -v ON_ERROR_STOP=1)
APP_PID=
PIDS=()  # the mail server

. "$HERE/../lib.sh"  # as_pg, a fresh cluster, the wait for the application, and the clean-up at exit
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
fresh_cluster

# the mail server: GreenMail and Jakarta Mail from the local Maven repository (the server-config tests fetched them)
M2=${MAVEN_REPO:-$HOME/.m2/repository}
jar() {  # the newest version of group/artifact there
  local dir=$M2/$1/$2 version
  version=$(ls "$dir" 2>/dev/null | grep -E "^${3:-[0-9]}" | sort -V | tail -1)
  [ -n "$version" ] || { echo "$1:$2 is not in $M2: run the server-config tests once" >&2; exit 1; }
  echo "$dir/$version/$2-$version.jar"
}
# Angus Mail as angus-mail or, as GreenMail 2.1 brings it, org.eclipse.angus:jakarta.mail
ANGUS=$(jar org/eclipse/angus angus-mail 2>/dev/null) || ANGUS=$(jar org/eclipse/angus jakarta.mail)
CP=$(jar com/icegreen greenmail):$(jar jakarta/mail jakarta.mail-api):$ANGUS
CP=$CP:$(jar jakarta/activation jakarta.activation-api):$(jar org/eclipse/angus angus-activation)
CP=$CP:$(jar org/slf4j slf4j-api 2)
java -cp "$CP" "$HERE/MailBench.java" $IMAP "$N" "$WORK/go" >"$WORK/mail.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do grep -q '^listening' "$WORK/mail.log" 2>/dev/null && break; sleep 1; done
grep -q '^listening' "$WORK/mail.log" || { echo "the mail server did not start; see $WORK/mail.log" >&2; exit 1; }

CUSTODIAN_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/custodian" CUSTODIAN_DB_USER=postgres \
CUSTODIAN_DB_PASSWORD=unused CUSTODIAN_BACKUP_SCHEDULE_ENABLED=false \
CUSTODIAN_MAIL_INBOXES=support CUSTODIAN_MAIL_INBOX_SUPPORT_HOST=127.0.0.1 CUSTODIAN_MAIL_INBOX_SUPPORT_PORT=$IMAP \
CUSTODIAN_MAIL_INBOX_SUPPORT_SECURITY=NONE CUSTODIAN_MAIL_INBOX_SUPPORT_USER=support@bench.test \
CUSTODIAN_MAIL_INBOX_SUPPORT_PASSWORD=bench-password CUSTODIAN_MAIL_INBOX_SUPPORT_REGION=EU \
CUSTODIAN_MAIL_INBOX_SUPPORT_AUTHSERV_ID=mx.bench.test CUSTODIAN_MAIL_POLL_INTERVAL=PT1S \
CUSTODIAN_MAIL_POLL_BATCH=$N CUSTODIAN_MAIL_SENDER_LIMIT=1000000 \
  java -Xmx2g ${BENCH_JAVA_OPTS:-} -jar "$JAR" --port "$APP_PORT" >>"$WORK/app.log" 2>&1 &
APP_PID=$!
await_app "$APP" "$APP_PID" "$WORK/app.log"
# CPU seconds of the application and of the cluster: on a shared machine mails per CPU second say what intake costs
TICKS=$(getconf CLK_TCK)
cpu_of() { awk -v t="$TICKS" '{ s += $14 + $15 } END { printf "%.1f", s / t }' "$@" 2>/dev/null || echo 0; }
db_cpu() {
  local pm files=()
  pm=$(head -1 "$WORK/data/postmaster.pid" 2>/dev/null) || { echo 0; return; }
  for p in $pm $(pgrep -P "$pm"); do files+=("/proc/$p/stat"); done
  cpu_of "${files[@]}"
}
A0=$(cpu_of /proc/$APP_PID/stat); D0=$(db_cpu); LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
touch "$WORK/go"
for _ in $(seq 1 600); do grep -q '^ready' "$WORK/mail.log" 2>/dev/null && break; sleep 1; done
echo "the application is up; the mailbox now holds $N mails"

count() { "${PSQL[@]}" -Atc "select count(*) from mail_message" 2>/dev/null || echo 0; }
end=$((SECONDS + 900))
while [ "$(count)" -lt "$N" ]; do
  [ $SECONDS -lt $end ] || { echo "only $(count) of $N mails taken in 15 minutes; see $WORK/app.log" >&2; exit 1; }
  kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped; see $WORK/app.log" >&2; exit 1; }
  sleep 2
done

A1=$(cpu_of /proc/$APP_PID/stat); D1=$(db_cpu); LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
"${PSQL[@]}" -At -F ' ' -c "select count(*) filter (where status = 'TICKET'), count(*) filter (where status = 'COMMENT'),
  count(*) filter (where status not in ('TICKET', 'COMMENT')),
  round(extract(epoch from max(received_at) - min(received_at))::numeric, 2) from mail_message" | {
  read -r tickets comments other seconds
  redacted=$("${PSQL[@]}" -Atc "select count(*) from ticket where redacted_types like '%CREDIT_CARD%'")
  card=$("${PSQL[@]}" -Atc "select count(*) from ticket where description like '%4111 1111 1111 1111%'")
  echo "mails: $N (tickets $tickets, comments $comments, other $other); tickets with a card number redacted:"\
" $redacted; card numbers stored: $card"
  awk -v n="$N" -v s="$seconds" 'BEGIN { printf "intake: %.1f s for %d mails = %.1f mails/s (goal >= 50/s)\n", s, n, (n - 1) / s }'
}
awk -v n="$N" -v a="$(echo "$A1 - $A0" | bc)" -v d="$(echo "$D1 - $D0" | bc)" -v l0="$LOAD" -v l1="$LOAD_AFTER" \
  'BEGIN { printf "cpu: app %.1f s + db %.1f s = %.1f mails per cpu second; load average before %s, after %s\n", a, d, n / (a + d), l0, l1 }'
