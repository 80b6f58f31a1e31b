package vn.ocop.monitoring.market;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import vn.ocop.projection.product.ProductChanged;

/**
 * A product moved to another province or passed to another producer (a registry correction applied to the product
 * projection): its listings here follow, so the modern-channel figures count it for its current producer.
 */
@ApplicationScoped
public class ListingsFollowProduct {

    @Inject
    EntityManager entityManager;

    void follow(@Observes ProductChanged change) {
        if (!change.movedOrTransferred()) {
            return;
        }
        entityManager.createNativeQuery("update listing set producer_id = ?1, province_code = ?2, updated_at = now()"
                        + " where product_id = ?3")
                .setParameter(1, change.after().producerId())
                .setParameter(2, change.after().provinceCode())
                .setParameter(3, change.after().id())
                .executeUpdate();
    }
}
