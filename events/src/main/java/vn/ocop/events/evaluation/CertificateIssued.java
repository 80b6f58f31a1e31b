package vn.ocop.events.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/**
 * A recognition decision issued an OCOP certificate (valid for the period of the programme rules in force on its issue date unless it states its own end date).
 * supersedesCertificateId names the certificate a re-rating replaces. {@code migrated} marks a certificate brought in
 * from a programme that existed before this system (its original number, decision and dates, no evaluation result:
 * resultId is then absent and criteriaSetVersion names the criteria instrument, e.g. "1048/QĐ-TTg"). Added within v1;
 * payloads without it read as native certificates.
 */
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
        Instant issuedAt,
        Boolean migrated) implements IntegrationEvent {

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
        migrated = Boolean.TRUE.equals(migrated); // absent in payloads written before the field existed
        if (!migrated) {
            Require.present(resultId, "resultId");
        }
        Require.present(decisionNumber, "decisionNumber");
        Require.present(issuedAt, "issuedAt");
    }

    /** A certificate issued by a recognition decision of this system (not migrated). */
    public CertificateIssued(UUID certificateId, String certificateNumber, UUID productId, String productCode, UUID producerId,
                             String provinceCode, int stars, LocalDate issuedOn, LocalDate validUntil, String criteriaSetVersion,
                             UUID resultId, String decisionNumber, UUID supersedesCertificateId, Instant issuedAt) {
        this(certificateId, certificateNumber, productId, productCode, producerId, provinceCode, stars, issuedOn, validUntil,
                criteriaSetVersion, resultId, decisionNumber, supersedesCertificateId, issuedAt, false);
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
