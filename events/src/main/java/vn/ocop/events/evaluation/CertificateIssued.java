package vn.ocop.events.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/** A recognition decision issued an OCOP certificate (valid 36 months from issue). supersedesCertificateId names the certificate a re-rating replaces. */
public record CertificateIssued(
        UUID certificateId,
        String certificateNumber,
        UUID productId,
        String productCode,
        UUID producerId,
        String provinceCode,
        int stars,
        LocalDate issuedOn,
        LocalDate validUntil,
        String criteriaSetVersion,
        UUID resultId,
        String decisionNumber,
        UUID supersedesCertificateId,
        Instant issuedAt) implements IntegrationEvent {

    public CertificateIssued {
        Require.present(certificateId, "certificateId");
        Require.present(certificateNumber, "certificateNumber");
        Require.present(productId, "productId");
        Require.present(productCode, "productCode");
        Require.present(producerId, "producerId");
        Require.present(provinceCode, "provinceCode");
        Require.present(issuedOn, "issuedOn");
        Require.present(validUntil, "validUntil");
        Require.present(criteriaSetVersion, "criteriaSetVersion");
        Require.present(resultId, "resultId");
        Require.present(decisionNumber, "decisionNumber");
        Require.present(issuedAt, "issuedAt");
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
