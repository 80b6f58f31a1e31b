package vn.ocop.events.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/** A revocation decision ended a certificate (terminal): the product may no longer use the OCOP mark anywhere. */
public record CertificateRevoked(
        UUID certificateId,
        String certificateNumber,
        UUID productId,
        String provinceCode,
        String ground,
        String decisionNumber,
        LocalDate decidedOn,
        Instant revokedAt) implements IntegrationEvent {

    public CertificateRevoked {
        Require.present(certificateId, "certificateId");
        Require.present(certificateNumber, "certificateNumber");
        Require.present(productId, "productId");
        Require.present(provinceCode, "provinceCode");
        Require.present(ground, "ground");
        Require.present(decisionNumber, "decisionNumber");
        Require.present(decidedOn, "decidedOn");
        Require.present(revokedAt, "revokedAt");
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
