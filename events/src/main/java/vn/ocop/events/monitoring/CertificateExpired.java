package vn.ocop.events.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/** A certificate's 36 months ended without a superseding re-rating (terminal). */
public record CertificateExpired(
        UUID certificateId,
        String certificateNumber,
        UUID productId,
        String provinceCode,
        LocalDate validUntil,
        Instant expiredAt) implements IntegrationEvent {

    public CertificateExpired {
        Require.present(certificateId, "certificateId");
        Require.present(certificateNumber, "certificateNumber");
        Require.present(productId, "productId");
        Require.present(provinceCode, "provinceCode");
        Require.present(validUntil, "validUntil");
        Require.present(expiredAt, "expiredAt");
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
