package vn.ocop.registry.certification;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What anyone holding a certificate number (on a label, a shop shelf, a listing) may learn about it. */
@Schema(name = "CertificateVerification")
public record CertificateVerification(
        @Schema(example = "OCOP-51-2026-00001") String certificateNumber,
        @Schema(description = "VALID, EXPIRED, REVOKED or SUPERSEDED (replaced by a re-rating)",
                enumeration = {"VALID", "EXPIRED", "REVOKED", "SUPERSEDED"}, example = "VALID") String status,
        @Schema(example = "0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a001") UUID productId,
        @Schema(example = "51-21548-1-2026") String productCode,
        @Schema(example = "Tỏi Lý Sơn") String productName,
        @Schema(example = "51") String provinceCode,
        @Schema(nullable = true, example = "5") Integer stars,
        @Schema(nullable = true, example = "2026-03-15") LocalDate issuedOn,
        @Schema(nullable = true, example = "2029-03-14") LocalDate validUntil,
        @Schema(nullable = true, example = "1234/QĐ-UBND") String decisionNumber,
        @Schema(nullable = true, description = "Date of the revocation decision, when revoked") LocalDate revokedOn,
        @Schema(nullable = true, description = "Ground of revocation (Điều 9 QĐ 26/2026), when revoked",
                example = "Không duy trì tiêu chí theo kết luận kiểm tra") String revocationGround,
        @Schema(nullable = true, description = "Number of the revocation decision, when revoked") String revocationDecision,
        @Schema(nullable = true, description = "Number of the certificate that replaced this one, when superseded") String supersededBy,
        @Schema(description = "The date (Asia/Ho_Chi_Minh) the status was evaluated for", example = "2026-11-23") LocalDate checkedOn) {

    public static final String VALID = "VALID";
}
