#!/usr/bin/env bash
# Footprint: each service started ALONE from its packaged jar (own port, own fresh database ocop_fp_<service>, no
# broker needed: readiness needs only the database), beside a minimal plain-JDK service with the same duties
# (bench/src/MinimalService.java: HTTP, 4 PostgreSQL connections, a Kafka producer and consumer) measured the same way
# in the same run. Every JVM gets the services' JVM options, read from their one place
# (quarkus.jib.jvm-additional-arguments in platform/src/main/resources/META-INF/microprofile-config.properties).
# Per subject: a first start on the empty database (migrations run; the JVM writes a class-data-sharing archive of the
# classes it loaded when it stops, -XX:ArchiveClassesAtExit), then the measured start with that archive
# (-XX:SharedArchiveFile, mapped where it was written: ArchiveRelocationMode=0, as ./ocop up does): milliseconds and
# CPU seconds (all its threads) from launch to the first 200 of its readiness URL, then SECONDS of GET load at 4 clients (bench/src/HttpLoad.java: readiness for all, plus the public product search for registry), then RSS.
# Prints one line per subject and, last, the ratios services/minimal (worst service) for RSS and start.
# Usage: bench/footprint.sh [SECONDS]   (default 15; needs the jars: ./mvnw -B package -DskipTests -pl
#   registry-service,evaluation-service,market-service,monitoring-service -am; psql; PGHOST/PGPORT/PGUSER as for the
#   tests, default 127.0.0.1:5432 postgres; KAFKA_BOOTSTRAP_SERVERS default 127.0.0.1:19092, where no broker is;
#   READY_TIMEOUT seconds per start, default 300; TEST_PG_DATABASE_SUFFIX appended to the database names and PORT_BASE,
#   default 18181, for a run beside another; SERVICES, default "registry evaluation market monitoring", to measure some;
#   JVM_EXTRA, options appended to the services' and the minimal service's, to compare a setting in the same run). On
#   failure it keeps the subjects' logs and says where.
set -euo pipefail
seconds="${1:-15}"
cd "$(dirname "$0")/.."
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
kafka="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:19092}"
read -r -a services <<< "${SERVICES:-registry evaluation market monitoring}"
for s in "${services[@]}"; do
    [ -f "$s-service/target/quarkus-app/quarkus-run.jar" ] || { echo "no $s-service jar: ./mvnw -B package -DskipTests -pl $s-service -am"; exit 1; }
done
props=platform/src/main/resources/META-INF/microprofile-config.properties
read -r -a jvm <<< "$(grep '^quarkus.jib.jvm-additional-arguments=' "$props" | cut -d= -f2- | tr ',' ' ') ${JVM_EXTRA:-}"
# The glibc setting the images also carry (quarkus.jib.environment-variables): two malloc arenas, not one per thread.
export MALLOC_ARENA_MAX="$(grep '^quarkus.jib.environment-variables."MALLOC_ARENA_MAX"=' "$props" | cut -d= -f2-)"
work="$(mktemp -d)"
pid=""
# On failure the subjects' logs stay in $work for reading.
trap 'rc=$?; [ -n "$pid" ] && kill "$pid" 2>/dev/null; if [ "$rc" = 0 ]; then rm -rf "$work"; else echo "logs: $work"; fi' EXIT

m2="${M2_REPO:-$HOME/.m2/repository}"
mincp="$m2/org/postgresql/postgresql/42.7.10/postgresql-42.7.10.jar:$m2/org/apache/kafka/kafka-clients/4.1.1/kafka-clients-4.1.1.jar:$m2/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar"
javac -nowarn -cp "$mincp" -d "$work/minimal" bench/src/MinimalService.java
# Class data sharing archives classes from jar files only: the minimal service runs from a jar too.
jar --create --file "$work/minimal.jar" -C "$work/minimal" .

# launch NAME PORT EXTRA_JVM_OPTION...: starts the subject in the background, sets pid
launch() {
    local name="$1" port="$2" command
    shift 2
    if [ "$name" = minimal ]; then command=(-cp "$work/minimal.jar:$mincp" MinimalService)
    else command=(-jar "$PWD/$name-service/target/quarkus-app/quarkus-run.jar"); fi
    # A Kafka principal because production requires one (no broker answers anyway); rate limits off as in ./ocop up,
    # or the search load would measure 429s.
    (cd "$work" && exec env QUARKUS_HTTP_PORT="$port" OCOP_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$(database "$name")" \
        OCOP_DB_USER="$PGUSER" OCOP_DB_PASSWORD="${PGPASSWORD:-postgres}" KAFKA_BOOTSTRAP_SERVERS="$kafka" \
        OCOP_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT OCOP_KAFKA_USERNAME="ocop-$name" OCOP_KAFKA_PASSWORD=unused \
        OCOP_RATE_LIMIT_ENABLED=false \
        OCOP_JWT_PUBLIC_KEY_LOCATION=dev-keys/ocop-dev-public.pem QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
        java "${jvm[@]}" "$@" "${command[@]}" >> "$work/$name.log" 2>&1) &
    pid=$!
}

# await_ready URL: prints the milliseconds since $t0 until URL answers 200 (gives up after READY_TIMEOUT, default 300 s)
await_ready() {
    local url="$1"
    until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || { echo "subject died, its log: $work/$name.log" >&2; tail -n 20 "$work/$name.log" >&2; exit 1; }
        [ $(( $(date +%s%N) / 1000000 - t0 )) -lt $(( ${READY_TIMEOUT:-300} * 1000 )) ] || { echo "not ready after ${READY_TIMEOUT:-300} s: $url" >&2; exit 1; }
        sleep 0.05
    done
    echo "$(( $(date +%s%N) / 1000000 - t0 )) $(awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$pid/stat")"
}

database() { echo "ocop_fp_$1${TEST_PG_DATABASE_SUFFIX:-}"; }

stop() {
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=""
}

declare -A rss ready first cpu
port="${PORT_BASE:-18181}"
for name in minimal "${services[@]}"; do
    port=$((port + 1))
    if [ "$name" = minimal ]; then url="http://127.0.0.1:$port/ready"; else url="http://127.0.0.1:$port/q/health/ready"; fi
    psql -qXAt -d postgres -c "drop database if exists $(database "$name")" -c "create database $(database "$name")" >/dev/null
    t0=$(( $(date +%s%N) / 1000000 ))
    launch "$name" "$port" "-XX:ArchiveClassesAtExit=$work/$name.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off
    read -r first[$name] _ < <(await_ready "$url")
    java bench/src/HttpLoad.java GET "$url" 4 3 warm > /dev/null
    stop
    t0=$(( $(date +%s%N) / 1000000 ))
    launch "$name" "$port" "-XX:SharedArchiveFile=$work/$name.jsa" -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0
    read -r ready[$name] cpu[$name] < <(await_ready "$url")
    read -r rps p50 p95 p99 n failed < <(java bench/src/HttpLoad.java GET "$url" 4 "$seconds" x)
    load="readiness $rps req/s p50 $p50 ms ($n ok, $failed failed)"
    if [ "$name" = registry ]; then
        read -r rps p50 p95 p99 n failed < <(java bench/src/HttpLoad.java GET "http://127.0.0.1:$port/api/v1/public/products" 4 "$seconds" gao che mat)
        load="$load; search $rps req/s p50 $p50 ms ($n ok, $failed failed)"
    fi
    rss[$name]=$(( $(ps -o rss= -p "$pid") / 1024 ))
    stop
    echo "BENCH $name: ready in ${ready[$name]} ms, ${cpu[$name]} s of CPU (first start, migrating, no archive: ${first[$name]} ms); RSS ${rss[$name]} MB after $load"
done
echo "BENCH JVM options: ${jvm[*]} (+ -XX:SharedArchiveFile, ArchiveRelocationMode=0, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
worst_rss=0; worst_ready=0
for s in "${services[@]}"; do
    [ "${rss[$s]}" -gt "$worst_rss" ] && worst_rss="${rss[$s]}"
    [ "${ready[$s]}" -gt "$worst_ready" ] && worst_ready="${ready[$s]}"
done
awk -v r="$worst_rss" -v mr="${rss[minimal]}" -v t="$worst_ready" -v mt="${ready[minimal]}" 'BEGIN {
    printf "BENCH ratio services/minimal: RSS %.1fx (%d MB vs %d MB), ready %.1fx (%d ms vs %d ms)\n", r / mr, r, mr, t / mt, t, mt }'
