package vn.ocop.market.channel;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.market.webhook.NotificationEndpoint;

@Schema(name = "Channel")
public record ChannelView(UUID id, String name, ChannelKind kind, @Schema(nullable = true) String website, String operatorName,
                          @Schema(nullable = true) NotificationEndpoint.View notification, Instant createdAt, Instant updatedAt, long version) {
    /** The full view, notification settings included (for those who manage the channel, and the audit log). */
    static ChannelView of(SalesChannel c) {
        return of(c, true);
    }

    /** The view with the notification URL and secret hint only when {@code withEndpoint}. */
    static ChannelView of(SalesChannel c, boolean withEndpoint) {
        return new ChannelView(c.id, c.name, c.kind, c.website, c.operatorName,
                withEndpoint && c.endpoint != null ? c.endpoint.view() : null, c.createdAt, c.updatedAt, c.version);
    }
}
