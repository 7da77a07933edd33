#!/usr/bin/env bash
# What the API rate limit (#22) costs a request: the counter upsert on PostgreSQL against `select 1` (the cheapest
# round trip), in the same run, on an embedded PostgreSQL with the application's migrations.
#
#   server-config/src/bench/ratelimit/run.sh [threads] [requests per thread]   # defaults 4 and 20000
#
# Needs the module's test classes (compiled here); uses the local Maven repository offline.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
. "$HERE/../lib.sh"  # bench_main
bench_main org.custodian.infrastructure.persistence.RateLimitBenchmark \
  -Dbench.threads="${1:-4}" -Dbench.requests="${2:-20000}"
