package vn.ocop.market.webhook;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.ocop.platform.wakeup.WakeUps;

/**
 * Queues a notification in the caller's transaction: the row exists exactly when the change it reports commits, and
 * {@link WebhookSender} sends it as soon as that transaction commits (a request or an event handler never waits for a partner's server).
 */
@ApplicationScoped
public class Webhooks {

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    WakeUps wakeUps;

    /** Returns the delivery id, or null when the outlet has no endpoint configured. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String targetKind, UUID targetId, NotificationEndpoint endpoint, UUID listingId, String eventType,
                        Map<String, Object> body) {
        if (endpoint == null || !endpoint.configured()) {
            return null;
        }
        WebhookDelivery d = new WebhookDelivery();
        d.id = UUID.randomUUID();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("deliveryId", d.id);
        payload.put("event", eventType);
        payload.putAll(body);
        d.listingId = listingId;
        d.targetKind = targetKind;
        d.targetId = targetId;
        d.url = endpoint.url;
        d.eventType = eventType;
        try {
            d.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("webhook payload not serialisable", e);
        }
        d.status = WebhookDelivery.PENDING;
        d.createdAt = clock.instant();
        d.nextAttemptAt = d.createdAt;
        d.persist();
        wakeUps.signalOnCommit(WebhookSender.WAKEUP);
        return d.id;
    }
}
