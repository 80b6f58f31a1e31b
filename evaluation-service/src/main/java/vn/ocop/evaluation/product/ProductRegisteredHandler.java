package vn.ocop.evaluation.product;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** Adds a newly registered product to this service's read model (the inbox makes a redelivery a no-op). */
@ApplicationScoped
public class ProductRegisteredHandler implements EventHandler<ProductRegistered> {

    @Override
    public Class<ProductRegistered> eventClass() {
        return ProductRegistered.class;
    }

    @Override
    public void handle(ProductRegistered event, EventContext context) {
        if (Product.findById(event.productId()) != null) {
            return; // the same fact under another event id (e.g. a replay from the source): nothing new
        }
        Product product = new Product();
        product.id = event.productId();
        product.code = event.productCode();
        product.name = event.name();
        product.productSet = event.productSet();
        product.producerId = event.producerId();
        product.provinceCode = event.provinceCode();
        product.communeCode = event.communeCode();
        product.registeredAt = event.registeredAt();
        product.receivedAt = Instant.now();
        product.persist();
    }
}
