package vn.ocop.market.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import vn.ocop.market.certificate.CertificateLedger;
import vn.ocop.market.common.MarketScope;
import vn.ocop.market.listing.Listing;
import vn.ocop.market.listing.ListingService;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.Scope;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Sales reports: one row per listing and month, so a resent report replaces the figures (or changes nothing when they
 * are the same) and totals never count a month twice.
 */
@ApplicationScoped
public class SalesReportService {
    static final BigDecimal MODERN_CHANNEL_TARGET = new BigDecimal("0.50");

    @Inject
    EntityManager entityManager;

    @Inject
    MarketScope market;

    @Inject
    Scope scope;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    CertificateLedger certificates;

    @Inject
    ListingService listings;

    /** Outcome of a report: whether it created the month's row. */
    @Schema(name = "SubmittedSalesReport")
    public record Submitted(SalesReportView report, boolean created) {
    }

    @Transactional
    public Submitted submit(SalesReportRequest request) {
        Listing listing = listings.loadVisible(request.listingId());
        if (!market.isCentral() && !market.operates(listing.outletId())) {
            throw ApiException.forbidden("OUT_OF_SCOPE", "Only the operator of the listing's channel or point of sale reports its sales");
        }
        YearMonth period = YearMonth.parse(request.period());
        if (period.isAfter(YearMonth.from(certificates.today()))) {
            throw ApiException.invalidField("period", "must not be a future month");
        }
        // Insert-or-nothing first, so two concurrent first reports of a month cannot both insert.
        int inserted = entityManager.createNativeQuery("""
                insert into sales_report (id, listing_id, period, quantity, revenue_vnd, reported_by, reported_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (listing_id, period) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, listing.id).setParameter(3, request.period())
                .setParameter(4, request.quantity()).setParameter(5, request.revenueVnd())
                .setParameter(6, user.actor()).setParameter(7, clock.instant())
                .executeUpdate();
        SalesReport report = SalesReport.find("listingId = ?1 and period = ?2", listing.id, request.period()).firstResult();
        if (inserted == 1) {
            SalesReportView view = SalesReportView.of(report);
            audit.record("sales-report.submitted", "sales_report", report.id, null, view);
            return new Submitted(view, true);
        }
        if (report.quantity == request.quantity() && report.revenueVnd == request.revenueVnd()) {
            return new Submitted(SalesReportView.of(report), false);
        }
        SalesReportView before = SalesReportView.of(report);
        report.quantity = request.quantity();
        report.revenueVnd = request.revenueVnd();
        report.reportedBy = user.actor();
        report.reportedAt = clock.instant();
        report.flush();
        SalesReportView after = SalesReportView.of(report);
        audit.record("sales-report.replaced", "sales_report", report.id, before, after);
        return new Submitted(after, false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SalesReportView> list(UUID listingId, String period, PageRequest page) {
        Where where = new Where()
                .andIn("listingId", "select l.id from Listing l", listings.restrictToCaller(new Where(), null, "l."))
                .and("listingId = :listing", "listing", listingId)
                .and("period = :period", "period", period);
        return Page.of(SalesReport.find(where.query(), Sort.by("period").and("id"), where.parameters()), page, SalesReportView::of);
    }

    /** Totals per group over months {@code from}..{@code to} (inclusive), within the caller's scope. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SalesAggregate> aggregate(SalesAggregate.GroupBy by, YearMonth from, YearMonth to, String province, PageRequest page) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.invalidField("from", "must not be after to");
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (from != null) {
            args.add(from.toString());
            where.append(" and r.period >= ?").append(args.size());
        }
        if (to != null) {
            args.add(to.toString());
            where.append(" and r.period <= ?").append(args.size());
        }
        if (market.isNationwideReader()) {
            if (province != null) {
                args.add(province);
                where.append(" and l.province_code = ?").append(args.size());
            }
        } else if (user.hasRole(Roles.CHANNEL_OPERATOR)) {
            args.add(user.channelId().orElse(new UUID(0, 0)));
            where.append(" and (l.channel_id = ?").append(args.size()).append(" or l.point_of_sale_id = ?").append(args.size()).append(")");
        } else if (user.hasRole(Roles.PRODUCER)) {
            args.add(user.producerId().orElse(new UUID(0, 0)));
            where.append(" and l.producer_id = ?").append(args.size());
        } else if (market.isProvincial()) {
            args.add(scope.listableProvince(province));
            where.append(" and l.province_code = ?").append(args.size());
        } else {
            throw ApiException.forbidden("OUT_OF_SCOPE", "Your account has no access to sales figures");
        }
        String from_ = " from sales_report r join listing l on l.id = r.listing_id" + where;
        Query rows = entityManager.createNativeQuery("select " + by.column + " as k, sum(r.quantity), sum(r.revenue_vnd), count(*)"
                + from_ + " group by k order by sum(r.revenue_vnd) desc, k");
        Query count = entityManager.createNativeQuery("select count(distinct " + by.column + ")" + from_);
        for (int i = 0; i < args.size(); i++) {
            rows.setParameter(i + 1, args.get(i));
            count.setParameter(i + 1, args.get(i));
        }
        rows.setFirstResult(page.page() * page.size()).setMaxResults(page.size());
        @SuppressWarnings("unchecked")
        List<Object[]> result = rows.getResultList();
        List<SalesAggregate> items = result.stream().map(r -> new SalesAggregate((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
        return new Page<>(items, page.page(), page.size(), ((Number) count.getSingleResult()).longValue());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MarketIndicators indicators() {
        java.time.LocalDate today = certificates.today();
        long certified = ((Number) entityManager.createNativeQuery("""
                select count(distinct producer_id) from certificate
                where status = 'ACTIVE' and valid_until >= ?1 and producer_id is not null""")
                .setParameter(1, today).getSingleResult()).longValue();
        long modern = ((Number) entityManager.createNativeQuery("""
                select count(distinct l.producer_id) from listing l
                where l.status = 'ACTIVE'
                  and (l.channel_id is not null
                       or l.point_of_sale_id in (select id from point_of_sale
                                                 where category = 'MALL_SUPERMARKET_MARKET' and status = 'APPROVED'))
                  and l.producer_id in (select producer_id from certificate where status = 'ACTIVE' and valid_until >= ?1)""")
                .setParameter(1, today).getSingleResult()).longValue();
        BigDecimal share = certified == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(modern).divide(BigDecimal.valueOf(certified), 4, RoundingMode.HALF_UP);
        @SuppressWarnings("unchecked")
        List<Object[]> without = entityManager.createNativeQuery("""
                select p.code, p.name from province p
                where not exists (select 1 from point_of_sale s where s.province_code = p.code and s.status = 'APPROVED')
                order by p.code""").getResultList();
        int provinces = ((Number) entityManager.createNativeQuery("select count(*) from province").getSingleResult()).intValue();
        return new MarketIndicators(certified, modern, share, MODERN_CHANNEL_TARGET, share.compareTo(MODERN_CHANNEL_TARGET) >= 0,
                provinces, without.stream().map(r -> new MarketIndicators.Province((String) r[0], (String) r[1])).toList());
    }
}
