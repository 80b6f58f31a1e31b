#!/usr/bin/env bash
# Readiness after a Kafka broker restart: stops and restarts the registry tests' broker ROUNDS times, each outage
# OUTAGE seconds long, and prints how long the broker health check (/q/health/well) stays DOWN once the broker is back (and, every other round,
# when an event written during the outage is published). Relay backoff as in production (30 s), not the tests' 2 s.
# Usage: bench/broker-restart-readiness.sh [ROUNDS] [OUTAGE] [RECONNECT_BACKOFF_MAX_MS]
#   (defaults 6, 20, the platform's setting; pass 10000 to see SmallRye's own default again.
#    Needs PostgreSQL on TEST_PG_HOST:TEST_PG_PORT, default 127.0.0.1:5432; builds what it needs, installs nothing.)
set -euo pipefail
rounds="${1:-6}"
outage="${2:-20}"
backoff=()
if [ -n "${3:-}" ]; then
    backoff=("-Dkafka.reconnect.backoff.max.ms=$3")
fi
cd "$(dirname "$0")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! ./mvnw -B -ntp -q verify -pl registry-service -am -Dtest=BrokerRestartBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
        -Dopenapi.lint.skip -Docop.bench.broker-restarts="$rounds" -Docop.bench.outage="$outage" \
        -Docop.outbox.max-backoff=30s "${backoff[@]}" >"$log" 2>&1; then
    grep -E "BENCH|FAIL|ERROR\]" "$log" | head -20
    echo "benchmark failed; full log kept at $log.failed" && cp "$log" "$log.failed"
    exit 1
fi
grep -E "^BENCH" "$log"
