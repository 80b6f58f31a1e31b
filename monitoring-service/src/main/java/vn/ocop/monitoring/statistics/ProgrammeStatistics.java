package vn.ocop.monitoring.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.platform.rules.RulesByDate;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.rules.ProgrammeRules;

/**
 * Programme figures computed from the read models this service keeps from consumed events: the certificate register
 * (CertificateIssued + its own expiry and revocation), products (ProductRegistered) and producers (ProducerRegistered).
 * An OCOP product here is a product holding an active (valid, unrevoked) certificate of 3★ or more. Market figures come
 * from market's ListingCreated / ListingSuspended / ListingReinstated / PointOfSaleStatusChanged. Targets are those of
 * the {@link ProgrammeTargets} version in force on the report's date.
 */
@ApplicationScoped
public class ProgrammeStatistics {

    @Schema(name = "ProgrammeStatistics")
    public record Report(
            LocalDate asOf,
            @Schema(nullable = true, description = "The province the figures are restricted to; null: national") String province,
            Products products,
            Producers producers,
            Certificates certificates,
            List<ProvinceFigure> byProvince,
            List<MonthFigure> months,
            @Schema(nullable = true, type = SchemaType.OBJECT, description = "The target version in force on asOf; null when none is (targets is then empty)") TargetVersionRef targetVersion,
            List<TargetProgress> targets) {
    }

    @Schema(name = "TargetVersionRef")
    public record TargetVersionRef(UUID id, @Schema(example = "QĐ 919/QĐ-TTg") String instrument, LocalDate effectiveFrom,
                                   @Schema(nullable = true) LocalDate effectiveTo) {
    }

    @Schema(name = "ProductFigures")
    public record Products(long total, Map<String, Long> byStars, Map<String, Long> byProductGroup,
                           Map<String, Long> byProductSet) {
    }

    /** Producers holding at least one active certificate, and all registered ones. */
    @Schema(name = "ProducerFigures")
    public record Producers(long withActiveCertificate, Map<String, Long> byKind, long womenLed, long ethnicMinorityLed,
                            long registered) {
    }

    @Schema(name = "CertificateFigures")
    public record Certificates(long active,
                               @Schema(description = "Active certificates whose re-rating window has opened, each by the rules of its issue date "
                                       + "(the name keeps the figure of the rules it was introduced with)") long expiringWithin180Days,
                               long expired, long revoked, long superseded) {
    }

    public record ProvinceFigure(String province, long products, long threeStar, long fourStar, long fiveStar) {
    }

    @Schema(name = "CertificateMonthFigure")
    public record MonthFigure(String month, long issued, long expired, long revoked) {
    }

    @Schema(name = "TargetProgress")
    public record TargetProgress(
            @Schema(example = "PRODUCTS_3_STAR") String code,
            String description,
            BigDecimal target,
            @Schema(nullable = true, description = "null when no consumed event carries the figure") BigDecimal actual,
            @Schema(description = "actual / target") BigDecimal progress,
            @Schema(description = "MET, NOT_MET or NOT_AVAILABLE") String status,
            String source) {
    }

    @Inject
    EntityManager entityManager;

    /** Provincial-level units since 1/7/2025 (NQ 202/2025/QH15): the "one point of sale per province" denominator. */
    static final int PROVINCES = 34;

    @Inject
    LegalClock clock;

    @Inject
    ProgrammeRules rules;

    @Inject
    ProgrammeTargets programmeTargets;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report report(String province) {
        return report(province, clock.today());
    }

    /** The report as of {@code today}: the certificate figures are the register's current state; today picks the target version; each certificate's re-rating horizon is that of the rules of its issue date. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Report report(String province, LocalDate today) {
        String scope = " and (cast(?1 as varchar) is null or c.province_code = cast(?1 as varchar))";

        Map<String, Long> byStars = new TreeMap<>();
        for (Object[] row : rows("select c.stars, count(distinct c.product_id) from certificate c"
                + " where c.issued and c.status = 'ACTIVE'" + scope + " group by c.stars", province)) {
            byStars.put(String.valueOf(row[0]), number(row[1]));
        }
        long products = number(single("select count(distinct c.product_id) from certificate c"
                + " where c.issued and c.status = 'ACTIVE'" + scope, province));

        Map<String, Long> bySet = new TreeMap<>();
        Map<String, Long> byGroup = new TreeMap<>();
        for (Object[] row : rows("select coalesce(p.product_set, 0), count(distinct c.product_id) from certificate c"
                + " left join product p on p.id = c.product_id where c.issued and c.status = 'ACTIVE'" + scope
                + " group by 1", province)) {
            int set = ((Number) row[0]).intValue();
            long count = number(row[1]);
            bySet.merge(set == 0 ? "UNKNOWN" : String.valueOf(set), count, Long::sum);
            byGroup.merge(ProductGroups.of(set), count, Long::sum);
        }

        Map<String, Long> byKind = new TreeMap<>();
        long holders = 0;
        long womenLed = 0;
        long minorityLed = 0;
        for (Object[] row : rows("select coalesce(pr.kind, 'UNKNOWN'), count(*),"
                + " sum(case when pr.woman_led then 1 else 0 end), sum(case when pr.ethnic_minority_led then 1 else 0 end)"
                + " from (select distinct c.producer_id from certificate c where c.issued and c.status = 'ACTIVE'" + scope + ") h"
                + " left join producer pr on pr.id = h.producer_id group by 1", province)) {
            byKind.put((String) row[0], number(row[1]));
            holders += number(row[1]);
            womenLed += number(row[2]);
            minorityLed += number(row[3]);
        }
        long registered = number(single("select count(*) from producer c where (cast(?1 as varchar) is null"
                + " or c.province_code = cast(?1 as varchar))", province));

        Map<String, Long> byStatus = new TreeMap<>();
        for (Object[] row : rows("select c.status, count(*) from certificate c where c.issued" + scope + " group by c.status", province)) {
            byStatus.put((String) row[0], number(row[1]));
        }
        long expiring = expiring(province, today);

        List<ProvinceFigure> byProvince = new ArrayList<>();
        for (Object[] row : rows("select c.province_code, count(distinct c.product_id),"
                + " count(distinct case when c.stars = 3 then c.product_id end),"
                + " count(distinct case when c.stars = 4 then c.product_id end),"
                + " count(distinct case when c.stars = 5 then c.product_id end)"
                + " from certificate c where c.issued and c.status = 'ACTIVE'" + scope
                + " group by c.province_code order by c.province_code", province)) {
            byProvince.add(new ProvinceFigure((String) row[0], number(row[1]), number(row[2]), number(row[3]), number(row[4])));
        }

        List<MonthFigure> months = new ArrayList<>();
        for (Object[] row : rows("select m, sum(i), sum(e), sum(r) from ("
                + " select to_char(c.issued_on, 'YYYY-MM') m, 1 i, 0 e, 0 r from certificate c where c.issued" + scope
                + " union all select to_char(c.expired_on, 'YYYY-MM'), 0, 1, 0 from certificate c where c.expired_on is not null" + scope
                + " union all select to_char(c.revoked_on, 'YYYY-MM'), 0, 0, 1 from certificate c where c.revoked_on is not null" + scope
                + ") x group by m order by m", province)) {
            months.add(new MonthFigure((String) row[0], number(row[1]), number(row[2]), number(row[3])));
        }

        long fiveStar = byStars.getOrDefault("5", 0L);
        long inModernChannels = number(single("select count(*) from (select distinct c.producer_id from certificate c"
                + " where c.issued and c.status = 'ACTIVE'" + scope + ") h where exists (select 1 from listing l"
                + " where l.producer_id = h.producer_id and l.status = 'ACTIVE' and l.modern_channel and (l.point_of_sale_id is null"
                + " or not exists (select 1 from point_of_sale s where s.id = l.point_of_sale_id and s.status <> 'APPROVED')))",
                province));
        Map<String, Long> approvedPoints = new TreeMap<>();
        for (Object[] row : rows("select s.province_code, count(*) from point_of_sale s where s.status = 'APPROVED'"
                + " and (cast(?1 as varchar) is null or s.province_code = cast(?1 as varchar)) group by 1", province)) {
            approvedPoints.put((String) row[0], number(row[1]));
        }

        java.util.Optional<ProgrammeTargets.Version> version = programmeTargets.inForce(today);
        List<TargetProgress> targets = new ArrayList<>();
        TargetVersionRef versionRef = null;
        if (version.isPresent()) {
            ProgrammeTargets.Version v = version.get();
            versionRef = new TargetVersionRef(v.id(), v.instrument(), v.effectiveFrom(), v.effectiveTo());
            String source = v.instrument() + " (in force from " + v.effectiveFrom() + ")";
            Map<ProgrammeTargets.Code, ProgrammeTargets.Target> t = v.targets();
            targets.add(count("PRODUCTS_3_STAR", "Products rated 3★ or more", t.get(ProgrammeTargets.Code.PRODUCTS_3_STAR).value(),
                    products, source));
            ProgrammeTargets.Target five = t.get(ProgrammeTargets.Code.PRODUCTS_5_STAR);
            targets.add(count("PRODUCTS_5_STAR", "5★ products (target " + five.value()
                    + (five.upperValue() == null ? "" : "–" + five.upperValue()) + ")", five.value(), fiveStar, source));
            targets.add(share("COOPERATIVE_SHARE", "Share of OCOP producers that are cooperatives",
                    t.get(ProgrammeTargets.Code.COOPERATIVE_SHARE).value(), byKind.getOrDefault("COOPERATIVE", 0L), holders, source));
            targets.add(share("SME_SHARE", "Share of OCOP producers that are small and medium enterprises",
                    t.get(ProgrammeTargets.Code.SME_SHARE).value(), byKind.getOrDefault("ENTERPRISE", 0L), holders, source));
            targets.add(share("MODERN_CHANNEL_SHARE", "Share of OCOP producers with an active listing on a modern channel"
                            + " (e-commerce, supermarket and convenience-store chains, points of sale in malls/supermarkets)",
                    t.get(ProgrammeTargets.Code.MODERN_CHANNEL_SHARE).value(), inModernChannels, holders, source));
            BigDecimal perProvince = t.get(ProgrammeTargets.Code.POINT_OF_SALE_PER_PROVINCE).value();
            if (province == null) {
                long provincesMet = approvedPoints.values().stream().filter(n -> BigDecimal.valueOf(n).compareTo(perProvince) >= 0).count();
                targets.add(count("POINT_OF_SALE_PER_PROVINCE", "Provinces with at least " + perProvince
                        + " approved OCOP point(s) of sale, of " + PROVINCES, BigDecimal.valueOf(PROVINCES), provincesMet, source));
            } else {
                targets.add(count("POINT_OF_SALE_PER_PROVINCE", "Approved OCOP points of sale in the province", perProvince,
                        approvedPoints.getOrDefault(province, 0L), source));
            }
        }

        return new Report(today, province, new Products(products, byStars, byGroup, bySet),
                new Producers(holders, byKind, womenLed, minorityLed, registered),
                new Certificates(byStatus.getOrDefault("ACTIVE", 0L), expiring, byStatus.getOrDefault("EXPIRED", 0L),
                        byStatus.getOrDefault("REVOKED", 0L), byStatus.getOrDefault("SUPERSEDED", 0L)),
                byProvince, months, versionRef, targets);
    }

    /** Active certificates whose re-rating window has opened by {@code today}, each by the rules of its issue date. */
    private long expiring(String province, LocalDate today) {
        RulesByDate horizon = RulesByDate.condition(rules, "coalesce(c.issued_on, c.valid_until)", (v, n, p) -> {
            p.put("opens" + n, today.plusDays(v.reRatingOpensDaysBeforeExpiry()));
            return "c.valid_until <= :opens" + n;
        });
        Query query = entityManager.createNativeQuery("select count(*) from certificate c where c.issued and c.status = 'ACTIVE'"
                + " and (cast(:province as varchar) is null or c.province_code = cast(:province as varchar)) and " + horizon.sql())
                .setParameter("province", province);
        horizon.parameters().forEach(query::setParameter);
        return number(query.getSingleResult());
    }

    private static TargetProgress count(String code, String description, BigDecimal target, long actual, String source) {
        BigDecimal value = BigDecimal.valueOf(actual);
        return new TargetProgress(code, description, target, value, value.divide(target, 4, RoundingMode.HALF_UP),
                value.compareTo(target) >= 0 ? "MET" : "NOT_MET", source);
    }

    private static TargetProgress share(String code, String description, BigDecimal target, long part, long whole, String source) {
        if (whole == 0) {
            return new TargetProgress(code, description, target, null, null, "NOT_AVAILABLE", "No producer holds an active certificate");
        }
        BigDecimal actual = BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
        return new TargetProgress(code, description, target, actual, actual.divide(target, 4, RoundingMode.HALF_UP),
                actual.compareTo(target) >= 0 ? "MET" : "NOT_MET", source);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String province) {
        return entityManager.createNativeQuery(sql).setParameter(1, province).getResultList();
    }

    private Object single(String sql, String province) {
        return entityManager.createNativeQuery(sql).setParameter(1, province).getSingleResult();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
