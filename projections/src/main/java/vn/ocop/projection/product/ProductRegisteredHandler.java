package vn.ocop.projection.product;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/**
 * Adds a newly registered product (version 0). A correction that arrived first already holds a newer state: the
 * registration then only records when the product was registered.
 */
@ApplicationScoped
public class ProductRegisteredHandler implements EventHandler<ProductRegistered> {

    @Inject
    Event<ProductChanged> changed;

    @Override
    public Class<ProductRegistered> eventClass() {
        return ProductRegistered.class;
    }

    @Override
    public void handle(ProductRegistered event, EventContext context) {
        Product product = Product.findById(event.productId());
        if (product != null) {
            if (product.registeredAt == null) {
                ProductFacts before = ProductFacts.of(product);
                product.registeredAt = event.registeredAt();
                changed.fire(new ProductChanged(before, ProductFacts.of(product)));
            }
            return; // otherwise the same fact under another event id (e.g. a replay from the source): nothing new
        }
        product = new Product();
        product.id = event.productId();
        product.code = event.productCode();
        product.name = event.name();
        product.productSet = event.productSet();
        product.producerId = event.producerId();
        product.provinceCode = event.provinceCode();
        product.communeCode = event.communeCode();
        product.registeredAt = event.registeredAt();
        product.receivedAt = Instant.now();
        product.version = 0;
        product.persist();
        changed.fire(new ProductChanged(null, ProductFacts.of(product)));
    }
}
