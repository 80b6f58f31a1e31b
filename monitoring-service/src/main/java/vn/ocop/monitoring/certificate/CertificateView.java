package vn.ocop.monitoring.certificate;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.rules.ProgrammeRules;
import vn.ocop.rules.ReRatingWindow;

/** A certificate as the register shows it. */
@Schema(name = "Certificate")
public record CertificateView(
        UUID id,
        @Schema(nullable = true, example = "OCOP-51-2026-00012") String number,
        UUID productId,
        @Schema(example = "51-21040-0007-2026") String productCode,
        @Schema(nullable = true) UUID producerId,
        @Schema(example = "51") String provinceCode,
        @Schema(nullable = true, example = "4") Integer stars,
        @Schema(nullable = true) LocalDate issuedOn,
        @Schema(nullable = true, description = "Last day of validity (the validity period of the rules in force on the issue date)") LocalDate validUntil,
        @Schema(nullable = true) String decisionNumber,
        String criteriaSetVersion,
        CertificateStatus status,
        @Schema(nullable = true, description = "The certificate this re-rating replaced") UUID supersedesId,
        @Schema(nullable = true, description = "The re-rating certificate that replaced this one") UUID supersededById,
        @Schema(nullable = true, description = "First day without validity, when expired") LocalDate expiredOn,
        @Schema(nullable = true) LocalDate revokedOn,
        @Schema(nullable = true, description = "The revocation decision, when revoked") UUID revocationId,
        @Schema(description = "First day the holder may file for re-rating (the rules in force on the issue date set the window)") LocalDate reRatingWindowOpensOn,
        @Schema(description = "Last day the holder may file for re-rating") LocalDate reRatingWindowClosesOn,
        long version) {

    static CertificateView of(Certificate c, ProgrammeRules rules) {
        ReRatingWindow window = c.reRatingWindow(rules);
        return new CertificateView(c.id, c.number, c.productId, c.productCode, c.producerId, c.provinceCode, c.stars,
                c.issuedOn, c.validUntil, c.decisionNumber, c.criteriaSetVersion, c.status, c.supersedesId,
                c.supersededById, c.expiredOn, c.revokedOn, c.revocationId,
                window == null ? null : window.opensOn(),
                window == null ? null : window.closesOn(),
                c.version);
    }

    /** For other features' audit rows. */
    public static CertificateView snapshot(Certificate c, ProgrammeRules rules) {
        return of(c, rules);
    }
}
