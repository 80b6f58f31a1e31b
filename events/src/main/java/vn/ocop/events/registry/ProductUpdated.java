package vn.ocop.events.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/**
 * A registered product was corrected. Carries the product's whole new state, not only the change, so a read model can
 * apply it without having seen the earlier events; {@code version} is the registry row's version after the change (the
 * number its ETag carries; {@link ProductRegistered} is version 0), so a consumer keeps the highest version it has seen
 * and ignores an older one that arrives late. {@code changed} names the fields that changed (API field names).
 * The product code never changes, even when the product moves to another commune or province: codes are never reused.
 */
public record ProductUpdated(
        UUID productId,
        String productCode,
        String name,
        int productSet,
        UUID producerId,
        String provinceCode,
        String communeCode,
        long version,
        List<String> changed,
        String reason,
        Instant updatedAt) implements IntegrationEvent {

    public ProductUpdated {
        Require.present(productId, "productId");
        Require.present(productCode, "productCode");
        Require.present(name, "name");
        Require.present(producerId, "producerId");
        Require.present(provinceCode, "provinceCode");
        Require.present(changed, "changed");
        Require.present(updatedAt, "updatedAt");
        if (productSet < 1 || productSet > 26) {
            throw new IllegalArgumentException("productSet must be 1..26, was " + productSet);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version of an update must be 1 or more, was " + version);
        }
        changed = List.copyOf(changed);
    }

    @Override
    public String aggregateKey() {
        return productId.toString();
    }

    @Override
    public String subject() {
        return "product/" + productCode;
    }
}
