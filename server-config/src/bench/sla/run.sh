#!/usr/bin/env bash
# SLA figures (#25) on an embedded PostgreSQL with the application's migrations: a year of N tickets with their
# clocks, the SLA report over that year for each grouping (goal <= 2 s), and the start-up recompute of all clocks
# with every ticket open (goal <= 60 s). Prints the figures with their baseline from the same run: PostgreSQL's bare
# scan of the report's rows (count(*) over the year), the former statement (V98) on the same data, the load average,
# and the CPU seconds of one backend for each (wall-clock seconds on a shared machine say much about the neighbours).
#
#   server-config/src/bench/sla/run.sh [tickets]   # default 1000000 (seeding takes a few minutes)
#
# Needs the module's test classes (compiled here); uses the local Maven repository offline.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
. "$HERE/../lib.sh"  # bench_main
bench_main org.custodian.infrastructure.persistence.SlaBenchmark -Dbench.tickets="${1:-1000000}"
