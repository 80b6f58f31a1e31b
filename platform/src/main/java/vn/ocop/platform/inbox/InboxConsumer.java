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
import org.jboss.logging.MDC;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import vn.ocop.events.EventJson;
import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.MalformedEventException;
import vn.ocop.platform.observability.TraceContext;
import org.hibernate.query.NativeQuery;

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

    @Inject
    Tracer tracer;

    /**
     * Tracing off (no {@code OCOP_OTEL_ENDPOINT}). Quarkus' disabled SDK still has a tracer that samples every span it
     * is asked for, so with tracing off the inbox asks for none: no trace ids in the MDC, logs or metric exemplars.
     */
    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
    boolean tracingDisabled;

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
        if (tracingDisabled) {
            return apply(message, type, Span.getInvalid());
        }
        // Applying the event continues the trace of the request that caused it (see OutboxRelay).
        Span span = tracer.spanBuilder("apply " + type).setParent(parentContext(message)).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("ocop.event.type", type)
                .startSpan();
        try (Scope scope = span.makeCurrent(); LogTrace logTrace = LogTrace.of(span)) {
            return apply(message, type, span);
        } finally {
            span.end();
        }
    }

    /** Processes and acknowledges the message, or nacks it (to the dead-letter topic) recording why on the span. */
    private CompletionStage<Void> apply(Message<String> message, String type, Span span) {
        try {
            process(message);
            return message.ack();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, "dead-lettered");
            LOG.errorf("Event of type %s dead-lettered: %s", type, e.getMessage());
            meters.counter("ocop.events.dead_lettered", "type", type).increment();
            return message.nack(e);
        }
    }

    /**
     * The receive span the Kafka connector made from the {@code traceparent} header; failing that, the CloudEvents
     * distributed-tracing extension; else a new trace.
     */
    private static Context parentContext(Message<String> message) {
        Context received = message.getMetadata(TracingMetadata.class).map(TracingMetadata::getCurrentContext).orElse(null);
        if (received != null && Span.fromContext(received).getSpanContext().isValid()) {
            return received;
        }
        Object parent = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(ce -> ((IncomingCloudEventMetadata<?>) ce).getExtensions().get("traceparent")).orElse(null);
        return parent == null ? Context.current() : new TraceContext(parent.toString(), null).toContext();
    }

    /** Trace and span ids in the log's MDC while an event is applied (JSON logs carry them), restored afterwards. */
    private record LogTrace(Object previousTraceId, Object previousSpanId) implements AutoCloseable {
        static LogTrace of(Span span) {
            LogTrace previous = new LogTrace(MDC.get("traceId"), MDC.get("spanId"));
            if (span.getSpanContext().isValid()) {
                MDC.put("traceId", span.getSpanContext().getTraceId());
                MDC.put("spanId", span.getSpanContext().getSpanId());
            }
            return previous;
        }

        @Override
        public void close() {
            restore("traceId", previousTraceId);
            restore("spanId", previousSpanId);
        }

        private static void restore(String key, Object value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
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
                Span.current().setAttribute("ocop.inbox.outcome", applied ? "applied" : "duplicate");
                LOG.debugf("Event %s (%s) from %s %s", context.eventId(), context.type(), context.source(),
                        applied ? "applied" : "already processed");
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
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("processed_event") // not the whole second-level cache
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
