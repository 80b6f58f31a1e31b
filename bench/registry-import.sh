#!/usr/bin/env bash
# Registry bulk-import throughput: imports ROWS rows (half producers, half products, NDJSON) through
# POST /api/v1/imports into a real PostgreSQL and Kafka (testkit), waits for the job and prints the figures.
# Usage: bench/registry-import.sh [ROWS]   (default 20000; needs PostgreSQL on TEST_PG_HOST:TEST_PG_PORT, default 127.0.0.1:5432)
set -euo pipefail
rows="${1:-20000}"
cd "$(dirname "$0")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! ./mvnw -B -o -q verify -pl registry-service -Dtest=ImportBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
        -Docop.bench.rows="$rows" >"$log" 2>&1; then
    grep -E "BENCH|FAIL|ERROR\]" "$log" | head -20
    echo "benchmark failed; full log kept at $log.failed" && cp "$log" "$log.failed"
    exit 1
fi
grep -E "^BENCH" "$log"
