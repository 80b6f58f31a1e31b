package vn.ocop.market.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.ocop.events.market.ListingCreated;
import vn.ocop.market.certificate.Certificate;
import vn.ocop.market.certificate.CertificateLedger;
import vn.ocop.market.channel.ChannelService;
import vn.ocop.market.channel.SalesChannel;
import vn.ocop.market.common.MarketScope;
import vn.ocop.market.pointofsale.PointOfSale;
import vn.ocop.market.pointofsale.PointOfSaleStatus;
import vn.ocop.projection.product.Product;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.web.Etag;

/**
 * Listings: created only for a product with an active certificate, by the producer, the outlet's operator or an
 * officer of the product's province; acknowledged by the operator after a suspension; escalated to the province when
 * the acknowledgement is late.
 */
@ApplicationScoped
public class ListingService {

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
    ListingSuspensions suspensions;

    @Inject
    Outbox outbox;

    /** How long an operator has to acknowledge a suspension before the listing is escalated to the province. */
    @ConfigProperty(name = "market.suspension.acknowledge-within", defaultValue = "PT48H")
    Duration acknowledgeWithin;

    @Transactional
    public ListingView create(ListingRequest request) {
        if ((request.channelId() == null) == (request.pointOfSaleId() == null)) {
            throw ApiException.invalidField("channelId", "give exactly one of channelId and pointOfSaleId");
        }
        UUID outletId;
        String outletKind;
        boolean modern;
        PointOfSale point = null;
        if (request.channelId() != null) {
            SalesChannel channel = ChannelService.load(request.channelId());
            outletId = request.channelId();
            outletKind = channel.kind.name();
            modern = true; // every channel kind (e-commerce platform, retail chain) is a modern channel
        } else {
            point = PointOfSale.findById(request.pointOfSaleId());
            // A point that is not approved is not public: to anyone outside its province it is missing.
            if (point == null || (point.status != PointOfSaleStatus.APPROVED && !market.isNationwideReader()
                    && !market.isProvincialOf(point.provinceCode) && !market.operates(point.id))) {
                throw ApiException.notFound("Point of sale", request.pointOfSaleId());
            }
            outletId = point.id;
            outletKind = point.category.name();
            modern = point.category.modern();
        }
        ProductFacts product = productFacts(request.productId());
        requireMayList(product, outletId);
        if (point != null && point.status != PointOfSaleStatus.APPROVED) {
            throw ApiException.rule("POINT_OF_SALE_NOT_APPROVED",
                    "Point of sale " + point.id + " is " + point.status + "; only approved points take listings");
        }
        Certificate active = requireActiveCertificate(request.productId());
        if (Listing.count("productId = ?1 and (channelId = ?2 or pointOfSaleId = ?2)", request.productId(), outletId) > 0) {
            throw ApiException.conflict("LISTING_EXISTS", "The product is already listed there");
        }
        Listing l = new Listing();
        l.id = UUID.randomUUID();
        l.productId = request.productId();
        l.producerId = active.producerId;
        l.provinceCode = active.provinceCode;
        l.productCode = product.code();
        l.channelId = request.channelId();
        l.pointOfSaleId = request.pointOfSaleId();
        l.certificateId = active.id;
        l.externalSku = request.externalSku();
        l.externalUrl = request.externalUrl();
        l.priceVnd = request.priceVnd();
        l.since = request.since();
        l.status = ListingStatus.ACTIVE;
        l.createdAt = clock.instant();
        l.updatedAt = l.createdAt;
        l.persistAndFlush();
        ListingView view = ListingView.of(l);
        audit.record("listing.created", "listing", l.id, null, view);
        outbox.append(new ListingCreated(l.id, l.productId, l.producerId, l.provinceCode, l.certificateId, l.channelId,
                l.pointOfSaleId, outletKind, modern, l.createdAt));
        return view;
    }

    @Transactional
    public ListingView update(UUID id, String ifMatch, ListingUpdate request) {
        Listing l = loadVisible(id);
        requireMayList(new ProductFacts(l.provinceCode, l.producerId, l.productCode), l.outletId());
        Etag.requireMatch(ifMatch, l.version);
        ListingView before = ListingView.of(l);
        l.externalSku = request.externalSku();
        l.externalUrl = request.externalUrl();
        l.priceVnd = request.priceVnd();
        l.updatedAt = clock.instant();
        l.flush();
        ListingView after = ListingView.of(l);
        audit.record("listing.updated", "listing", l.id, before, after);
        return after;
    }

    /** The operator confirms it took the OCOP mark down. Acknowledging twice changes nothing. */
    @Transactional
    public ListingView acknowledge(UUID id) {
        Listing l = loadVisible(id);
        market.requireOperator(l.outletId());
        if (l.status != ListingStatus.SUSPENDED) {
            throw ApiException.conflict("LISTING_NOT_SUSPENDED", "Listing " + id + " is " + l.status + "; nothing to acknowledge");
        }
        if (l.acknowledgedAt != null) {
            return ListingView.of(l);
        }
        ListingView before = ListingView.of(l);
        l.acknowledgedAt = clock.instant();
        l.acknowledgedBy = user.actor();
        l.updatedAt = l.acknowledgedAt;
        l.flush();
        ListingView after = ListingView.of(l);
        audit.record("listing.acknowledged", "listing", l.id, before, after);
        return after;
    }

    /** Puts a suspended listing back on sale once the product holds a new active certificate. */
    @Transactional
    public ListingView reinstate(UUID id) {
        Listing l = loadVisible(id);
        requireMayList(new ProductFacts(l.provinceCode, l.producerId, l.productCode), l.outletId());
        if (l.status != ListingStatus.SUSPENDED) {
            throw ApiException.conflict("LISTING_NOT_SUSPENDED", "Listing " + id + " is " + l.status);
        }
        Certificate active = requireActiveCertificate(l.productId);
        suspensions.reinstate(l, active);
        l.flush();
        return ListingView.of(l);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ListingView get(UUID id) {
        return ListingView.of(loadVisible(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ListingView> list(UUID productId, UUID outletId, ListingStatus status, String province, PageRequest page) {
        Where where = restrictToCaller(new Where(), province, "")
                .and("productId = :product", "product", productId)
                .and("(channelId = :outlet or pointOfSaleId = :outlet)", "outlet", outletId)
                .and("status = :status", "status", status);
        return Page.of(Listing.find(where.query(), Sort.by("createdAt").and("id"), where.parameters()), page, ListingView::of);
    }

    /**
     * Suspended listings whose operator has not acknowledged within the deadline: the province follows them up
     * (the product may still be shown with the OCOP mark).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ListingView> escalations(String province, PageRequest page) {
        String visible = scope.listableProvince(province);
        Instant cutoff = clock.instant().minus(acknowledgeWithin);
        StringBuilder q = new StringBuilder("status = :status and acknowledgedAt is null and suspendedAt <= :cutoff");
        Parameters p = Parameters.with("status", ListingStatus.SUSPENDED).and("cutoff", cutoff);
        if (visible != null) {
            q.append(" and provinceCode = :province");
            p.and("province", visible);
        }
        return Page.of(Listing.find(q.toString(), Sort.by("suspendedAt").and("id"), p), page, ListingView::of);
    }

    /** The listing if the caller may read it; outside the caller's scope it answers exactly like a missing one. */
    public Listing loadVisible(UUID id) {
        Listing l = load(id);
        if (!mayRead(l)) {
            throw ApiException.notFound("Listing", id);
        }
        return l;
    }

    public static Listing load(UUID id) {
        Listing l = Listing.findById(id);
        if (l == null) {
            throw ApiException.notFound("Listing", id);
        }
        return l;
    }

    /** Adds the caller's data scope to a listing query (used by the sales reports too, with alias "l."). */
    /** The listings the caller may read ({@code alias}: the listing's alias in the query, e.g. {@code "l."}). */
    public Where restrictToCaller(Where where, String province, String alias) {
        String inProvince = alias + "provinceCode = :province";
        if (market.isNationwideReader()) {
            return where.and(inProvince, "province", province);
        } else if (user.hasRole(Roles.CHANNEL_OPERATOR)) {
            return where.andAlways("(" + alias + "channelId = :own or " + alias + "pointOfSaleId = :own)", "own",
                    user.channelId().orElse(new UUID(0, 0))).and(inProvince, "province", province);
        } else if (user.hasRole(Roles.PRODUCER)) {
            return where.andAlways(alias + "producerId = :own", "own", user.producerId().orElse(new UUID(0, 0)));
        } else if (market.isProvincial()) {
            return where.andAlways(inProvince, "province", scope.listableProvince(province));
        }
        throw ApiException.forbidden("OUT_OF_SCOPE", "Your account has no access to listings or their sales");
    }

    boolean mayRead(Listing l) {
        return market.isNationwideReader() || market.isOfficerOf(l.provinceCode) || market.isProducer(l.producerId)
                || market.operates(l.outletId());
    }

    private record ProductFacts(String provinceCode, UUID producerId, String code) {
    }

    /**
     * The product's province and producer, from the registry's ProductRegistered or, if that has not arrived yet, from
     * any certificate of the product. A product the market knows nothing about has no active certificate either.
     */
    private ProductFacts productFacts(UUID productId) {
        Product product = Product.findById(productId);
        Certificate any = Certificate.anyFor(productId);
        if (product != null) {
            return new ProductFacts(product.provinceCode, product.producerId, product.code);
        }
        if (any != null) {
            return new ProductFacts(any.provinceCode, any.producerId, any.productCode);
        }
        throw noActiveCertificate(productId);
    }

    private void requireMayList(ProductFacts product, UUID outletId) {
        if (market.isCentral() || (user.hasRole(Roles.PROVINCE_OFFICER) && market.isOfficerOf(product.provinceCode()))
                || market.isProducer(product.producerId()) || market.operates(outletId)) {
            return;
        }
        throw ApiException.forbidden("OUT_OF_SCOPE",
                "Only the producer, the outlet's operator or an officer of province " + product.provinceCode() + " may do this");
    }

    private Certificate requireActiveCertificate(UUID productId) {
        LocalDate today = certificates.today();
        Certificate active = Certificate.activeFor(productId, today);
        if (active == null) {
            throw noActiveCertificate(productId);
        }
        return active;
    }

    private static ApiException noActiveCertificate(UUID productId) {
        return ApiException.rule("NO_ACTIVE_CERTIFICATE",
                "Product " + productId + " has no active OCOP certificate; it cannot be listed with the OCOP mark");
    }
}
