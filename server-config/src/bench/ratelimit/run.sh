#!/usr/bin/env bash
# What the API rate limit (#22) costs a request: the counter upsert on PostgreSQL against `select 1` (the cheapest
# round trip), in the same run, on an embedded PostgreSQL with the application's migrations.
#
#   server-config/src/bench/ratelimit/run.sh [threads] [requests per thread]   # defaults 4 and 20000
#
# Needs the module's test classes: run from the repository root; uses the local Maven repository offline.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
cd "$ROOT"
./mvnw -o -q -B -pl ejb-module test-compile
./mvnw -o -q -B -pl ejb-module org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
    -Dexec.cleanupDaemonThreads=false \
    -Dexec.mainClass=org.custodian.infrastructure.persistence.RateLimitBenchmark \
    -Dbench.threads="${1:-4}" -Dbench.requests="${2:-20000}"
