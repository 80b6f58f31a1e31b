package vn.ocop.evaluation.certificate;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Certificate")
public record CertificateView(UUID id, @Schema(nullable = true, example = "OCOP-51-2026-00001") String number, UUID productId, String productCode,
                              @Schema(nullable = true) UUID producerId, String provinceCode, @Schema(nullable = true) int stars, @Schema(nullable = true) LocalDate issuedOn, @Schema(nullable = true) LocalDate validUntil,
                              @Schema(description = "Criteria set version; for a migrated certificate, the criteria instrument",
                                      example = "QD26-2026-S01") String criteriaSetId,
                              @Schema(nullable = true, description = "Unset for a migrated certificate") UUID resultId,
                              @Schema(nullable = true, description = "Unset for a migrated certificate") UUID decisionId, CertificateStatus status,
                              @Schema(nullable = true) UUID supersedesId, @Schema(nullable = true) UUID supersededById, @Schema(nullable = true) String statusReason, long version,
                              @Schema(description = "Issued before this system and brought in by a certificate import") boolean migrated,
                              @Schema(nullable = true, description = "The original decision of a migrated certificate", example = "123/QĐ-UBND")
                              String decisionNumber) {

    public static CertificateView of(Certificate c) {
        return new CertificateView(c.id, c.number, c.productId, c.productCode, c.producerId, c.provinceCode, c.stars, c.issuedOn,
                c.validUntil, c.criteriaSetId, c.resultId, c.decisionId, c.status, c.supersedesId, c.supersededById,
                c.statusReason, c.version, c.migrated, c.decisionNumber);
    }
}
