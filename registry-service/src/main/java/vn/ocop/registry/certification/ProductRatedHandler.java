package vn.ocop.registry.certification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.events.evaluation.ProductRated;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** Applies {@link ProductRated} to the certification projection (inside the inbox transaction). */
@ApplicationScoped
public class ProductRatedHandler implements EventHandler<ProductRated> {

    @Inject
    CertificationProjection projection;

    @Override
    public Class<ProductRated> eventClass() {
        return ProductRated.class;
    }

    @Override
    public void handle(ProductRated event, EventContext context) {
        projection.rated(event);
    }
}
