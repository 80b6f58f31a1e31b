package vn.ocop.events.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/** A certificate reached a re-rating milestone: the re-rating filing window of the programme rules opens or is about to close. */
public record CertificateExpiring(
        UUID certificateId,
        String certificateNumber,
        UUID productId,
        String provinceCode,
        LocalDate validUntil,
        String milestone,
        Instant occurredAt) implements IntegrationEvent {

    public CertificateExpiring {
        Require.present(certificateId, "certificateId");
        Require.present(certificateNumber, "certificateNumber");
        Require.present(productId, "productId");
        Require.present(provinceCode, "provinceCode");
        Require.present(validUntil, "validUntil");
        Require.present(milestone, "milestone");
        Require.present(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateKey() {
        return productId.toString();
    }

    @Override
    public String subject() {
        return "certificate/" + certificateNumber;
    }
}
