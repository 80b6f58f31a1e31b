package vn.ocop.platform.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import vn.ocop.events.EventJson;
import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.MalformedEventException;

/**
 * The idempotent inbox: consumes the topics this service subscribes to (channel {@code events-in}), skips events it
 * has already processed (by CloudEvents id), and hands the rest to the matching {@link EventHandler} in one
 * transaction with the inbox row. Offsets are committed only after that transaction (acknowledgement).
 *
 * <p>A message that can never succeed (no CloudEvents headers, unreadable payload, rejected by the handler as invalid)
 * is nacked at once and the connector moves it to this service's dead-letter topic with the error in its headers.
 * Other failures (database unavailable…) are retried with backoff before being dead-lettered, so one bad message
 * never blocks the partition and never vanishes silently.
 */
@ApplicationScoped
public class InboxConsumer {
    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

    @Inject
    Instance<EventHandler<?>> handlerBeans;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "ocop.inbox.max-attempts", defaultValue = "5")
    int maxAttempts;

    @ConfigProperty(name = "ocop.inbox.retry-backoff", defaultValue = "1s")
    Duration retryBackoff;

    private final Map<String, EventHandler<?>> handlers = new HashMap<>();

    @PostConstruct
    void indexHandlers() {
        for (EventHandler<?> handler : handlerBeans) {
            EventHandler<?> previous = handlers.put(handler.eventClass().getSimpleName(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two handlers for " + handler.eventClass().getSimpleName());
            }
        }
    }

    @Incoming("events-in")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        String type = message.getMetadata(IncomingCloudEventMetadata.class).map(ce -> ce.getType()).orElse("unknown");
        try {
            process(message);
            return message.ack();
        } catch (RuntimeException e) {
            LOG.errorf("Event of type %s dead-lettered: %s", type, e.getMessage());
            meters.counter("ocop.events.dead_lettered", "type", type).increment();
            return message.nack(e);
        }
    }

    private void process(Message<String> message) {
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new MalformedEventException("message has no CloudEvents headers (ce_id, ce_type, ce_source)"));
        EventHandler<?> handler = handlers.get(cloudEvent.getType());
        if (handler == null) {
            meters.counter("ocop.events.consumed", "type", cloudEvent.getType(), "outcome", "ignored").increment();
            return; // a topic carries more event types than this service needs
        }
        IntegrationEvent event = EventJson.read(message.getPayload(), handler.eventClass());
        EventContext context = new EventContext(cloudEvent.getId(), cloudEvent.getType(),
                String.valueOf(cloudEvent.getSource()), cloudEvent.getSubject().orElse(null),
                cloudEvent.getTimeStamp().map(ZonedDateTime::toInstant).orElse(Instant.now()));

        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> applyOnce(handler, event, context));
                meters.counter("ocop.events.consumed", "type", context.type(), "outcome", applied ? "applied" : "duplicate")
                        .increment();
                return;
            } catch (MalformedEventException | IllegalArgumentException | IllegalStateException poison) {
                throw poison; // retrying cannot help
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
                LOG.warnf("Event %s (%s) failed on attempt %d, retrying: %s", context.eventId(), context.type(), attempt, e);
                sleep(retryBackoff.multipliedBy(attempt));
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean applyOnce(EventHandler handler, IntegrationEvent event, EventContext context) {
        int inserted = entityManager.createNativeQuery(
                "insert into processed_event (event_id, event_type, source) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, context.eventId())
                .setParameter(2, context.type())
                .setParameter(3, context.source())
                .executeUpdate();
        if (inserted == 0) {
            return false; // seen before: acknowledge and skip
        }
        handler.handle(event, context);
        return true;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
