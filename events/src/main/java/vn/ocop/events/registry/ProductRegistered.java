package vn.ocop.events.registry;

import java.time.Instant;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/**
 * A product entered the registry and received its product code {@code T-X-STT-YYYY}
 * (province code, commune code, serial within the commune, year).
 */
public record ProductRegistered(
        UUID productId,
        String productCode,
        String name,
        int productSet,
        UUID producerId,
        String provinceCode,
        String communeCode,
        Instant registeredAt) implements IntegrationEvent {

    public ProductRegistered {
        Require.present(productId, "productId");
        Require.present(productCode, "productCode");
        Require.present(name, "name");
        Require.present(producerId, "producerId");
        Require.present(provinceCode, "provinceCode");
        Require.present(registeredAt, "registeredAt");
        if (productSet < 1 || productSet > 26) {
            throw new IllegalArgumentException("productSet must be 1..26, was " + productSet);
        }
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
