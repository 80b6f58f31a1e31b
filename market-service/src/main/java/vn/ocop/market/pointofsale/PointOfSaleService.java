package vn.ocop.market.pointofsale;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import vn.ocop.events.market.PointOfSaleStatusChanged;
import vn.ocop.market.common.MarketScope;
import vn.ocop.market.common.Provinces;
import vn.ocop.market.webhook.NotificationEndpoint;
import vn.ocop.market.webhook.WebhookTargetPolicy;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.web.Etag;

/** Points of sale belong to their province: its officers (or the central office) propose, approve, suspend, close. */
@ApplicationScoped
public class PointOfSaleService {

    @Inject
    Scope scope;

    @Inject
    MarketScope market;

    @Inject
    CurrentUser user;

    @Inject
    Provinces provinces;

    @Inject
    WebhookTargetPolicy targets;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Transactional
    public PointOfSaleView propose(PointOfSaleRequest request) {
        scope.requireProvince(request.provinceCode());
        provinces.requireKnown("provinceCode", request.provinceCode());
        PointOfSale p = new PointOfSale();
        p.id = UUID.randomUUID();
        p.status = PointOfSaleStatus.PROPOSED;
        p.createdAt = clock.instant();
        apply(request, p);
        p.persistAndFlush();
        PointOfSaleView view = PointOfSaleView.of(p);
        audit.record("point-of-sale.proposed", "point_of_sale", p.id, null, view);
        return view;
    }

    @Transactional
    public PointOfSaleView update(UUID id, String ifMatch, PointOfSaleRequest request) {
        PointOfSale p = loadVisible(id);
        scope.requireProvince(p.provinceCode);
        Etag.requireMatch(ifMatch, p.version);
        if (!request.provinceCode().equals(p.provinceCode)) {
            scope.requireProvince(request.provinceCode());
        }
        provinces.requireKnown("provinceCode", request.provinceCode());
        PointOfSaleView before = PointOfSaleView.of(p);
        apply(request, p);
        p.flush();
        PointOfSaleView after = PointOfSaleView.of(p);
        audit.record("point-of-sale.updated", "point_of_sale", p.id, before, after);
        return after;
    }

    @Transactional
    public PointOfSaleView changeStatus(UUID id, String ifMatch, PointOfSaleStatus next) {
        PointOfSale p = loadVisible(id);
        scope.requireProvince(p.provinceCode);
        Etag.requireMatch(ifMatch, p.version);
        if (!p.status.canBecome(next)) {
            throw ApiException.conflict("INVALID_STATUS_TRANSITION",
                    "A point of sale that is " + p.status + " cannot become " + next);
        }
        PointOfSaleView before = PointOfSaleView.of(p);
        PointOfSaleStatus previous = p.status;
        p.status = next;
        p.updatedAt = clock.instant();
        p.flush();
        PointOfSaleView after = PointOfSaleView.of(p);
        audit.record("point-of-sale." + next.name().toLowerCase(), "point_of_sale", p.id, before, after);
        // Monitoring counts provinces with an approved point (programme target: one per province, OCOP.md §6).
        outbox.append(new PointOfSaleStatusChanged(p.id, p.name, p.provinceCode, p.category.name(), p.category.modern(),
                previous.name(), next.name(), p.updatedAt));
        return after;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PointOfSaleView get(UUID id) {
        return forCaller(loadVisible(id));
    }

    /**
     * Approved points are public places; the other states are the province's business. Provincial roles list their own
     * province only (another is 403), nationwide readers all, everyone else approved points and the one they operate.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PointOfSaleView> list(String province, LocationCategory category, PointOfSaleStatus status, PageRequest page) {
        Where where = new Where();
        if (market.isProvincial()) {
            province = scope.listableProvince(province);
        } else if (!market.isNationwideReader()) {
            where.and("(status = :approved or id = :own)")
                    .bind("approved", PointOfSaleStatus.APPROVED).bind("own", user.channelId().orElse(new UUID(0, 0)));
        }
        where.and("provinceCode = :province", "province", province)
                .and("category = :category", "category", category)
                .and("status = :status", "status", status);
        return Page.of(PointOfSale.find(where.query(), Sort.by("provinceCode").and("name").and("id"), where.parameters()), page,
                this::forCaller);
    }

    /**
     * The point if the caller may see it. A point that is not approved is not public: outside the caller's scope it
     * answers exactly like a missing one. An approved point is refused (403) only to another province's officers.
     */
    PointOfSale loadVisible(UUID id) {
        PointOfSale p = load(id);
        if (market.isNationwideReader() || market.isProvincialOf(p.provinceCode) || market.operates(p.id)) {
            return p;
        }
        if (p.status != PointOfSaleStatus.APPROVED) {
            throw ApiException.notFound("Point of sale", id);
        }
        if (market.isProvincial()) {
            throw ApiException.forbidden("OUT_OF_SCOPE", "Your account may not read province " + p.provinceCode);
        }
        return p;
    }

    private PointOfSaleView forCaller(PointOfSale p) {
        return PointOfSaleView.of(p, market.manages(p.id, p.provinceCode));
    }

    public static PointOfSale load(UUID id) {
        PointOfSale p = PointOfSale.findById(id);
        if (p == null) {
            throw ApiException.notFound("Point of sale", id);
        }
        return p;
    }

    private void apply(PointOfSaleRequest request, PointOfSale p) {
        if ((request.notificationUrl() == null) != (request.notificationSecret() == null)) {
            throw ApiException.invalidField("notificationSecret", "give the notification URL and its secret together");
        }
        targets.requireAllowed("notificationUrl", request.notificationUrl());
        p.name = request.name().trim();
        p.category = request.category();
        p.provinceCode = request.provinceCode();
        p.communeCode = request.communeCode();
        p.operatorName = request.operatorName().trim();
        p.address = request.address().trim();
        p.latitude = request.latitude();
        p.longitude = request.longitude();
        p.openingHours = request.openingHours();
        p.endpoint = new NotificationEndpoint(request.notificationUrl(), request.notificationSecret());
        p.updatedAt = clock.instant();
    }
}
