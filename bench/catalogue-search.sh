#!/usr/bin/env bash
# Public catalogue search at national scale: fills the registry of ./ocop up to PRODUCTS products (synthetic names,
# inserted with SQL, tagged 'bench' in created_by), shows the plan of the search (it must use the indexes, after
# ANALYZE: autovacuum may be off), then, interleaved in two rounds of SECONDS each, CLIENTS HTTP clients on
# GET /api/v1/public/products?q=... and pgbench with CLIENTS clients running the same SQL the service sends.
# Usage: bench/catalogue-search.sh [PRODUCTS] [CLIENTS] [SECONDS]   (defaults 30000 4 15; needs ./ocop up running,
#   psql and pgbench; PGHOST/PGPORT/PGUSER as for the stack's PostgreSQL, default 127.0.0.1:5432 postgres;
#   REGISTRY_URL and REGISTRY_DB point it at a registry started alone, default http://127.0.0.1:8081 and ocop_registry;
#   WARMUP seconds of the same HTTP load before the first round, not measured, default 30)
set -euo pipefail
products="${1:-30000}"
clients="${2:-4}"
seconds="${3:-15}"
cd "$(dirname "$0")/.."
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${REGISTRY_DB:-ocop_registry}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
registry="${REGISTRY_URL:-http://127.0.0.1:8081}"
url="$registry/api/v1/public/products"
curl -fsS -o /dev/null "$url" || { echo "registry not reachable on $registry: start ./ocop up first"; exit 1; }

# --- data: top up to $products products with names made of real product kinds, places and qualifiers
psql -qX -v ON_ERROR_STOP=1 -v target="$products" <<'SQL'
select setseed(0.42);
insert into product (id, code, name, product_set, producer_id, province_code, commune_code, unit_list, description,
                     created_at, created_by, updated_at, updated_by)
select gen_random_uuid(), 'BX-' || n || '-' || substr(md5(random()::text), 1, 6),
       (array['Gạo','Chè','Trà','Tỏi','Mật ong','Nước mắm','Cà phê','Bánh tráng','Miến dong','Rượu','Nem chua','Mứt',
              'Tương','Hồng treo gió','Bưởi','Vải thiều','Nhãn lồng','Cam','Mắm tôm','Bánh đa','Hành tím','Nấm linh chi',
              'Sâm','Tiêu','Điều','Dầu lạc','Măng khô','Chả cá','Kẹo dừa','Xoài'])[1 + floor(random() * 30)::int]
       || ' ' || (array['Tân Cương','Sóc Trăng','Lý Sơn','Phú Quốc','Bắc Giang','Hà Giang','Đà Lạt','Tây Ninh',
              'Nam Định','Hòa Bình','Long An','Hưng Yên','Mỹ Tho','Thái Bình','Quảng Ngãi','Bến Tre','Cao Bằng',
              'Sơn La','Ninh Thuận','Lục Ngạn','Bảo Lộc','Cần Thơ','Hội An','Bát Tràng','Mộc Châu','Tân Kỳ',
              'Tiên Lãng','Đông Anh','Thanh Hà','Cái Bè'])[1 + floor(random() * 30)::int]
       || (array['','',' đặc biệt',' hảo hạng',' loại 1',' hộp 500g',' túi 1kg',' truyền thống',' hữu cơ',' ST25',
              ' thượng hạng',' xuất khẩu'])[1 + floor(random() * 12)::int]
       || ' ' || n,
       1 + floor(random() * 26)::int, pr.id, pr.province_code, pr.commune_code, '2025', 'Sản phẩm thử tải',
       now(), 'bench', now(), 'bench'
from generate_series(1, greatest(0, :target - (select count(*) from product))) n,
     (select id, province_code, commune_code from producer order by created_at limit 1) pr;
analyze product;
analyze certificate;
SQL
echo "BENCH products in $PGDATABASE: $(psql -qXAt -c 'select count(*) from product')"

# --- the SQL the service sends for q: a copy of CatalogueService's statements (ALL_WORDS with WORDS_RELEVANCE, then,
# when nothing matched, CORRECTION and CORRECTED_WORDS with the same relevance of the corrected query), with the
# parameters written in. The service's last resort, SIMILAR, runs only when the corrected words match nothing too,
# which none of the queries here needs: the bench stops if one would. It runs under the registry's connection options
# (application.properties), read from there.
PGOPTIONS="$(sed -n 's/^quarkus\.datasource\.jdbc\.additional-jdbc-properties\.options=//p' registry-service/src/main/resources/application.properties)"
[ -n "$PGOPTIONS" ] || { echo "no datasource options in registry-service's application.properties"; exit 1; }
export PGOPTIONS
status="case when c.id is null then 'NONE' when c.status = 'ACTIVE' and c.valid_until < current_date then 'EXPIRED' else c.status end"
search_sql() { # $1 = common tables before hits ("" or "name as (...), "), $2 = match condition, $3 = relevance
    cat <<SQL
with $1hits as (select p.id, p.name, $3 as relevance, 0 as stars_key, count(*) over () as total
  from product p where $2 order by relevance desc, p.name, p.id limit 20 offset 0)
select p.id, p.code, p.name, p.product_set, p.province_code, pv.name as province_name, pr.name as producer_name,
  case when ($status) = 'ACTIVE' then c.stars end as stars, $status as cert_status, c.number, c.valid_until, h.relevance, h.total
from hits h join product p on p.id = h.id join producer pr on pr.id = p.producer_id join province pv on pv.code = p.province_code
 left join lateral (select * from certificate c where c.product_id = p.id and (c.issued or c.revoked or c.expired)
                    order by c.valid_until desc nulls first, c.issued_at desc nulls first limit 1) c on true
order by h.relevance desc, h.name, h.id;
SQL
}
words_relevance() { # $1 = the folded query, $2 = its number of trigrams (each a sub-select, once per statement)
    echo "((case when strpos(p.search_name, $1) > 0 then 1 else 0 end) + cast($2 as real) / cast(greatest(p.search_trigrams, $2, 1) as real)) / 2"; }
words() { search_sql "" "p.search_vector @@ plainto_tsquery('simple', ocop_fold('$1'))" \
    "$(words_relevance "(select ocop_fold('$1'))" "(select cardinality(show_trgm(ocop_fold('$1'))))")"; }
corrected() { search_sql "corrected as (select string_agg(case
    when not exists (select from unnest(tsvector_to_array(to_tsvector('simple', w))) l
                     where not exists (select from search_word d where d.word = l)) then w
    else coalesce((select d.word from search_word d where d.word % w and similarity(d.word, w) >= 0.5
                   order by similarity(d.word, w) desc, d.word limit 1), w) end, ' ' order by n) as q
  from unnest(regexp_split_to_array(ocop_fold('$1'), '\s+')) with ordinality t(w, n) where w <> ''), " \
    "p.search_vector @@ plainto_tsquery('simple', (select q from corrected))" \
    "$(words_relevance "(select q from corrected)" "(select cardinality(show_trgm(q)) from corrected)")"; }
queries=("tan cuong" "gao st25" "toi ly son" "mat ong ha giang" "nuoc mam phu quoc" "che tan cuongg")
pgb=()
for i in "${!queries[@]}"; do
    q="${queries[$i]}"
    words "$q" > "$work/q$i.sql"
    if [ "$(psql -qXAt -f "$work/q$i.sql" | wc -l)" = 0 ]; then # no product has all the words: the service corrects them
        corrected "$q" >> "$work/q$i.sql"
        [ "$(corrected "$q" | psql -qXAt | wc -l)" != 0 ] || { echo "q='$q' needs SIMILAR, which this bench does not copy"; exit 1; }
    fi
    pgb+=(-f "$work/q$i.sql")
done

echo "BENCH plan of q='tan cuong' (words) and q='che tan cuongg' (corrected words, after the words found nothing):"
{ echo "explain (analyze, costs off, timing off, summary on) "; words "tan cuong"; } \
    | psql -qXAt | grep -E "Scan|Execution" | sed 's/^/BENCH   /'
{ echo "explain (analyze, costs off, timing off, summary on) "; corrected "che tan cuongg"; } \
    | psql -qXAt | grep -E "Scan|Execution" | sed 's/^/BENCH   /'

# --- load, interleaved: HTTP, pgbench, HTTP, pgbench. First the JVM compiles the search path (JIT), as the psql runs
# above warmed PostgreSQL's caches: a started service's first thousand requests would otherwise measure the compiler.
java bench/src/HttpLoad.java GET "$url" "$clients" "${WARMUP:-30}" "${queries[@]}" > /dev/null
for round in 1 2; do
    read -r rps p50 p95 p99 n failed < <(java bench/src/HttpLoad.java GET "$url" "$clients" "$seconds" "${queries[@]}")
    echo "BENCH round $round HTTP   $clients clients: $rps req/s  p50 $p50 ms  p95 $p95 ms  p99 $p99 ms  ($n ok, $failed failed)"
    http_rps+=("$rps"); http_p99+=("$p99")
    rm -f "$work"/pgbench_log*
    (cd "$work" && pgbench -n -c "$clients" -j "$clients" -T "$seconds" -l --log-prefix=pgbench_log "${pgb[@]}" > pgbench.out 2>&1)
    tps="$(grep -oP 'tps = \K[0-9.]+' "$work/pgbench.out" | head -1)"
    read -r pg50 pg95 pg99 < <(cat "$work"/pgbench_log* | awk '{print $3}' | sort -n | awk '{v[NR]=$1} END {
        printf "%.1f %.1f %.1f\n", v[int(NR*0.5+0.999)]/1000, v[int(NR*0.95+0.999)]/1000, v[int(NR*0.99+0.999)]/1000}')
    echo "BENCH round $round pgbench $clients clients: $tps tx/s  p50 $pg50 ms  p95 $pg95 ms  p99 $pg99 ms (same SQL)"
    pg_tps+=("$tps")
done
awk -v a="${http_rps[*]}" -v b="${pg_tps[*]}" -v p="${http_p99[*]}" 'BEGIN { split(a, x, " "); split(b, y, " "); split(p, z, " ");
    printf "BENCH ratio HTTP/pgbench: %.0f%% (%.1f req/s vs %.1f tx/s), HTTP p99 %.1f ms (mean of %d rounds)\n",
    100 * (x[1] + x[2]) / (y[1] + y[2]), (x[1] + x[2]) / 2, (y[1] + y[2]) / 2, (z[1] + z[2]) / 2, 2 }'
