package vn.ocop.events.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/**
 * A certificate's validity ended without a superseding re-rating: it no longer gives the right to use the OCOP mark
 * (only a revocation may follow). {@code expiredOn} (optional, added to v1) is the first day it is no longer valid: the day after {@code validUntil}, or later when a transition rule kept
 * it valid while its re-rating was pending (QĐ 26/2026 Điều 12).
 */
public record CertificateExpired(
        UUID certificateId,
        String certificateNumber,
        UUID productId,
        String provinceCode,
        LocalDate validUntil,
        Instant expiredAt,
        LocalDate expiredOn) implements IntegrationEvent {

    /** Without {@code expiredOn}: it is the day after {@code validUntil}. */
    public CertificateExpired(UUID certificateId, String certificateNumber, UUID productId, String provinceCode,
                              LocalDate validUntil, Instant expiredAt) {
        this(certificateId, certificateNumber, productId, provinceCode, validUntil, expiredAt, null);
    }

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
