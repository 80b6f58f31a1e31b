package vn.ocop.market.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.market.certificate.Certificate;
import vn.ocop.projection.product.Product;

@Schema(name = "Listing")
public record ListingView(UUID id, UUID productId, String productCode, @Schema(nullable = true) String productName, UUID producerId,
                          String provinceCode, @Schema(nullable = true) UUID channelId, @Schema(nullable = true) UUID pointOfSaleId, UUID certificateId,
                          String certificateNumber, Integer stars, @Schema(nullable = true) String externalSku, @Schema(nullable = true) String externalUrl, long priceVnd,
                          LocalDate since, ListingStatus status, @Schema(nullable = true) Instant suspendedAt, @Schema(nullable = true) String suspensionReason,
                          @Schema(nullable = true) Instant acknowledgedAt, @Schema(nullable = true) String acknowledgedBy, long version) {

    public static ListingView of(Listing l) {
        Certificate c = Certificate.findById(l.certificateId);
        Product p = Product.findById(l.productId);
        return new ListingView(l.id, l.productId, l.productCode, p == null ? null : p.name, l.producerId, l.provinceCode,
                l.channelId, l.pointOfSaleId, l.certificateId, c == null ? null : c.number, c == null ? null : c.stars,
                l.externalSku, l.externalUrl, l.priceVnd, l.since, l.status, l.suspendedAt, l.suspensionReason,
                l.acknowledgedAt, l.acknowledgedBy, l.version);
    }
}
