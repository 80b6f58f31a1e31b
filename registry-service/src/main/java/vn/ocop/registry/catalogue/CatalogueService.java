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

/**
 * The anonymous catalogue. Search folds case and diacritics on both sides ({@code ocop_fold}, PostgreSQL unaccent) and
 * tolerates typos through trigram word similarity, so "toi ly son", "Toi Ly Son", "tỏi lý sơn" and "toi li son" all
 * find "Tỏi Lý Sơn".
 */
@ApplicationScoped
public class CatalogueService {
    /** Below this trigram word similarity a name is not considered a match (0.69 for "toi li son" vs "Tỏi Lý Sơn"). */
    static final double MIN_SIMILARITY = 0.4;

    public enum Sort {
        RELEVANCE, STARS, NAME
    }

    /** Filters of a catalogue search; any may be null. */
    public record SearchQuery(String text, String province, Integer productSet, ProductGroup group, Integer stars,
                        String certificationStatus, Sort sort) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    CertificationProjection certification;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CatalogueItem> search(SearchQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("today", CertificationProjection.today());
        String text = query.text() == null || query.text().isBlank() ? null : query.text().trim();
        String relevance = "1.0";
        if (text != null) {
            params.put("q", text);
            params.put("min", MIN_SIMILARITY);
            relevance = "greatest(word_similarity(ocop_fold(:q), ocop_fold(p.name)), "
                    + "case when strpos(ocop_fold(p.name), ocop_fold(:q)) > 0 then 1.0 else 0 end)";
            where.append(" and (strpos(ocop_fold(p.name), ocop_fold(:q)) > 0 or word_similarity(ocop_fold(:q), ocop_fold(p.name)) >= :min)");
        }
        if (query.province() != null) {
            where.append(" and p.province_code = :province");
            params.put("province", query.province());
        }
        if (query.productSet() != null) {
            where.append(" and p.product_set = :set");
            params.put("set", query.productSet());
        }
        if (query.group() != null) {
            where.append(" and p.product_set between :firstSet and :lastSet");
            params.put("firstSet", query.group().firstSet);
            params.put("lastSet", query.group().lastSet);
        }
        String status = "case when c.id is null then 'NONE' when c.status = 'ACTIVE' and c.valid_until < :today then 'EXPIRED' else c.status end";
        String activeStars = "case when (" + status + ") = 'ACTIVE' then c.stars end";
        if (query.stars() != null) {
            where.append(" and (").append(activeStars).append(") = :stars");
            params.put("stars", query.stars());
        }
        if (query.certificationStatus() != null) {
            where.append(" and (").append(status).append(") = :status");
            params.put("status", query.certificationStatus());
        }
        // The current certificate of each product: its newest (see CertificationProjection#currentFor).
        String from = """

                from product p
                join producer pr on pr.id = p.producer_id
                join province pv on pv.code = p.province_code
                left join lateral (select * from certificate c where c.product_id = p.id and (c.issued or c.revoked or c.expired)
                                   order by c.valid_until desc nulls first, c.issued_at desc nulls first limit 1) c on true
                """;
        Sort sort = query.sort() != null ? query.sort() : text != null ? Sort.RELEVANCE : Sort.NAME;
        String order = switch (sort) {
            case RELEVANCE -> " order by relevance desc, p.name, p.id";
            case STARS -> " order by coalesce(" + activeStars + ", 0) desc, p.name, p.id";
            case NAME -> " order by p.name, p.id";
        };
        String select = "select p.id, p.code, p.name, p.product_set, p.province_code, pv.name as province_name, pr.name as producer_name, "
                + activeStars + " as stars, " + status + " as cert_status, c.number, c.valid_until, " + relevance + " as relevance";
        Query rows = bind(entityManager.createNativeQuery(select + from + where + order), params)
                .setFirstResult(page.page() * page.size()).setMaxResults(page.size());
        Query count = bind(entityManager.createNativeQuery("select count(*)" + from + where), params);
        List<CatalogueItem> items = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            Object[] r = (Object[]) row;
            int set = ((Number) r[3]).intValue();
            items.add(new CatalogueItem((UUID) r[0], (String) r[1], (String) r[2], set, ProductGroup.of(set), (String) r[4],
                    (String) r[5], (String) r[6], r[7] == null ? null : ((Number) r[7]).intValue(), (String) r[8],
                    (String) r[9], toDate(r[10]), text == null ? null : round(((Number) r[11]).doubleValue())));
        }
        return new Page<>(items, page.page(), page.size(), ((Number) count.getSingleResult()).longValue());
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
