package vn.ocop.platform.outbox;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import vn.ocop.platform.observability.TraceContext;
import vn.ocop.platform.wakeup.WakeUps;
import vn.ocop.platform.wakeup.Worker;

/**
 * Publishes committed outbox events to Kafka in insertion order and marks them published.
 *
 * <p>It runs as soon as a transaction that appended events commits (see {@link WakeUps}), one run at a time per JVM,
 * with a slow poll as the safety net. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}; a transaction-scoped advisory lock additionally lets only one
 * replica publish at a time, because two replicas draining different batches could reorder one product's events.
 * A failed send stops the batch and backs the head event off exponentially: later events wait behind it (order over
 * latency). Events acknowledged after a failed one are sent again later, which the consumers' inbox absorbs.
 *
 * <p>The trace context stored with each row is the parent of the connector's publish span, which sends it on as the
 * {@code traceparent} header; it also goes out as the CloudEvents distributed-tracing extension.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<String> emitter;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "ocop.service.name")
    String serviceName;

    @ConfigProperty(name = "ocop.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "ocop.outbox.send-timeout", defaultValue = "20s")
    Duration sendTimeout;

    @ConfigProperty(name = "ocop.outbox.max-backoff", defaultValue = "30s")
    Duration maxBackoff;

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();

    @jakarta.annotation.PostConstruct
    void registerGauges() {
        meters.gauge("ocop.outbox.backlog", backlog);
        meters.gauge("ocop.outbox.oldest.pending.age.seconds", oldestPendingAgeSeconds);
    }

    /** Name of the relay's worker and of the notification the outbox_event trigger sends (see V0_2_1). */
    public static final String WAKEUP = "outbox";

    @Inject
    WakeUps wakeUps;

    private Worker worker;

    void start(@Observes StartupEvent event) {
        worker = wakeUps.register(WAKEUP, this::publishPending);
        worker.wake(); // events left by a previous run of the service
    }

    /**
     * The safety net: commits wake the relay at once ({@link Outbox#append} and the table's NOTIFY trigger); this poll
     * covers missed notifications and events whose backoff has expired, and refreshes the backlog gauges.
     */
    @Scheduled(every = "${ocop.outbox.poll-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        // Measured on the scheduler's thread: during an outage a batch can wait for the whole send timeout, and the
        // gauge must show the backlog then.
        QuarkusTransaction.requiringNew().run(this::measureBacklog);
        if (worker != null) {
            worker.wake();
        }
    }

    /**
     * Publishes everything due, batch after batch, and returns how many events went out. The relay's worker runs it
     * one run at a time per JVM; replicas (or a test racing it) are kept apart by the advisory lock.
     */
    public int publishPending() {
        int total = 0;
        int published;
        do {
            published = QuarkusTransaction.requiringNew().timeout((int) sendTimeout.toSeconds() + 30).call(this::publishBatch);
            total += published;
        } while (published == batchSize);
        return total;
    }

    /** Publishes due events; returns how many were published (a full batch means: look again at once). */
    int publishBatch() {
        // One round trip: the advisory lock is tried in the same statement that claims the rows; while another
        // replica holds it, no row comes back (as when nothing is due).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                with relay as materialized (select pg_try_advisory_xact_lock(hashtext('ocop.outbox.relay')) as held)
                select o.id, o.event_id, o.event_type, o.topic, o.message_key, o.subject, o.data_schema, o.payload,
                       o.occurred_at, o.attempts, o.next_attempt_at, o.trace_parent, o.trace_state
                from outbox_event o, relay where relay.held and o.published_at is null
                order by o.id limit ?1 for update of o skip locked""")
                .setParameter(1, batchSize)
                .getResultList();

        Instant now = Instant.now();
        List<Long> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (Object[] row : rows) {
            if (toInstant(row[10]).isAfter(now)) {
                break; // the head of the queue is backing off: keep order, send nothing behind it
            }
            ids.add(((Number) row[0]).longValue());
            types.add((String) row[2]);
            acks.add(send(row));
        }

        List<Long> published = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                published.add(ids.get(i));
                meters.counter("ocop.events.published", "type", types.get(i)).increment();
            } catch (Exception e) {
                Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
                backOff(ids.get(i), rowAttempts(rows, i), cause);
                break;
            }
        }
        if (!published.isEmpty()) {
            entityManager.createNativeQuery(
                    "update outbox_event set published_at = now(), attempts = attempts + 1, last_error = null where id in (?1)")
                    .unwrap(NativeQuery.class).addSynchronizedQuerySpace("outbox_event") // not the whole second-level cache
                    .setParameter(1, published)
                    .executeUpdate();
        }
        return published.size();
    }

    private CompletableFuture<Void> send(Object[] row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        TraceContext trace = row[11] == null ? null : new TraceContext((String) row[11], (String) row[12]);
        OutgoingCloudEventMetadataBuilder<String> cloudEventBuilder = OutgoingCloudEventMetadata.<String>builder()
                .withId(row[1].toString())
                .withType((String) row[2])
                .withSource(URI.create("/ocop/" + serviceName))
                .withSubject((String) row[5])
                .withDataSchema(URI.create((String) row[6]))
                .withDataContentType("application/json")
                .withTimestamp(toInstant(row[8]).atZone(ZoneOffset.UTC));
        if (trace != null) {
            // CloudEvents' distributed-tracing extension (ce_traceparent): the context in which the event was created
            cloudEventBuilder.withExtension("traceparent", trace.traceParent());
            if (trace.traceState() != null && !trace.traceState().isEmpty()) {
                cloudEventBuilder.withExtension("tracestate", trace.traceState());
            }
        }
        OutgoingCloudEventMetadata<String> cloudEvent = cloudEventBuilder.build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic((String) row[3])
                .withKey((String) row[4])
                .build();
        Message<String> message = Message.of((String) row[7])
                .addMetadata(cloudEvent)
                .addMetadata(kafka)
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        if (trace != null) {
            // The connector's publish span becomes a child of the stored context and its id goes out as traceparent.
            message = message.addMetadata(TracingMetadata.withCurrent(trace.toContext()));
        }
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private int rowAttempts(List<Object[]> rows, int index) {
        return ((Number) rows.get(index)[9]).intValue();
    }

    private void backOff(long id, int attempts, Throwable cause) {
        long delayMillis = Math.min(maxBackoff.toMillis(), 500L << Math.min(attempts, 16));
        LOG.warnf("Outbox event %d not published (attempt %d), retrying in %d ms: %s", id, attempts + 1, delayMillis,
                cause.toString());
        entityManager.createNativeQuery("""
                update outbox_event set attempts = attempts + 1, last_error = ?2,
                       next_attempt_at = now() + (?3 * interval '1 millisecond') where id = ?1""")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("outbox_event")
                .setParameter(1, id)
                .setParameter(2, String.valueOf(cause))
                .setParameter(3, delayMillis)
                .executeUpdate();
    }

    private void measureBacklog() {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "select count(*), min(occurred_at) from outbox_event where published_at is null").getSingleResult();
        backlog.set(((Number) row[0]).longValue());
        oldestPendingAgeSeconds.set(row[1] == null ? 0 : Duration.between(toInstant(row[1]), Instant.now()).toSeconds());
    }

    /** Number of events not yet published (for health checks and operators). */
    public long backlog() {
        return backlog.get();
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
