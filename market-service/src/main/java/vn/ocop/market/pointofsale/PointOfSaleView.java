package vn.ocop.market.pointofsale;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.market.webhook.NotificationEndpoint;

@Schema(name = "PointOfSale")
public record PointOfSaleView(UUID id, String name, LocationCategory category, String provinceCode, String communeCode,
                              String operatorName, @Schema(nullable = true) String address, @Schema(nullable = true) BigDecimal latitude, @Schema(nullable = true) BigDecimal longitude,
                              @Schema(nullable = true) String openingHours, PointOfSaleStatus status, @Schema(nullable = true) NotificationEndpoint.View notification,
                              Instant createdAt, Instant updatedAt, long version) {
    /** The full view, notification settings included (for those who manage the point, and the audit log). */
    public static PointOfSaleView of(PointOfSale p) {
        return of(p, true);
    }

    /** The view with the notification URL and secret hint only when {@code withEndpoint}. */
    public static PointOfSaleView of(PointOfSale p, boolean withEndpoint) {
        return new PointOfSaleView(p.id, p.name, p.category, p.provinceCode, p.communeCode, p.operatorName, p.address,
                p.latitude, p.longitude, p.openingHours, p.status,
                withEndpoint && p.endpoint != null ? p.endpoint.view() : null, p.createdAt, p.updatedAt, p.version);
    }
}
