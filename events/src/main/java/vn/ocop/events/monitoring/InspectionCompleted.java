package vn.ocop.events.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/** A post-certification inspection (hậu kiểm) ended with an outcome. */
public record InspectionCompleted(
        UUID inspectionId,
        UUID productId,
        UUID certificateId,
        String provinceCode,
        String outcome,
        LocalDate completedOn,
        Instant completedAt) implements IntegrationEvent {

    public InspectionCompleted {
        Require.present(inspectionId, "inspectionId");
        Require.present(productId, "productId");
        Require.present(provinceCode, "provinceCode");
        Require.present(outcome, "outcome");
        Require.present(completedOn, "completedOn");
        Require.present(completedAt, "completedAt");
    }

    @Override
    public String aggregateKey() {
        return productId.toString();
    }

    @Override
    public String subject() {
        return "inspection/" + inspectionId;
    }
}
