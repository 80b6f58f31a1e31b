package vn.ocop.events.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/** A council closed a product's evaluation: average score, band, mandatory-criteria level and stars (star = min(band, mandatory level)). */
public record ProductRated(
        UUID resultId,
        UUID productId,
        String productCode,
        String provinceCode,
        String councilLevel,
        String criteriaSetVersion,
        BigDecimal averageScore,
        int band,
        int mandatoryLevel,
        int stars,
        String outcome,
        Instant ratedAt) implements IntegrationEvent {

    public ProductRated {
        Require.present(resultId, "resultId");
        Require.present(productId, "productId");
        Require.present(productCode, "productCode");
        Require.present(provinceCode, "provinceCode");
        Require.present(councilLevel, "councilLevel");
        Require.present(criteriaSetVersion, "criteriaSetVersion");
        Require.present(averageScore, "averageScore");
        Require.present(outcome, "outcome");
        Require.present(ratedAt, "ratedAt");
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
