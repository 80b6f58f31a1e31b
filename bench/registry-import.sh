#!/usr/bin/env bash
# Registry bulk-import throughput: imports ROWS rows (half producers, half products, NDJSON) through
# POST /api/v1/imports into a real PostgreSQL and Kafka (testkit), waits for the job, and prints rows/s beside a
# PostgreSQL COPY of the same rows into a scratch table in the same run (the physical limit), their ratio, and the
# machine's load average.
# Usage: bench/registry-import.sh [ROWS]   (default 20000; needs PostgreSQL on TEST_PG_HOST:TEST_PG_PORT, default
# 127.0.0.1:5432; builds what it needs, installs nothing). The rows go in one file whatever its size: the import limit
# (8 MiB, ocop.registry.imports.max-bytes) is raised for the run, since what is measured is the rate, not the limit.
set -euo pipefail
rows="${1:-20000}"
cd "$(dirname "$0")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! ./mvnw -B -ntp -q verify -pl registry-service -am -Dtest=ImportBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
        -Dk8s.check.skip=true -Dimages.check.skip=true -Dopenapi.lint.skip -Docop.bench.rows="$rows" \
        -Docop.registry.imports.max-bytes=64M >"$log" 2>&1; then
    grep -E "BENCH|FAIL|ERROR\]" "$log" | head -20
    echo "benchmark failed; full log kept at $log.failed" && cp "$log" "$log.failed"
    exit 1
fi
grep -E "^BENCH" "$log"
echo "BENCH load-average $(cut -d' ' -f1-3 /proc/loadavg)"
