package vn.ocop.registry.catalogue;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.registry.catalogue.CatalogueViews.CatalogueItem;
import vn.ocop.registry.catalogue.CatalogueViews.CatalogueProduct;
import vn.ocop.registry.certification.CertificationProjection;
import vn.ocop.registry.producer.Producer;
import vn.ocop.registry.product.Product;
import vn.ocop.registry.province.Commune;
import vn.ocop.registry.province.Province;
import vn.ocop.platform.time.LegalClock;

/**
 * The anonymous catalogue. Search runs on columns the database derives from the product name (V9_1): its folded form
 * ({@code ocop_fold}: lower case, no diacritics) as words, with a full-text index, and as text, with a trigram index.
 * A product matches when every word of the query is one of its name's words, so "tan cuong" finds chè Tân Cương and
 * not every name with "tân" in it, and "gao st25" finds the ST25 rice, not every rice. Only when no name has all the
 * words, each query word that is no name's word is corrected to the closest word of the names (V16's dictionary,
 * trigram similarity at least 0.5), and the words match runs again with the corrected query ("che tan cuongg" finds chè
 * Tân Cương). Only when that finds nothing either (a typo in a short word: "toi li son"), the whole query is compared
 * by trigram strict word similarity (at least 0.6: {@code pg_trgm.strict_word_similarity_threshold}, set for every
 * connection in application.properties). Each test is answered by an index. The closest name comes first: the
 * (corrected) query as one phrase in the name, then trigram similarity to the whole name (the shorter of two names
 * with the words wins). The total is counted in the same scan as the page ({@code count(*) over ()}), not by a second
 * query.
 */
@ApplicationScoped
public class CatalogueService {
    public enum Sort {
        RELEVANCE, STARS, NAME
    }

    /** Filters of a catalogue search; any may be null. */
    public record SearchQuery(String text, String province, Integer productSet, ProductGroup group, Integer stars,
                        String certificationStatus, Sort sort) {
    }

    @Inject
    LegalClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    CertificationProjection certification;

    /**
     * The folded query for per-row expressions: a sub-select is evaluated once per query (an InitPlan), where
     * {@code ocop_fold(:q)} in a cached generic plan would run unaccent again for every matching row.
     */
    static final String Q = "(select ocop_fold(:q))";
    /** Every query word is a word of the name (full-text index). */
    static final String ALL_WORDS = "p.search_vector @@ plainto_tsquery('simple', ocop_fold(:q))";
    /**
     * The typo fallback: strict word similarity of at least the connection's {@code pg_trgm.strict_word_similarity_threshold}
     * (0.6, "toi li son" vs "toi ly son": 0.69), which the index answers and its recheck decides, so that similarity is
     * computed once per candidate, not again by a separate filter.
     */
    static final String SIMILAR = "p.search_name %>> " + Q;
    /** Relevance: the query as one phrase in the name, then its trigram similarity to the whole name. */
    static final String RELEVANCE = relevance(Q, "similarity(" + Q + ", p.search_name)");
    /**
     * The same relevance for a words match, where the query's trigrams are among the name's (every query word is a
     * name word): similarity is then query trigrams / name trigrams (search_trigrams, V15), one division per row
     * instead of building and comparing both trigram sets (most of a 1,000-match search). greatest keeps it at most 1
     * where the two tokenizers part ("1.5kg" is the words 1.5 and kg, but the trigram words 1 and 5kg).
     */
    static final String WORDS_RELEVANCE = wordsRelevance(Q, "(select cardinality(show_trgm(ocop_fold(:q))))");
    /**
     * The folded query with each word that is no name's word (none of its lexemes is in search_word, V16) replaced by
     * the most similar name word, by trigram similarity of at least 0.5 (the index finds candidates at pg_trgm's
     * default similarity_threshold, 0.3), the alphabetically first of equals; a word with no such neighbour stays.
     * Words are split at white space, so the corrected query keeps its order for the phrase test of the relevance.
     * A common table: the statement reads it four times and computes it once.
     */
    static final String CORRECTION = """
            corrected as (select string_agg(case
                when not exists (select from unnest(tsvector_to_array(to_tsvector('simple', w))) l
                                 where not exists (select from search_word d where d.word = l)) then w
                else coalesce((select d.word from search_word d where d.word % w and similarity(d.word, w) >= 0.5
                               order by similarity(d.word, w) desc, d.word limit 1), w) end, ' ' order by n) as q
              from unnest(regexp_split_to_array(ocop_fold(:q), '\\s+')) with ordinality t(w, n) where w <> '')""";
    /** The words match with the corrected query. */
    static final String CORRECTED_WORDS = "p.search_vector @@ plainto_tsquery('simple', (select q from corrected))";

    /** How a search matches names and scores them, and the common table both read (or none). */
    record Match(String with, String condition, String relevance) {
    }

    private static final Match BROWSE = new Match(null, "true", "1.0");
    /** The three matches of a text search, in order: each runs only when the one before found nothing. */
    private static final List<Match> TEXT_MATCHES = List.of(new Match(null, ALL_WORDS, WORDS_RELEVANCE),
            new Match(CORRECTION, CORRECTED_WORDS, wordsRelevance("(select q from corrected)",
                    "(select cardinality(show_trgm(q)) from corrected)")),
            new Match(null, SIMILAR, RELEVANCE));
    /** The current certificate of each product: its newest (see CertificationProjection#currentFor). */
    private static final String CURRENT_CERTIFICATE = """
             left join lateral (select * from certificate c where c.product_id = p.id and (c.issued or c.revoked or c.expired)
                                order by c.valid_until desc nulls first, c.issued_at desc nulls first limit 1) c on true
            """;
    private static final String STATUS = "case when c.id is null then 'NONE' when c.status = 'ACTIVE' and c.valid_until < :today "
            + "then 'EXPIRED' else c.status end";
    private static final String ACTIVE_STARS = "case when (" + STATUS + ") = 'ACTIVE' then c.stars end";

    /** @param text the folded query, evaluated once per statement (a sub-select) */
    private static String relevance(String text, String closeness) {
        return "((case when strpos(p.search_name, " + text + ") > 0 then 1 else 0 end) + " + closeness + ") / 2";
    }

    /** @param trigrams the number of distinct trigrams of text, once per statement (a sub-select) */
    private static String wordsRelevance(String text, String trigrams) {
        return relevance(text, "cast(" + trigrams + " as real) / cast(greatest(p.search_trigrams, " + trigrams
                + ", 1) as real)");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CatalogueItem> search(SearchQuery query, PageRequest page) {
        StringBuilder filters = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("today", clock.today());
        String text = query.text() == null || query.text().isBlank() ? null : query.text().trim();
        if (text != null) {
            params.put("q", text);
        }
        if (query.province() != null) {
            filters.append(" and p.province_code = :province");
            params.put("province", query.province());
        }
        if (query.productSet() != null) {
            filters.append(" and p.product_set = :set");
            params.put("set", query.productSet());
        }
        if (query.group() != null) {
            filters.append(" and p.product_set between :firstSet and :lastSet");
            params.put("firstSet", query.group().firstSet);
            params.put("lastSet", query.group().lastSet);
        }
        if (query.stars() != null) {
            filters.append(" and (").append(ACTIVE_STARS).append(") = :stars");
            params.put("stars", query.stars());
        }
        if (query.certificationStatus() != null) {
            filters.append(" and (").append(STATUS).append(") = :status");
            params.put("status", query.certificationStatus());
        }
        params.put("limit", page.size());
        params.put("offset", page.page() * page.size());
        Sort sort = query.sort() != null ? query.sort() : text != null ? Sort.RELEVANCE : Sort.NAME;
        boolean needsCertificate = query.stars() != null || query.certificationStatus() != null || sort == Sort.STARS;
        if (text == null) {
            return run(BROWSE, filters, sort, needsCertificate, params, page, false);
        }
        Page<CatalogueItem> found = null;
        for (Match match : TEXT_MATCHES) {
            found = run(match, filters, sort, needsCertificate, params, page, true);
            if (found.total() > 0) {
                break;
            }
        }
        return found;
    }

    private Page<CatalogueItem> run(Match match, CharSequence filters, Sort sort, boolean needsCertificate,
                                    Map<String, Object> params, PageRequest page, boolean scored) {
        String with = match.with() == null ? "with " : "with " + match.with() + ", ";
        String where = " where " + match.condition() + filters;
        // The page is chosen, and the total counted, over the product table alone (plus the certificate when a filter
        // or the order needs it); producer, province and certificate are joined for the page's rows only.
        String hits = "select p.id, p.name, " + match.relevance() + " as relevance, "
                + (sort == Sort.STARS ? "coalesce(" + ACTIVE_STARS + ", 0)" : "0") + " as stars_key, count(*) over () as total"
                + " from product p" + (needsCertificate ? CURRENT_CERTIFICATE : "") + where
                + order(sort, "p.", "relevance", "stars_key") + " limit :limit offset :offset";
        String select = with + "hits as (" + hits + ")"
                + " select p.id, p.code, p.name, p.product_set, p.province_code, pv.name as province_name,"
                + " pr.name as producer_name, " + ACTIVE_STARS + " as stars, " + STATUS + " as cert_status, c.number,"
                + " c.valid_until, h.relevance, h.total"
                + " from hits h join product p on p.id = h.id join producer pr on pr.id = p.producer_id"
                + " join province pv on pv.code = p.province_code" + CURRENT_CERTIFICATE
                + order(sort, "h.", "h.relevance", "h.stars_key");
        List<CatalogueItem> items = new ArrayList<>();
        long total = 0;
        for (Object row : bind(entityManager.createNativeQuery(select), params).getResultList()) {
            Object[] r = (Object[]) row;
            int set = ((Number) r[3]).intValue();
            items.add(new CatalogueItem((UUID) r[0], (String) r[1], (String) r[2], set, ProductGroup.of(set), (String) r[4],
                    (String) r[5], (String) r[6], r[7] == null ? null : ((Number) r[7]).intValue(), (String) r[8],
                    (String) r[9], toDate(r[10]), scored ? round(((Number) r[11]).doubleValue()) : null));
            total = ((Number) r[12]).longValue();
        }
        if (items.isEmpty() && page.page() > 0) {
            // past the last page the window count has no row to ride on
            total = ((Number) bind(entityManager.createNativeQuery((match.with() == null ? "" : "with " + match.with() + " ")
                    + "select count(*) from product p"
                    + (needsCertificate ? CURRENT_CERTIFICATE : "") + where), params).getSingleResult()).longValue();
        }
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static String order(Sort sort, String alias, String relevance, String starsKey) {
        return switch (sort) {
            case RELEVANCE -> " order by " + relevance + " desc, " + alias + "name, " + alias + "id";
            case STARS -> " order by " + starsKey + " desc, " + alias + "name, " + alias + "id";
            case NAME -> " order by " + alias + "name, " + alias + "id";
        };
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CatalogueProduct get(UUID id) {
        Product product = Product.findById(id);
        if (product == null) {
            throw ApiException.notFound("Product", id);
        }
        Producer producer = Producer.findById(product.producerId);
        Province province = Province.findById(product.provinceCode);
        Commune commune = Commune.findById(product.communeCode);
        return new CatalogueProduct(product.id, product.code, product.name, product.productSet,
                ProductGroup.of(product.productSet), product.description, product.story,
                new CatalogueViews.Place(province.code, province.name),
                new CatalogueViews.Place(product.communeCode, commune == null ? null : commune.name),
                new CatalogueViews.PublicProducer(producer.id, producer.name, producer.kind.name()),
                certification.currentFor(product.id));
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach((name, value) -> {
            if (query.getParameters().stream().anyMatch(p -> name.equals(p.getName()))) {
                query.setParameter(name, value);
            }
        });
        return query;
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        return value instanceof Date sql ? sql.toLocalDate() : null;
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
