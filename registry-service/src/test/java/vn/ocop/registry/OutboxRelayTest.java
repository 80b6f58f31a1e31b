package vn.ocop.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.product;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import vn.ocop.events.Topics;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.kafka.KafkaBroker;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.outbox.OutboxRelay;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.TestBroker;
import vn.ocop.testkit.Tokens;

@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class OutboxRelayTest {

    private static final String OFFICER = Tokens.provinceOfficer("51");

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @Test
    void aRegisteredProductIsPublishedAsACloudEventKeyedByProduct() {
        String producerId = RegistryTestSupport.registerProducer(OFFICER, "HTX Tỏi Lý Sơn", "51");
        String productId = as(OFFICER).body(product(producerId, "Tỏi Lý Sơn")).post("/api/v1/products")
                .then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords(Topics.REGISTRY,
                r -> productId.equals(r.key()), 1, Duration.ofSeconds(30));

        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("ProductRegistered");
        assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("/ocop/registry");
        assertThat(KafkaTestClient.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaTestClient.header(record, "ce_id")).isNotBlank();
        assertThat(KafkaTestClient.header(record, "ce_subject")).startsWith("product/51-21040-");
        assertThat(KafkaTestClient.header(record, "ce_dataschema")).isEqualTo("urn:ocop:events:ProductRegistered:v1");
        assertThat(KafkaTestClient.header(record, "content-type")).isEqualTo("application/json");
        assertThat(record.value()).contains("\"name\":\"Tỏi Lý Sơn\"").contains("\"producerId\":\"" + producerId + "\"");
    }

    /**
     * The one-publisher rule: while another replica's relay holds the publisher lock (here a session of this test),
     * this relay claims and sends nothing, so two replicas never send one key's events out of order; once the lock is
     * free the event goes out.
     */
    @Test
    void noEventIsSentWhileAnotherReplicaHoldsThePublisherLock() throws Exception {
        ProductRegistered event = sample();
        try (Connection otherReplica = dataSource.getConnection(); Statement sql = otherReplica.createStatement()) {
            sql.execute("select pg_advisory_lock(hashtext('ocop.outbox.relay'))");
            QuarkusTransaction.requiringNew().run(() -> outbox.append(event));

            assertThat(relay.publishPending()).isZero();
            assertThat(pendingFor(event.aggregateKey())).isEqualTo(1);
            assertThat(KafkaTestClient.readAll(Topics.REGISTRY, r -> event.aggregateKey().equals(r.key()))).isEmpty();

            sql.execute("select pg_advisory_unlock(hashtext('ocop.outbox.relay'))");
        }
        relay.publishPending();
        assertThat(KafkaTestClient.awaitRecords(Topics.REGISTRY, r -> event.aggregateKey().equals(r.key()), 1,
                Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void anEventIsPublishedOnlyIfItsTransactionCommits() {
        ProductRegistered rolledBack = sample();
        ProductRegistered committed = sample();

        QuarkusTransaction.begin();
        outbox.append(rolledBack);
        QuarkusTransaction.rollback();
        QuarkusTransaction.requiringNew().run(() -> outbox.append(committed));

        // The relay publishes in insertion order, so once the later event is on the topic the earlier would be too.
        assertThat(KafkaTestClient.awaitRecords(Topics.REGISTRY, r -> committed.aggregateKey().equals(r.key()), 1,
                Duration.ofSeconds(30))).hasSize(1);
        assertThat(KafkaTestClient.readAll(Topics.REGISTRY, r -> rolledBack.aggregateKey().equals(r.key()))).isEmpty();
        assertThat(pendingFor(rolledBack.aggregateKey())).isZero();
    }

    @Test
    void aBrokerOutageDelaysEventsButLosesNone() throws Exception {
        KafkaBroker broker = TestBroker.forked().orElseThrow(() -> new org.opentest4j.TestAbortedException("external broker"));
        String producerId = RegistryTestSupport.registerProducer(OFFICER, "HTX Mạch nha Quảng Ngãi", "51");
        List<String> productIds = new ArrayList<>();

        broker.stopKeepingData();
        try {
            for (int i = 0; i < 5; i++) {
                productIds.add(as(OFFICER).body(product(producerId, "Mạch nha " + i)).post("/api/v1/products")
                        .then().statusCode(201).extract().path("id"));
            }
            Thread.sleep(1_500); // give the relay time to try and fail
            assertThat(productIds).allSatisfy(id -> assertThat(pendingFor(id)).isEqualTo(1));
            String backlogGauge = "(?s).*ocop_outbox_backlog(\\{[^}]*\\})? [1-9].*";
            Instant until = Instant.now().plusSeconds(20);
            while (!RestAssured.get("/q/metrics").asString().matches(backlogGauge) && Instant.now().isBefore(until)) {
                Thread.sleep(250);
            }
            assertThat(RestAssured.get("/q/metrics").then().statusCode(200).extract().asString()).matches(backlogGauge);
        } finally {
            broker.restart();
        }

        Set<String> expected = Set.copyOf(productIds);
        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords(Topics.REGISTRY,
                r -> expected.contains(r.key()), expected.size(), Duration.ofSeconds(60));
        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(expected);
        Instant deadline = Instant.now().plusSeconds(10);
        while (productIds.stream().anyMatch(id -> pendingFor(id) > 0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(productIds).allSatisfy(id -> assertThat(pendingFor(id)).isZero());
    }

    /**
     * Two replicas' relays (here: two threads draining besides this JVM's own woken relay, each on its own connection
     * and transactions) race while events are appended: every event still reaches the topic once, in order per key.
     */
    @Test
    void relaysOfTwoReplicasRacingPublishEachEventOnceInOrderPerKey() throws Exception {
        int keys = 3;
        int perKey = 40;
        List<UUID> products = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            products.add(UUID.randomUUID());
        }
        ExecutorService pool = Executors.newFixedThreadPool(keys + 2);
        AtomicBoolean appending = new AtomicBoolean(true);
        try {
            List<Future<?>> appenders = new ArrayList<>();
            for (UUID product : products) {
                appenders.add(pool.submit(() -> {
                    for (int i = 0; i < perKey; i++) {
                        ProductRegistered event = numbered(product, i);
                        QuarkusTransaction.requiringNew().run(() -> outbox.append(event));
                    }
                }));
            }
            List<Future<Integer>> replicas = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                replicas.add(pool.submit(() -> {
                    int published = 0;
                    while (appending.get()) {
                        published += relay.publishPending();
                    }
                    return published + relay.publishPending();
                }));
            }
            for (Future<?> appender : appenders) {
                appender.get(60, TimeUnit.SECONDS);
            }
            appending.set(false);
            for (Future<Integer> replica : replicas) {
                replica.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Set<String> expectedKeys = products.stream().map(UUID::toString).collect(Collectors.toSet());
        KafkaTestClient.awaitRecords(Topics.REGISTRY, r -> expectedKeys.contains(r.key()), keys * perKey,
                Duration.ofSeconds(60));
        List<ConsumerRecord<String, String>> all = KafkaTestClient.readAll(Topics.REGISTRY, r -> expectedKeys.contains(r.key()));
        assertThat(all).hasSize(keys * perKey);
        assertThat(all.stream().map(r -> KafkaTestClient.header(r, "ce_id")).distinct()).hasSize(keys * perKey);
        for (UUID product : products) {
            List<String> names = all.stream().filter(r -> product.toString().equals(r.key()))
                    .map(r -> r.value().replaceAll(".*\"name\":\"(seq-\\d+)\".*", "$1")).toList();
            assertThat(names).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, perKey).mapToObj(i -> "seq-" + i).toList());
        }
        assertThat(products).allSatisfy(p -> assertThat(pendingFor(p.toString())).isZero());
    }

    private long pendingFor(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox_event where message_key = ?1 and published_at is null")
                .setParameter(1, key).getSingleResult()).longValue());
    }

    private static ProductRegistered numbered(UUID productId, int sequence) {
        return new ProductRegistered(productId, "51-21898-998-2026", "seq-" + sequence, 10, UUID.randomUUID(), "51",
                "21898", Instant.now());
    }

    private static ProductRegistered sample() {
        return new ProductRegistered(UUID.randomUUID(), "51-21040-999-2026", "Thử nghiệm", 10, UUID.randomUUID(), "51",
                "21040", Instant.now());
    }
}
