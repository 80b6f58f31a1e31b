package vn.ocop.market.webhook;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The delivery log entry of one notification. */
@Schema(name = "WebhookDelivery")
public record WebhookDeliveryView(UUID id, UUID listingId,
                                  @Schema(enumeration = {"CHANNEL", "POINT_OF_SALE"}) String targetKind, UUID targetId,
                                  @Schema(nullable = true, description = "Only for whoever manages the target") String url,
                                  String eventType,
                                  @Schema(enumeration = {"PENDING", "DELIVERED", "GAVE_UP", "REFUSED"}) String status, int attempts,
                                  @Schema(nullable = true) Instant nextAttemptAt, @Schema(nullable = true) Integer lastStatusCode,
                                  @Schema(nullable = true) String lastError, Instant createdAt,
                                  @Schema(nullable = true) Instant deliveredAt) {
    /** The entry; the target's URL only when {@code withUrl} (the caller manages the target). */
    public static WebhookDeliveryView of(WebhookDelivery d, boolean withUrl) {
        return new WebhookDeliveryView(d.id, d.listingId, d.targetKind, d.targetId, withUrl ? d.url : null, d.eventType, d.status,
                d.attempts, d.nextAttemptAt, d.lastStatusCode, d.lastError, d.createdAt, d.deliveredAt);
    }
}
