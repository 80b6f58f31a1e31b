package vn.ocop.registry.product;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.Scope;
import vn.ocop.registry.certification.CertificationProjection;
import vn.ocop.registry.producer.Producer;
import vn.ocop.registry.province.CommuneDirectory;
import vn.ocop.registry.province.ProvinceDirectory;

/** Registers products; the product takes its producer's province and gets a never-reused product code. */
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
    CertificationProjection certification;

    @Transactional
    public ProductView register(ProductRequest request) {
        Producer producer = Producer.findById(request.producerId());
        if (producer == null) {
            throw ApiException.invalidField("producerId", "no producer " + request.producerId());
        }
        scope.requireProducer(producer.id, producer.provinceCode);
        CommuneDirectory.ResolvedCommune commune = communes.resolve("communeCode", request.communeCode(),
                producer.provinceCode, null);

        Product product = new Product();
        product.id = UUID.randomUUID();
        product.code = codes.next(producer.provinceCode, commune.code());
        product.describe(request);
        product.producerId = producer.id;
        product.provinceCode = producer.provinceCode;
        product.communeCode = commune.code();
        product.legacyCommuneCode = commune.given();
        product.unitList = ProvinceDirectory.CURRENT_UNIT_LIST;
        product.createdAt = Instant.now();
        product.createdBy = user.actor();
        product.updatedAt = product.createdAt;
        product.updatedBy = product.createdBy;
        product.persistAndFlush();

        ProductView view = ProductView.of(product, certification.currentFor(product.id));
        audit.record("product.registered", "product", product.id, null, view);
        outbox.append(new ProductRegistered(product.id, product.code, product.name, product.productSet, producer.id,
                product.provinceCode, product.communeCode, product.createdAt));
        return view;
    }

    ProductView view(Product product) {
        return ProductView.of(product, certification.currentFor(product.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProductView get(UUID id) {
        Product product = Product.findById(id);
        if (product == null) {
            throw ApiException.notFound("Product", id);
        }
        scope.requireRead(product.provinceCode, product.producerId);
        return view(product);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProductView> list(UUID producerId, String provinceCode, Integer productSet, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (user.hasRole(Roles.PRODUCER)) {
            query.append(" and producerId = :self");
            params.and("self", user.producerId().orElse(new UUID(0, 0)));
        } else {
            provinceCode = scope.listableProvince(provinceCode);
        }
        if (provinceCode != null) {
            query.append(" and provinceCode = :province");
            params.and("province", provinceCode);
        }
        if (producerId != null) {
            query.append(" and producerId = :producer");
            params.and("producer", producerId);
        }
        if (productSet != null) {
            query.append(" and productSet = :set");
            params.and("set", productSet);
        }
        return Page.of(Product.find(query.toString(), Sort.by("code"), params), page, this::view);
    }
}
