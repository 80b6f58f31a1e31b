package vn.ocop.monitoring.rebuild;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import vn.ocop.events.EventJson;
import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.MalformedEventException;
import vn.ocop.events.Topics;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;
import vn.ocop.platform.problem.ApiException;

/**
 * Rebuilds every event-fed table from the topics: empties them and {@code processed_event}, then reads the topics
 * this service consumes, and its own topic (its revocations and expiries are facts of the register too), from the
 * earliest offset through the same handlers and the same "once per event id" rule as the live inbox. Events the live
 * inbox would dead-letter (unreadable, rejected by a handler) are skipped and counted.
 *
 * <p>What this service decided itself (revocation decisions, inspections, complaints, target versions) and the
 * expiry job's memory of the milestones it announced are not projections and are kept. The live inbox keeps
 * running: an event it applies during the rebuild is recorded once, by whichever side gets there first.
 */
@ApplicationScoped
public class ProjectionRebuild {
    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);

    /** The tables filled only from consumed events. */
    static final List<String> PROJECTIONS = List.of("product", "producer", "registration_figure", "certificate",
            "application", "listing", "point_of_sale", "lapsed_scan_day", "processed_event");

    public record Result(Map<String, Long> readByTopic, long applied, long duplicates, long ignored, long rejected,
                         Instant startedAt, Instant finishedAt) {
    }

    @Inject
    Instance<EventHandler<?>> handlerBeans;

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog audit;

    /** Every {@code kafka.*} setting (address, and the service's login: the broker checks its ACLs here too). */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "mp.messaging.incoming.events-in.topics")
    List<String> consumedTopics;

    private final Map<String, EventHandler<?>> handlers = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void indexHandlers() {
        for (EventHandler<?> handler : handlerBeans) {
            handlers.put(handler.eventClass().getSimpleName(), handler);
        }
    }

    /** Runs one rebuild; a second request while one runs is refused (409 REBUILD_RUNNING). */
    public Result rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw ApiException.conflict("REBUILD_RUNNING", "A rebuild of the projections is already running");
        }
        try {
            Instant started = Instant.now();
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("truncate table " + String.join(", ", PROJECTIONS)).executeUpdate();
                audit.record("projections.cleared", "projection", "monitoring", null, Map.of("tables", PROJECTIONS));
            });
            List<String> topics = new ArrayList<>(consumedTopics);
            if (!topics.contains(Topics.MONITORING)) {
                topics.add(Topics.MONITORING); // own facts last: they always follow the facts they are about
            }
            Counts counts = new Counts();
            try (KafkaConsumer<String, String> consumer = consumer()) {
                for (String topic : topics) {
                    counts.byTopic.put(topic, replay(consumer, topic, counts));
                }
            }
            Result result = new Result(counts.byTopic, counts.applied, counts.duplicates, counts.ignored, counts.rejected,
                    started, Instant.now());
            QuarkusTransaction.requiringNew().run(() -> audit.record("projections.rebuilt", "projection", "monitoring", null, result));
            LOG.infof("Projections rebuilt from %s: %d applied, %d duplicates, %d ignored, %d rejected", counts.byTopic,
                    counts.applied, counts.duplicates, counts.ignored, counts.rejected);
            return result;
        } finally {
            running.set(false);
        }
    }

    private static final class Counts {
        final Map<String, Long> byTopic = new LinkedHashMap<>();
        long applied;
        long duplicates;
        long ignored;
        long rejected;
    }

    /** Reads one topic from its beginning up to the end offsets seen now; returns how many records were read. */
    private long replay(KafkaConsumer<String, String> consumer, String topic, Counts counts) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        long read = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue; // arrived after the rebuild started: the live inbox handles it
                }
                read++;
                apply(record, counts);
            }
        }
        return read;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void apply(ConsumerRecord<String, String> record, Counts counts) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        EventHandler handler = type == null ? null : handlers.get(type);
        if (id == null || handler == null) {
            counts.ignored++;
            return;
        }
        try {
            IntegrationEvent event = EventJson.read(record.value(), handler.eventClass());
            String time = header(record, "ce_time");
            EventContext context = new EventContext(id, type, header(record, "ce_source"), header(record, "ce_subject"),
                    time == null ? Instant.now() : OffsetDateTime.parse(time).toInstant());
            boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                int inserted = entityManager.createNativeQuery(
                        "insert into processed_event (event_id, event_type, source) values (?1, ?2, ?3) on conflict do nothing")
                        .setParameter(1, id).setParameter(2, type).setParameter(3, context.source()).executeUpdate();
                if (inserted == 0) {
                    return false;
                }
                handler.handle(event, context);
                return true;
            });
            if (applied) {
                counts.applied++;
            } else {
                counts.duplicates++;
            }
        } catch (MalformedEventException | IllegalArgumentException | IllegalStateException rejected) {
            // The live inbox dead-letters these; the rebuild leaves them out the same way.
            counts.rejected++;
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.putAll(kafkaConfig);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        // No group: partitions are assigned by hand and no offset is committed, so the live consumer group is untouched.
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
