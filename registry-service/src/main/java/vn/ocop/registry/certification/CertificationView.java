package vn.ocop.registry.certification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The certification part of every product read. */
@Schema(name = "Certification", description = "Current OCOP certification of a product and its latest council result")
public record CertificationView(
        @Schema(description = "NONE, ACTIVE, EXPIRED, REVOKED or SUPERSEDED; ACTIVE past its validUntil reads EXPIRED",
                enumeration = {"NONE", "ACTIVE", "SUPERSEDED", "EXPIRED", "REVOKED"}, example = "ACTIVE") String status,
        @Schema(nullable = true, description = "Stars of the current certificate (3 to 5); null without one", example = "4") Integer stars,
        @Schema(nullable = true, example = "OCOP-51-2026-00001") String certificateNumber,
        @Schema(nullable = true, example = "2026-03-15") LocalDate issuedOn,
        @Schema(nullable = true, description = "Last day of validity (the validity period of the rules in force on the issue date)",
                example = "2029-03-14") LocalDate validUntil,
        @Schema(nullable = true, description = "Average score of the latest council result", example = "78.50") BigDecimal lastScore,
        @Schema(nullable = true, description = "Stars of the latest council result", example = "4") Integer lastRatedStars,
        @Schema(nullable = true, example = "2026-03-10T08:00:00Z") Instant lastRatedAt) {

    public static final String NONE = "NONE";

    /** A product registered just now has none: no certificate or rating can name an id given out a moment ago. */
    public static CertificationView none() {
        return new CertificationView(NONE, null, null, null, null, null, null, null);
    }

    static CertificationView of(Certificate current, BigDecimal lastScore, Integer lastStars, Instant lastRatedAt,
                                LocalDate today) {
        if (current == null) {
            return new CertificationView(NONE, null, null, null, null, lastScore, lastStars, lastRatedAt);
        }
        return new CertificationView(effectiveStatus(current, today).name(), current.stars, current.number,
                current.issuedOn, current.validUntil, lastScore, lastStars, lastRatedAt);
    }

    /** ACTIVE past its last valid day is shown EXPIRED even before monitoring's CertificateExpired arrives. */
    public static CertificateStatus effectiveStatus(Certificate certificate, LocalDate today) {
        if (certificate.status == CertificateStatus.ACTIVE && certificate.validUntil != null
                && certificate.validUntil.isBefore(today)) {
            return CertificateStatus.EXPIRED;
        }
        return certificate.status;
    }

    public boolean isActive() {
        return CertificateStatus.ACTIVE.name().equals(status);
    }
}
