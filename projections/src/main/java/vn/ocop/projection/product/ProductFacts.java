package vn.ocop.projection.product;

import java.time.Instant;
import java.util.UUID;

/** A product's projected state at one moment: what {@link ProductChanged} reports before and after a change. */
public record ProductFacts(UUID id, String code, String name, int productSet, UUID producerId, String provinceCode,
                           String communeCode, Instant registeredAt, long version) {

    static ProductFacts of(Product p) {
        return new ProductFacts(p.id, p.code, p.name, p.productSet, p.producerId, p.provinceCode, p.communeCode,
                p.registeredAt, p.version);
    }

    /** Whether the registration has arrived, so the product counts where figures are kept by registration month. */
    public boolean registered() {
        return registeredAt != null;
    }
}
