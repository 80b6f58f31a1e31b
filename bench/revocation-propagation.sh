#!/usr/bin/env bash
# Revocation propagation against ./ocop up: ROUNDS revocations, each of a 4★ product listed on three channels, and,
# interleaved with them, as many bare Kafka produce->consume round trips on the same broker (bench/src/RevocationPropagation.java
# says what is measured). Prints p50/p95/p99 of each and, last, the p99 ratios to the bare round trip.
# Usage: bench/revocation-propagation.sh [ROUNDS] [WARMUP]   (defaults 30 and 5, warm-up rounds printed, not counted; needs ./ocop up running; compiles the testkit classes it
#   uses with the Maven wrapper, installs nothing. OCOP_KAFKA_BOOTSTRAP overrides the broker, default 127.0.0.1:9092)
set -euo pipefail
rounds="${1:-30}"
warmup="${2:-5}"
cd "$(dirname "$0")/.."
curl -fsS -o /dev/null http://127.0.0.1:8084/q/health/ready || { echo "monitoring not ready on 8084: start ./ocop up first"; exit 1; }
mkdir -p target/bench
./mvnw -B -ntp -q -pl testkit -am compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench/classpath.txt" \
    -Dk8s.check.skip=true -Dimages.check.skip=true >target/bench/build.log 2>&1 \
    || { tail -20 target/bench/build.log; exit 1; }
classpath="testkit/target/classes:events/target/classes:kafka-broker/target/classes:$(cat target/bench/classpath.txt)"
OCOP_KAFKA_BOOTSTRAP="${OCOP_KAFKA_BOOTSTRAP:-127.0.0.1:9092}" \
    java -cp "$classpath" bench/src/RevocationPropagation.java "$rounds" "$warmup" 2>target/bench/revocation.err | grep "^BENCH" \
    || { tail -20 target/bench/revocation.err; exit 1; }
