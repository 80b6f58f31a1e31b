package vn.ocop.registry.product;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.events.registry.ProductUpdated;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.imports.WriteBatch;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.security.Actor;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.web.Etag;
import vn.ocop.registry.certification.CertificationProjection;
import vn.ocop.registry.certification.CertificationView;
import vn.ocop.registry.correction.CorrectionRules;
import vn.ocop.registry.correction.FieldChanges;
import vn.ocop.registry.correction.Written;
import vn.ocop.registry.producer.Producer;
import vn.ocop.registry.province.CommuneDirectory;
import vn.ocop.registry.province.ProvinceDirectory;

/** Registers and corrects products; a product takes its producer's province and keeps its never-reused product code. */
@ApplicationScoped
public class ProductService {

    @Inject
    ProductCodes codes;

    @Inject
    CommuneDirectory communes;

    @Inject
    Scope scope;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    WriteBatch batch;

    @Inject
    CertificationProjection certification;

    /** Product fields a producer may not change (it may not move its product), with the problem code refusing it. */
    private static final Map<String, String> GUARDED = Map.of(
            "provinceCode", "AREA_CHANGE_FORBIDDEN",
            "communeCode", "AREA_CHANGE_FORBIDDEN");

    /**
     * Registers a product and gives it its never-reused product code: the one write path for the API and the import.
     *
     * @param externalRef the importing system's key for the record, or null
     */
    @Transactional
    public Written<ProductView> register(ProductRequest request, String externalRef, Actor actor) {
        Producer producer = Producer.findById(request.producerId());
        if (producer == null) {
            throw ApiException.invalidField("producerId", "no producer " + request.producerId());
        }
        Scope.requireProducer(actor, producer.id, producer.provinceCode);
        CommuneDirectory.ResolvedCommune commune = communes.resolve("communeCode", request.communeCode(),
                producer.provinceCode, null);

        Product product = new Product();
        product.id = UUID.randomUUID();
        product.externalRef = externalRef;
        product.code = codes.next(producer.provinceCode, commune.code());
        product.describe(request);
        product.producerId = producer.id;
        product.provinceCode = producer.provinceCode;
        product.communeCode = commune.code();
        product.legacyCommuneCode = commune.given();
        product.unitList = ProvinceDirectory.CURRENT_UNIT_LIST;
        product.createdAt = Instant.now();
        product.createdBy = actor.name();
        product.updatedAt = product.createdAt;
        product.updatedBy = product.createdBy;
        product.persist();
        if (!batch.active()) {
            product.flush(); // an import batch flushes its products together, as one JDBC batch
        }

        ProductView view = ProductView.of(product, CertificationView.none());
        audit.record(actor, "product.registered", "product", product.id, null, view, null);
        outbox.append(new ProductRegistered(product.id, product.code, product.name, product.productSet, producer.id,
                product.provinceCode, product.communeCode, product.createdAt));
        return Written.created(view);
    }

    /**
     * Corrects a product: the one write path for the API (PUT, merge patch) and the bulk import. It stays with its
     * producer and in its producer's province; moved to another commune (or, with its producer, another province) it
     * keeps its product code, since codes are never reused. A write that changes nothing is a no-op; a real change is
     * audited and announced as {@link ProductUpdated} in the same transaction.
     *
     * @param expectedVersion the version(s) the caller last read (If-Match), or null for no precondition
     * @param reason          why; required when an officer moves the product ({@link CorrectionRules})
     */
    @Transactional
    public Written<ProductView> update(UUID id, ProductRequest request, Etag.IfMatch expectedVersion, Actor actor, String reason) {
        Product product = load(id);
        Scope.requireProducer(actor, product.producerId, product.provinceCode);
        if (expectedVersion != null) {
            expectedVersion.require(product.version);
        }
        if (!product.producerId.equals(request.producerId())) {
            throw new ApiException(422, "PRODUCER_NOT_CHANGEABLE", "Refused by a programme rule",
                    "producerId: a product stays with the producer that registered it; register it anew under the other producer",
                    List.of(new Problem.Violation("producerId", "must stay " + product.producerId)));
        }
        Producer producer = Producer.findById(product.producerId);
        CommuneDirectory.ResolvedCommune commune = communes.resolve("communeCode", request.communeCode(),
                producer.provinceCode, null);

        ProductView before = ProductView.of(product, null);
        Product draft = new Product();
        draft.id = product.id;
        draft.code = product.code;
        draft.producerId = product.producerId;
        draft.createdAt = product.createdAt;
        draft.updatedAt = product.updatedAt;
        draft.version = product.version;
        place(draft, product, producer, commune);
        draft.describe(request);
        List<String> changed = FieldChanges.between(before, ProductView.of(draft, null));
        if (changed.isEmpty()) {
            return Written.unchanged(view(product));
        }
        CorrectionRules.check(actor, GUARDED, changed, reason);
        place(product, product, producer, commune);
        product.describe(request);
        product.updatedAt = Instant.now();
        product.updatedBy = actor.name();
        product.flush();

        ProductView after = view(product);
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        audit.record(actor, "product.updated", "product", product.id, before, after, why);
        outbox.append(new ProductUpdated(product.id, product.code, product.name, product.productSet, product.producerId,
                product.provinceCode, product.communeCode, product.version, changed, why, product.updatedAt));
        return Written.updated(after, changed);
    }

    /** Places a product in its producer's province and the given commune, keeping a former code given before while the commune stays. */
    private static void place(Product target, Product current, Producer producer, CommuneDirectory.ResolvedCommune commune) {
        boolean samePlace = producer.provinceCode.equals(current.provinceCode) && commune.code().equals(current.communeCode);
        target.legacyCommuneCode = commune.given() == null && samePlace ? current.legacyCommuneCode : commune.given();
        target.provinceCode = producer.provinceCode;
        target.communeCode = commune.code();
        target.unitList = ProvinceDirectory.CURRENT_UNIT_LIST;
    }

    static Product load(UUID id) {
        Product product = Product.findById(id);
        if (product == null) {
            throw ApiException.notFound("Product", id);
        }
        return product;
    }

    ProductView view(Product product) {
        return ProductView.of(product, certification.currentFor(product.id));
    }

    /** Scope first (before the body is validated): the caller may register products of the named producer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireMayRegister(ProductRequest request, Actor actor) {
        if (request.producerId() != null) {
            Producer producer = Producer.findById(request.producerId());
            if (producer == null) {
                throw ApiException.invalidField("producerId", "no producer " + request.producerId());
            }
            Scope.requireProducer(actor, producer.id, producer.provinceCode);
        }
    }

    /** Scope first (before the body is validated): the caller may correct this product. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireWritable(UUID id, Actor actor) {
        Product product = load(id);
        Scope.requireProducer(actor, product.producerId, product.provinceCode);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProductView get(UUID id) {
        Product product = load(id);
        scope.requireRead(product.provinceCode, product.producerId);
        return view(product);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProductView> list(UUID producerId, String provinceCode, Integer productSet, PageRequest page) {
        Where where = new Where();
        if (user.hasRole(Roles.PRODUCER)) {
            where.andAlways("producerId = :self", "self", user.producerId().orElse(new UUID(0, 0)));
        } else {
            provinceCode = scope.listableProvince(provinceCode);
        }
        where.and("provinceCode = :province", "province", provinceCode)
                .and("producerId = :producer", "producer", producerId)
                .and("productSet = :set", "set", productSet);
        return Page.of(Product.find(where.query(), Sort.by("code"), where.parameters()), page, this::view);
    }
}
