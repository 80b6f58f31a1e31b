package vn.ocop.market.webhook;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The delivery log entry of one notification. */
@Schema(name = "WebhookDelivery")
public record WebhookDeliveryView(UUID id, UUID listingId, String targetKind, UUID targetId, String url, String eventType,
                                  String status, int attempts, Instant nextAttemptAt, Integer lastStatusCode,
                                  String lastError, Instant createdAt, Instant deliveredAt) {
    /** The entry; the target's URL only when {@code withUrl} (the caller manages the target). */
    public static WebhookDeliveryView of(WebhookDelivery d, boolean withUrl) {
        return new WebhookDeliveryView(d.id, d.listingId, d.targetKind, d.targetId, withUrl ? d.url : null, d.eventType, d.status,
                d.attempts, d.nextAttemptAt, d.lastStatusCode, d.lastError, d.createdAt, d.deliveredAt);
    }
}
