package vn.ocop.projection.product;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import vn.ocop.events.registry.ProductUpdated;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/**
 * Applies a correction from the registry: name, product set, producer, province and commune (the code never changes).
 * Only a version newer than the one held is applied, so a late older correction or a duplicate changes nothing; a
 * correction that arrives before its registration creates the product, which the registration then completes.
 */
@ApplicationScoped
public class ProductUpdatedHandler implements EventHandler<ProductUpdated> {

    @Inject
    Event<ProductChanged> changed;

    @Override
    public Class<ProductUpdated> eventClass() {
        return ProductUpdated.class;
    }

    @Override
    public void handle(ProductUpdated event, EventContext context) {
        Product product = Product.findById(event.productId());
        ProductFacts before = product == null ? null : ProductFacts.of(product);
        if (product == null) {
            product = new Product();
            product.id = event.productId();
            product.code = event.productCode();
            product.receivedAt = Instant.now();
        } else if (event.version() <= product.version) {
            return;
        }
        product.name = event.name();
        product.productSet = event.productSet();
        product.producerId = event.producerId();
        product.provinceCode = event.provinceCode();
        product.communeCode = event.communeCode();
        product.version = event.version();
        product.persist();
        changed.fire(new ProductChanged(before, ProductFacts.of(product)));
    }
}
