package vn.ocop.market.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.market.certificate.Certificate;
import vn.ocop.projection.product.Product;

@Schema(name = "Listing")
public record ListingView(UUID id, UUID productId, String productCode, String productName, UUID producerId,
                          String provinceCode, UUID channelId, UUID pointOfSaleId, UUID certificateId,
                          String certificateNumber, Integer stars, String externalSku, String externalUrl, long priceVnd,
                          LocalDate since, ListingStatus status, Instant suspendedAt, String suspensionReason,
                          Instant acknowledgedAt, String acknowledgedBy, long version) {

    public static ListingView of(Listing l) {
        Certificate c = Certificate.findById(l.certificateId);
        Product p = Product.findById(l.productId);
        return new ListingView(l.id, l.productId, l.productCode, p == null ? null : p.name, l.producerId, l.provinceCode,
                l.channelId, l.pointOfSaleId, l.certificateId, c == null ? null : c.number, c == null ? null : c.stars,
                l.externalSku, l.externalUrl, l.priceVnd, l.since, l.status, l.suspendedAt, l.suspensionReason,
                l.acknowledgedAt, l.acknowledgedBy, l.version);
    }
}
