package vn.ocop.monitoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import vn.ocop.events.Topics;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.Tokens;

/** Builds events as evaluation and registry would send them, and reads the register and the monitoring topic. */
public final class MonitoringTestSupport {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final String CENTRAL = Tokens.centralOfficer();

    private MonitoringTestSupport() {
    }

    public static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    /** A certificate valid 36 months from {@code issuedOn}, for a new product. */
    public static CertificateIssued certificate(String province, int stars, LocalDate issuedOn) {
        return certificate(UUID.randomUUID(), UUID.randomUUID(), province, stars, issuedOn, null);
    }

    public static CertificateIssued certificate(UUID productId, UUID producerId, String province, int stars,
                                                LocalDate issuedOn, UUID supersedes) {
        String authority = stars == 5 ? "TW" : province;
        String number = "OCOP-" + authority + "-" + issuedOn.getYear() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new CertificateIssued(UUID.randomUUID(), number, productId,
                province + "-21040-" + UUID.randomUUID().toString().substring(0, 4) + "-" + issuedOn.getYear(), producerId,
                province, stars, issuedOn, issuedOn.plusMonths(36).minusDays(1), "QD26-2026", UUID.randomUUID(),
                "123/QĐ-UBND", supersedes, Instant.now());
    }

    public static void publish(Object event) {
        KafkaTestClient.publish((vn.ocop.events.IntegrationEvent) event, UUID.randomUUID().toString());
    }

    /** Publishes and waits until the register shows the certificate. */
    public static CertificateIssued issue(CertificateIssued event) {
        publish(event);
        awaitStatus(event.certificateNumber(), "ACTIVE");
        return event;
    }

    public static void awaitStatus(String number, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(CENTRAL)
                .get("/api/v1/certificates/" + number).then().statusCode(200).body("status", equalTo(status)));
    }

    /** Events this service published about one certificate, of one CloudEvents type (waits for {@code expected}, then 3 s more for extras). */
    public static List<ConsumerRecord<String, String>> published(String type, String number, int expected) {
        java.util.function.Predicate<ConsumerRecord<String, String>> match = r -> type.equals(KafkaTestClient.header(r, "ce_type"))
                && ("certificate/" + number).equals(KafkaTestClient.header(r, "ce_subject"));
        if (expected > 0) {
            KafkaTestClient.awaitRecords(Topics.MONITORING, match, expected, Duration.ofSeconds(30));
        }
        return KafkaTestClient.readAll(Topics.MONITORING, match);
    }
}
