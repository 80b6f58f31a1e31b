package vn.ocop.market.channel;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.market.webhook.NotificationEndpoint;

@Schema(name = "Channel")
public record ChannelView(UUID id, String name, ChannelKind kind, String website, String operatorName,
                          NotificationEndpoint.View notification, Instant createdAt, Instant updatedAt, long version) {
    static ChannelView of(SalesChannel c) {
        return new ChannelView(c.id, c.name, c.kind, c.website, c.operatorName,
                c.endpoint == null ? null : c.endpoint.view(), c.createdAt, c.updatedAt, c.version);
    }
}
