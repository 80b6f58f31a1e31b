package vn.ocop.market.certificate;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A certificate as the market API shows it. */
@Schema(name = "MarketCertificate")
public record CertificateView(UUID id, @Schema(nullable = true) String number, UUID productId, @Schema(nullable = true) UUID producerId, String provinceCode,
                              @Schema(nullable = true) Integer stars, @Schema(nullable = true) LocalDate issuedOn, @Schema(nullable = true) LocalDate validUntil, @Schema(nullable = true) UUID supersedesId,
                              CertificateStatus status, @Schema(nullable = true) String endedReason, @Schema(nullable = true) LocalDate endedOn) {
    public static CertificateView of(Certificate c) {
        return new CertificateView(c.id, c.number, c.productId, c.producerId, c.provinceCode, c.stars, c.issuedOn,
                c.validUntil, c.supersedesId, c.status, c.endedReason, c.endedOn);
    }
}
