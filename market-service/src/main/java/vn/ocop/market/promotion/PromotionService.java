package vn.ocop.market.promotion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import vn.ocop.market.certificate.Certificate;
import vn.ocop.market.certificate.CertificateLedger;
import vn.ocop.market.common.MarketScope;
import vn.ocop.market.common.Provinces;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.web.Etag;

/**
 * Promotion events: the centre organises national ones, a province its own. Only products holding an active
 * certificate take part (they appear under the OCOP mark).
 */
@ApplicationScoped
public class PromotionService {

    @Inject
    EntityManager entityManager;

    @Inject
    MarketScope market;

    @Inject
    Scope scope;

    @Inject
    Provinces provinces;

    @Inject
    CertificateLedger certificates;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public PromotionView create(PromotionRequest request) {
        requireOrganiser(request.provinceCode());
        Promotion p = new Promotion();
        p.id = UUID.randomUUID();
        p.createdAt = clock.instant();
        apply(request, p);
        p.persistAndFlush();
        PromotionView view = view(p);
        audit.record("promotion.created", "promotion", p.id, null, view);
        return view;
    }

    @Transactional
    public PromotionView update(UUID id, String ifMatch, PromotionRequest request) {
        Promotion p = load(id);
        requireOrganiser(p.provinceCode);
        Etag.requireMatch(ifMatch, p.version);
        requireOrganiser(request.provinceCode());
        PromotionView before = view(p);
        apply(request, p);
        p.flush();
        PromotionView after = view(p);
        audit.record("promotion.updated", "promotion", p.id, before, after);
        return after;
    }

    @Transactional
    public PromotionView addProduct(UUID id, UUID productId) {
        Promotion p = load(id);
        requireOrganiser(p.provinceCode);
        Certificate active = Certificate.activeFor(productId, certificates.today());
        if (active == null) {
            throw ApiException.rule("NO_ACTIVE_CERTIFICATE",
                    "Product " + productId + " has no active OCOP certificate; only certified products take part");
        }
        int inserted = entityManager.createNativeQuery("""
                insert into promotion_product (promotion_id, product_id, certificate_id, added_at) values (?1, ?2, ?3, ?4)
                on conflict do nothing""")
                .setParameter(1, id).setParameter(2, productId).setParameter(3, active.id).setParameter(4, clock.instant())
                .executeUpdate();
        if (inserted == 0) {
            throw ApiException.conflict("ALREADY_PARTICIPATING", "Product " + productId + " already takes part in this promotion");
        }
        PromotionView after = view(p);
        audit.record("promotion.product-added", "promotion", p.id, null, after);
        return after;
    }

    /** Promotions are public events; provincial roles, as everywhere, read only their own province's (and national ones). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PromotionView get(UUID id) {
        Promotion p = load(id);
        if (p.provinceCode != null && market.isProvincial() && !market.isProvincialOf(p.provinceCode)) {
            throw ApiException.forbidden("OUT_OF_SCOPE", "Your account may not read province " + p.provinceCode);
        }
        return view(p);
    }

    /** Filter by province and date; a provincial role sees its province's and national promotions (another is 403). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PromotionView> list(String province, PromotionKind kind, LocalDate onOrAfter, PageRequest page) {
        Where where = new Where();
        if (market.isProvincial()) {
            where.andAlways("(provinceCode = :own or provinceCode is null)", "own", scope.listableProvince(province));
        }
        where.and("provinceCode = :province", "province", province)
                .and("kind = :kind", "kind", kind)
                .and("endsOn >= :day", "day", onOrAfter);
        return Page.of(Promotion.find(where.query(), Sort.by("startsOn").and("id"), where.parameters()), page, this::view);
    }

    private void requireOrganiser(String provinceCode) {
        if (provinceCode == null) {
            if (!market.isCentral()) {
                throw ApiException.forbidden("OUT_OF_SCOPE", "Only the central office organises national promotions");
            }
            return;
        }
        scope.requireProvince(provinceCode);
    }

    private static Promotion load(UUID id) {
        Promotion p = Promotion.findById(id);
        if (p == null) {
            throw ApiException.notFound("Promotion", id);
        }
        return p;
    }

    private void apply(PromotionRequest request, Promotion p) {
        if (request.endsOn().isBefore(request.startsOn())) {
            throw ApiException.invalidField("endsOn", "must not be before startsOn");
        }
        if (request.kind() == PromotionKind.LIVESTREAM && (request.platform() == null || request.platform().isBlank())) {
            throw ApiException.invalidField("platform", "a livestream needs the platform it runs on");
        }
        if (request.kind() != PromotionKind.LIVESTREAM && (request.place() == null || request.place().isBlank())) {
            throw ApiException.invalidField("place", "a fair or OCOP week needs its place");
        }
        if (request.provinceCode() != null) {
            provinces.requireKnown("provinceCode", request.provinceCode());
        }
        p.name = request.name().trim();
        p.kind = request.kind();
        p.startsOn = request.startsOn();
        p.endsOn = request.endsOn();
        p.provinceCode = request.provinceCode();
        p.place = request.place();
        p.platform = request.platform();
        p.updatedAt = clock.instant();
    }

    @SuppressWarnings("unchecked")
    private PromotionView view(Promotion p) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select pp.product_id, c.product_code, c.id, c.number, c.stars from promotion_product pp
                join certificate c on c.id = pp.certificate_id where pp.promotion_id = ?1 order by pp.added_at, pp.product_id""")
                .setParameter(1, p.id).getResultList();
        List<PromotionView.Participant> products = rows.stream().map(r -> new PromotionView.Participant((UUID) r[0],
                (String) r[1], (UUID) r[2], (String) r[3], r[4] == null ? null : ((Number) r[4]).intValue())).toList();
        return new PromotionView(p.id, p.name, p.kind, p.startsOn, p.endsOn, p.provinceCode, p.place, p.platform, products,
                p.version);
    }
}
