package vn.ocop.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import vn.ocop.events.EventJson;
import vn.ocop.events.EventType;
import vn.ocop.events.IntegrationEvent;

/** Reads and writes raw records on the test broker, to assert what a service really put on (or took off) a topic. */
public final class KafkaTestClient {
    private KafkaTestClient() {
    }

    /** Reads the topic from the beginning until {@code count} records match or the timeout passes; returns the matches. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                                    int count, Duration timeout) {
        Properties props = new Properties();
        props.putAll(LocalKafka.superUserLogin());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> matches = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (matches.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        matches.add(record);
                    }
                }
            }
        }
        return matches;
    }

    /** Every matching record currently on the topic (reads until no new record arrives for a second). */
    public static List<ConsumerRecord<String, String>> readAll(String topic, Predicate<ConsumerRecord<String, String>> match) {
        return awaitRecords(topic, match, Integer.MAX_VALUE, Duration.ofSeconds(3));
    }

    /** Sends a raw record, e.g. a malformed event, with the given headers, as the broker's super user. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        try {
            sendAs(LocalKafka.superUserLogin(), topic, key, value, headers);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send a test record to " + topic, e);
        }
    }

    /**
     * Sends a raw record logged in with {@code login} (Kafka client security properties, see {@link LocalKafka}),
     * and waits for the broker's answer: throws what the broker refused (e.g. an {@code ExecutionException} caused
     * by a {@code TopicAuthorizationException}).
     */
    public static void sendAs(Map<String, String> login, String topic, String key, String value, Map<String, String> headers)
            throws Exception {
        Properties props = new Properties();
        props.putAll(login);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(20, TimeUnit.SECONDS);
        }
    }

    /** The CloudEvents headers of a well-formed event, for tests that publish events themselves. */
    public static Map<String, String> cloudEventHeaders(String id, String type, String source) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", source,
                "content-type", "application/json");
    }

    /**
     * Publishes an event as its emitting service would (topic, key and CloudEvents headers from the catalogue), so a
     * consumer can be tested alone. Re-using an {@code eventId} simulates a redelivery.
     */
    public static void publish(IntegrationEvent event, String eventId) {
        EventType type = EventType.of(event);
        java.util.Map<String, String> headers = new java.util.HashMap<>(cloudEventHeaders(eventId, type.eventName(), "/ocop/test"));
        headers.put("ce_dataschema", type.dataSchema().toString());
        send(type.topic(), event.aggregateKey(), EventJson.write(event), headers);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
