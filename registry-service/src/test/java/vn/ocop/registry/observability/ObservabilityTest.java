package vn.ocop.registry.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.product;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import vn.ocop.events.Topics;
import vn.ocop.kafka.KafkaBroker;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.TestBroker;
import vn.ocop.testkit.Tokens;

/** Health probes, /q/metrics and trace propagation through the outbox, as an operator and a tracing backend see them. */
@QuarkusTest
@TestProfile(ObservabilityTest.Traced.class)
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ObservabilityTest {

    private static final String OFFICER = Tokens.provinceOfficer("51");
    /** Generous against the 0.1-0.4 s measured, short of the 8-12 s an idle Kafka client used to wait to reconnect. */
    private static final Duration READY_AFTER_BROKER = Duration.ofSeconds(5);
    /** Health data that must not take the instance out of rotation: broker connectivity, outbox backlog. */
    private static final String WELLNESS = "/q/health/well";

    /** Tracing on (as in prod with OCOP_OTEL_ENDPOINT set), spans dropped: the test reads the ids from the headers. */
    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.exporter", "none");
        }
    }

    @Inject
    EntityManager entityManager;

    @Test
    void aBrokerOutageShowsInHealthDataWhileTheServiceStaysReadyAndLiveAndItIsBackSecondsAfterTheBroker()
            throws Exception {
        KafkaBroker broker = TestBroker.forked().orElseThrow(() -> new org.opentest4j.TestAbortedException("external broker"));
        String producerId = RegistryTestSupport.registerProducer(OFFICER, "HTX Mật ong Ba Tơ", "51");
        awaitHealth(WELLNESS, 200, Duration.ofSeconds(60));
        broker.stopKeepingData();
        String productId;
        try {
            JsonPath well = awaitHealth(WELLNESS, 503, Duration.ofSeconds(60));
            Map<String, Object> brokerCheck = well.getMap("checks.find { it.name == 'Broker connectivity' }");
            assertThat(brokerCheck).containsEntry("status", "DOWN");
            assertThat(brokerCheck.get("data").toString()).contains("[KO]");
            // Readiness depends only on the database: the instance stays in rotation, and is not restarted either.
            RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            // Writes still succeed during the outage; the event waits in the outbox.
            productId = as(OFFICER).body(product(producerId, "Mật ong Ba Tơ")).post("/api/v1/products")
                    .then().statusCode(201).extract().path("id");
            RestAssured.get("/q/health/ready").then().statusCode(200);
        } finally {
            broker.restart(); // returns once the broker serves its topics
        }
        // Reported connected again seconds after the broker, not when each Kafka client's next reconnect attempt comes
        // round: measured 0.1-0.4 s (bench/broker-restart-readiness.sh); with SmallRye's 10 s reconnect backoff, 2-8 s.
        awaitHealth(WELLNESS, 200, READY_AFTER_BROKER);
        String written = productId;
        assertThat(KafkaTestClient.awaitRecords(Topics.REGISTRY, r -> written.equals(r.key()), 1, Duration.ofSeconds(60)))
                .as("the event written during the outage, published once the broker is back").hasSize(1);
    }

    @Test
    void anOutboxThatCannotPublishShowsInHealthDataButKeepsTheServiceReady() {
        awaitHealth(WELLNESS, 200, Duration.ofSeconds(60));
        // An event the relay keeps failing to publish for an hour (it backs off until next_attempt_at).
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into outbox_event (event_id, event_type, topic, message_key, data_schema, payload, occurred_at,
                                          attempts, next_attempt_at, last_error)
                values (gen_random_uuid(), 'ProductRegistered', 'ocop.registry.events', 'stuck-outbox-test',
                        'urn:ocop:events:ProductRegistered:v1', '{}', now() - interval '1 hour', 7,
                        now() + interval '1 hour', 'org.apache.kafka.common.errors.TimeoutException: broker unreachable')""")
                .executeUpdate());
        try {
            JsonPath well = awaitHealth(WELLNESS, 503, Duration.ofSeconds(60));
            Map<String, Object> outbox = well.getMap("checks.find { it.name == 'Outbox backlog' }");
            assertThat(outbox).containsEntry("status", "DOWN");
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) outbox.get("data");
            assertThat(((Number) data.get("backlog")).longValue()).isGreaterThanOrEqualTo(1);
            assertThat(((Number) data.get("oldestPendingAgeSeconds")).longValue()).isGreaterThanOrEqualTo(3600);
            assertThat(data.get("headLastError").toString()).contains("broker unreachable");
            assertThat(data.get("reason").toString()).contains("events are not reaching the broker");
            RestAssured.get("/q/health/ready").then().statusCode(200);
            RestAssured.get("/q/health/live").then().statusCode(200);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "delete from outbox_event where message_key = 'stuck-outbox-test'").executeUpdate());
        }
        awaitHealth(WELLNESS, 200, Duration.ofSeconds(60));
    }

    @Test
    void theTraceOfARequestTravelsThroughTheOutboxIntoTheEventHeaders() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        String producerId = RegistryTestSupport.registerProducer(OFFICER, "HTX Nước mắm Sa Huỳnh", "51");
        String productId = as(OFFICER).header("traceparent", traceparent)
                .body(product(producerId, "Nước mắm Sa Huỳnh")).post("/api/v1/products")
                .then().statusCode(201).extract().path("id");

        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select trace_parent from outbox_event where message_key = ?1").setParameter(1, productId).getSingleResult());
        assertThat(stored).contains(traceId);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords(Topics.REGISTRY,
                r -> productId.equals(r.key()), 1, Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = records.get(0);
        // W3C header of the connector's publish span (same trace, a new span) and the CloudEvents tracing extension.
        assertThat(KafkaTestClient.header(record, "traceparent")).startsWith("00-" + traceId + "-").isNotEqualTo(stored);
        assertThat(KafkaTestClient.header(record, "ce_traceparent")).isEqualTo(stored);
    }

    @Test
    void metricsShowHttpJvmConnectionPoolAndEventCounts() {
        String producerId = RegistryTestSupport.registerProducer(OFFICER, "HTX Quế Trà Bồng", "51");
        String productId = as(OFFICER).body(product(producerId, "Quế Trà Bồng")).post("/api/v1/products")
                .then().statusCode(201).extract().path("id");
        KafkaTestClient.awaitRecords(Topics.REGISTRY, r -> productId.equals(r.key()), 1, Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics)
                    .contains("http_server_requests_seconds_count{")
                    .contains("jvm_memory_used_bytes{")
                    .contains("agroal_active_count")
                    .contains("ocop_outbox_backlog")
                    .contains("ocop_outbox_oldest_pending_age_seconds")
                    .containsPattern("ocop_events_published_total\\{[^}]*type=\"ProductRegistered\"[^}]*\\} [1-9]");
        });
    }

    private static JsonPath awaitHealth(String path, int status, Duration within) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(within).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            var response = RestAssured.get(path);
            last[0] = response.jsonPath();
            assertThat(response.statusCode()).as("%s: %s", path, response.asString()).isEqualTo(status);
        });
        return last[0];
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
