package vn.ocop.events.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/** A provincial council scored a product at 90 or more: it goes to the central council as a potential 5★ product. */
public record FiveStarNominated(
        UUID resultId,
        UUID productId,
        String productCode,
        String provinceCode,
        BigDecimal averageScore,
        Instant nominatedAt) implements IntegrationEvent {

    public FiveStarNominated {
        Require.present(resultId, "resultId");
        Require.present(productId, "productId");
        Require.present(productCode, "productCode");
        Require.present(provinceCode, "provinceCode");
        Require.present(averageScore, "averageScore");
        Require.present(nominatedAt, "nominatedAt");
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
