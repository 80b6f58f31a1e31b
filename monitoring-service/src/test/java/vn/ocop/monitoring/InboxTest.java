package vn.ocop.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import vn.ocop.events.Topics;
import vn.ocop.events.registry.ProducerRegistered;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** The idempotent inbox and the dead-letter topic, through the real broker. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class InboxTest {

    private static final String CENTRAL = Tokens.centralOfficer();

    @Test
    void anEventDeliveredTwiceHasOneEffect() {
        // A month of its own, so the figure counts only this test's events.
        Instant registeredAt = uniqueMonth();
        ProductRegistered event = product(UUID.randomUUID(), registeredAt);
        String eventId = UUID.randomUUID().toString();
        double duplicatesBefore = consumedCounter("duplicate");

        KafkaTestClient.publish(event, eventId);
        KafkaTestClient.publish(event, eventId);

        awaitProduct(event.productId());
        await().atMost(Duration.ofSeconds(30)).until(() -> consumedCounter("duplicate") > duplicatesBefore);
        given().queryParam("province", "51").get("/api/v1/statistics/registrations")
                .then().statusCode(200)
                .body("months.find { it.month == '" + month(registeredAt) + "' }.products", equalTo(1));
    }

    @Test
    void aMalformedEventIsDeadLetteredWithItsErrorAndTheNextEventStillFlows() {
        String key = UUID.randomUUID().toString();
        String poisonId = UUID.randomUUID().toString();
        KafkaTestClient.send(Topics.REGISTRY, key, "{\"productId\": \"not-a-uuid\"",
                KafkaTestClient.cloudEventHeaders(poisonId, "ProductRegistered", "/ocop/registry"));
        // Same key, so the same partition: it can only be applied if the poison did not block the partition.
        ProductRegistered next = product(UUID.fromString(key), Instant.now());
        KafkaTestClient.publish(next, UUID.randomUUID().toString());

        List<ConsumerRecord<String, String>> deadLetters = KafkaTestClient.awaitRecords(Topics.deadLetter("monitoring"),
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(deadLetters).hasSize(1);
        assertThat(KafkaTestClient.header(deadLetters.get(0), "dead-letter-reason")).contains("ProductRegistered payload is malformed");
        assertThat(KafkaTestClient.header(deadLetters.get(0), "dead-letter-topic")).isEqualTo(Topics.REGISTRY);
        assertThat(deadLetters.get(0).value()).isEqualTo("{\"productId\": \"not-a-uuid\"");
        awaitProduct(next.productId());
    }

    @Test
    void aMessageWithoutCloudEventsHeadersIsDeadLettered() {
        String key = UUID.randomUUID().toString();
        KafkaTestClient.send(Topics.REGISTRY, key, "{}", Map.of());

        List<ConsumerRecord<String, String>> deadLetters = KafkaTestClient.awaitRecords(Topics.deadLetter("monitoring"),
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(deadLetters.get(0), "dead-letter-reason")).contains("CloudEvents");
    }

    @Test
    void producerFiguresCountWomenAndEthnicMinorityRepresentatives() {
        Instant registeredAt = uniqueMonth();
        KafkaTestClient.publish(new ProducerRegistered(UUID.randomUUID(), "HTX A", "COOPERATIVE", "4300000001", "46", null,
                "FEMALE", true, registeredAt), UUID.randomUUID().toString());
        KafkaTestClient.publish(new ProducerRegistered(UUID.randomUUID(), "Hộ B", "HOUSEHOLD", "4300000002", "46", null,
                "MALE", false, registeredAt), UUID.randomUUID().toString());

        String path = "months.find { it.month == '" + month(registeredAt) + "' }";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("province", "46")
                .get("/api/v1/statistics/registrations").then().statusCode(200)
                .body(path + ".producers", equalTo(2))
                .body(path + ".womenLedProducers", equalTo(1))
                .body(path + ".ethnicMinorityLedProducers", equalTo(1)));
        // National figures (no province) include this province's.
        given().get("/api/v1/statistics/registrations").then().statusCode(200)
                .body(path + ".producers", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        given().queryParam("province", "Huế").get("/api/v1/statistics/registrations")
                .then().statusCode(400).body("violations[0].field", equalTo("province"));
    }

    private static void awaitProduct(UUID productId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(CENTRAL)
                .get("/api/v1/products/" + productId).then().statusCode(200).body("id", equalTo(productId.toString())));
    }

    private static double consumedCounter(String outcome) {
        String metrics = RestAssured.get("/q/metrics").asString();
        return metrics.lines()
                .filter(l -> l.startsWith("ocop_events_consumed_total{") && l.contains("outcome=\"" + outcome + "\"")
                        && l.contains("type=\"ProductRegistered\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static ProductRegistered product(UUID productId, Instant registeredAt) {
        return new ProductRegistered(productId, "51-21040-" + ThreadLocalRandom.current().nextInt(1000, 9999) + "-2026",
                "Tỏi Lý Sơn", 10, UUID.randomUUID(), "51", "21040", registeredAt);
    }

    private static Instant uniqueMonth() {
        return LocalDateTime.of(ThreadLocalRandom.current().nextInt(1900, 2000), ThreadLocalRandom.current().nextInt(1, 13), 15, 12, 0)
                .toInstant(ZoneOffset.UTC);
    }

    private static String month(Instant at) {
        return java.time.YearMonth.from(at.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).toString();
    }
}
