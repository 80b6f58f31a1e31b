package vn.ocop.evaluation.certificate;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Certificate")
public record CertificateView(UUID id, @Schema(example = "OCOP-51-2026-00001") String number, UUID productId, String productCode,
                              UUID producerId, String provinceCode, int stars, LocalDate issuedOn, LocalDate validUntil,
                              String criteriaSetId, UUID resultId, UUID decisionId, CertificateStatus status,
                              UUID supersedesId, UUID supersededById, String statusReason, long version) {

    static CertificateView of(Certificate c) {
        return new CertificateView(c.id, c.number, c.productId, c.productCode, c.producerId, c.provinceCode, c.stars, c.issuedOn,
                c.validUntil, c.criteriaSetId, c.resultId, c.decisionId, c.status, c.supersedesId, c.supersededById,
                c.statusReason, c.version);
    }
}
