#!/usr/bin/env bash
# Producer registration against ./ocop up: CLIENTS HTTP clients POST /api/v1/producers (a province officer's token,
# unique tax codes) for SECONDS, interleaved with pgbench at the same clients running a one-row INSERT + COMMIT into a
# scratch table of database ocop_bench (the physical limit of a write that must reach the disk), at 4 and at 16
# clients, two rounds each, after WARMUP seconds of the same HTTP load, not measured (a started service's first
# thousand registrations would otherwise measure the compiler). Prints req/s and latencies of each and, last, the
# ratio HTTP / pgbench per client count.
# Usage: bench/producer-post.sh [SECONDS]   (default 10; needs ./ocop up running, psql and pgbench; PGHOST/PGPORT/
#   PGUSER as for the stack's PostgreSQL, default 127.0.0.1:5432 postgres; WARMUP, default 30). The producers it
#   registers stay, named "HTX Bench …", in province 51.
set -euo pipefail
seconds="${1:-10}"
cd "$(dirname "$0")/.."
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
curl -fsS -o /dev/null http://127.0.0.1:8081/q/health/ready || { echo "registry not ready on 8081: start ./ocop up first"; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

token="$(./ocop token province-officer province=51 | tail -1)"
cat > "$work/producer.json" <<'JSON'
{"name": "HTX Bench {n}", "kind": "COOPERATIVE", "taxCode": "4{n}", "provinceCode": "51", "communeCode": "21548",
 "address": "Thôn Đông, Đặc khu Lý Sơn", "phone": "0255 3867 123", "email": "bench@example.vn",
 "representative": {"fullName": "Nguyễn Thị Hoa", "title": "Giám đốc", "gender": "FEMALE", "ethnicGroup": "Kinh",
   "ethnicMinority": false, "disabled": false}}
JSON
psql -qXAt -d postgres -c "select 1 from pg_database where datname = 'ocop_bench'" | grep -q 1 \
    || psql -qXAt -d postgres -c "create database ocop_bench" >/dev/null
psql -qXAt -d ocop_bench -c "create table if not exists bench_insert (id bigserial primary key, payload text not null, at timestamptz not null default now())"
echo "insert into bench_insert (payload) values ('HTX Bench');" > "$work/insert.sql"

java bench/src/HttpLoad.java POST http://127.0.0.1:8081/api/v1/producers 4 "${WARMUP:-30}" "$token" "$work/producer.json" > /dev/null
for clients in 4 16; do
    for round in 1 2; do
        read -r rps p50 p95 p99 n failed < <(java bench/src/HttpLoad.java POST http://127.0.0.1:8081/api/v1/producers \
            "$clients" "$seconds" "$token" "$work/producer.json")
        echo "BENCH $clients clients round $round HTTP POST /producers: $rps req/s  p50 $p50 ms  p95 $p95 ms  p99 $p99 ms  ($n ok, $failed failed)"
        (cd "$work" && pgbench -n -c "$clients" -j "$clients" -T "$seconds" -f insert.sql ocop_bench > pgbench.out 2>&1)
        tps="$(grep -oP 'tps = \K[0-9.]+' "$work/pgbench.out" | head -1)"
        echo "BENCH $clients clients round $round pgbench one-row INSERT+COMMIT: $tps tx/s"
        eval "http_$clients+=($rps); pg_$clients+=($tps)"
    done
done
for clients in 4 16; do
    eval "a=(\"\${http_$clients[@]}\"); b=(\"\${pg_$clients[@]}\")"
    awk -v c="$clients" -v a="${a[*]}" -v b="${b[*]}" 'BEGIN { split(a, x, " "); split(b, y, " ");
        printf "BENCH ratio HTTP/pgbench at %d clients: %.0f%% (%.1f req/s vs %.1f tx/s, mean of 2 rounds)\n",
        c, 100 * (x[1] + x[2]) / (y[1] + y[2]), (x[1] + x[2]) / 2, (y[1] + y[2]) / 2 }'
done
