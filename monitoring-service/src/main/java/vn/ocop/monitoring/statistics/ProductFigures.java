package vn.ocop.monitoring.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import vn.ocop.projection.product.ProductChanged;
import vn.ocop.projection.product.ProductFacts;

/**
 * Keeps the monthly registration figures in step with the shared product projection: a product counts in its
 * registration month under its current province, from when its registration has arrived; a correction that moves it
 * to another province moves the count.
 */
@ApplicationScoped
public class ProductFigures {

    @Inject
    RegistrationStatistics statistics;

    void follow(@Observes ProductChanged change) {
        ProductFacts before = change.before();
        ProductFacts after = change.after();
        if (before != null && before.registered()) {
            if (before.provinceCode().equals(after.provinceCode())) {
                return;
            }
            statistics.countProduct(before.provinceCode(), before.registeredAt(), -1);
        }
        if (after.registered()) {
            statistics.countProduct(after.provinceCode(), after.registeredAt(), 1);
        }
    }
}
