package vn.ocop.monitoring.expiry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.monitoring.MonitoringTestSupport.CENTRAL;
import static vn.ocop.monitoring.MonitoringTestSupport.VIETNAM;
import static vn.ocop.monitoring.MonitoringTestSupport.awaitStatus;
import static vn.ocop.monitoring.MonitoringTestSupport.certificate;
import static vn.ocop.monitoring.MonitoringTestSupport.issue;
import static vn.ocop.monitoring.MonitoringTestSupport.publish;
import static vn.ocop.monitoring.MonitoringTestSupport.published;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.events.registry.ApplicationSubmitted;
import vn.ocop.events.registry.ApplicationWithdrawn;
import vn.ocop.events.Topics;
import vn.ocop.rules.ProgrammeRules;
import vn.ocop.rules.ValidityExtension;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.PrometheusText;

/**
 * The expiry job run at moved clocks. Certificates here lie in a random year of the last century so that a moved
 * clock only reaches them (the other tests' certificates are current).
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class ExpiryJobTest {

    @Inject
    ExpiryJob job;

    @Inject
    EntityManager entityManager;

    static double expiredCertificates() {
        return PrometheusText.sum(given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "ocop_certificates_expired_total");
    }

    @Test
    void theWindowOpensAndClosesAndTheCertificateExpiresEachAnnouncedOnce() {
        CertificateIssued event = issue(certificate("51", 4, randomDay()));
        LocalDate validUntil = event.validUntil();

        job.run(at(validUntil.minusDays(181)));
        job.run(at(validUntil.minusDays(180)));
        job.run(at(validUntil.minusDays(180))); // repeated on the same day
        job.run(at(validUntil.minusDays(150)));
        job.run(at(validUntil.minusDays(120)));
        job.run(at(validUntil));
        given().auth().oauth2(CENTRAL).get("/api/v1/certificates/" + event.certificateNumber())
                .then().body("status", equalTo("ACTIVE")); // valid through its last day
        double expiredBefore = expiredCertificates();
        ExpiryJob.Result expiryDay = job.run(at(validUntil.plusDays(1)));
        // ocop_certificates_expired_total moves by what the run expired (other tests' certificates may expire too)
        assertThat(expiryDay.expired().count()).isPositive();
        assertThat(expiryDay.expired().certificateNumbers()).contains(event.certificateNumber());
        assertThat(expiredCertificates()).isEqualTo(expiredBefore + expiryDay.expired().count());
        job.run(at(validUntil.plusDays(2)));

        given().auth().oauth2(CENTRAL).get("/api/v1/certificates/" + event.certificateNumber())
                .then().statusCode(200)
                .body("status", equalTo("EXPIRED"))
                .body("expiredOn", equalTo(validUntil.plusDays(1).toString()));
        List<ConsumerRecord<String, String>> expiring = published("CertificateExpiring", event.certificateNumber(), 2);
        assertThat(expiring).extracting(ConsumerRecord::value)
                .satisfiesExactly(first -> assertThat(first).contains("\"REVIEW_WINDOW_OPENS\""),
                        second -> assertThat(second).contains("\"REVIEW_WINDOW_CLOSING\""));
        assertThat(expiring).allSatisfy(r -> assertThat(r.key()).isEqualTo(event.productId().toString()));
        List<ConsumerRecord<String, String>> expired = published("CertificateExpired", event.certificateNumber(), 1);
        assertThat(expired).hasSize(1);
        assertThat(expired.get(0).value()).contains("\"validUntil\":\"" + validUntil + "\"");

        // A late duplicate of the issue never revives an expired certificate, and the job does not touch it again.
        publish(event);
        CertificateIssued marker = issue(certificate("51", 3, LocalDate.now(VIETNAM)));
        awaitStatus(marker.certificateNumber(), "ACTIVE");
        awaitStatus(event.certificateNumber(), "EXPIRED");
        job.run(at(validUntil.plusDays(3)));
        assertThat(published("CertificateExpired", event.certificateNumber(), 0)).hasSize(1);
    }

    @Test
    void theClosingReminderIsNotSentWhenAReRatingDossierIsAlreadyFiled() {
        LocalDate issuedOn = randomDay();
        CertificateIssued filed = issue(certificate("51", 4, issuedOn));
        CertificateIssued notFiled = issue(certificate("51", 4, issuedOn));
        CertificateIssued withdrawn = issue(certificate("51", 3, issuedOn));
        LocalDate validUntil = filed.validUntil();
        job.run(at(validUntil.minusDays(180)));

        Instant acceptedAt = validUntil.minusDays(150).atTime(10, 0).atZone(VIETNAM).toInstant();
        publish(new ApplicationSubmitted(UUID.randomUUID(), filed.productId(), filed.productCode(), filed.producerId(), "51",
                7, "RE_RATING", filed.certificateNumber(), acceptedAt));
        // An upgrade dossier is not a re-rating, and a withdrawn re-rating is no longer filed.
        publish(new ApplicationSubmitted(UUID.randomUUID(), notFiled.productId(), notFiled.productCode(),
                notFiled.producerId(), "51", 7, "UPGRADE", notFiled.certificateNumber(), acceptedAt));
        UUID withdrawnDossier = UUID.randomUUID();
        publish(new ApplicationSubmitted(withdrawnDossier, withdrawn.productId(), withdrawn.productCode(),
                withdrawn.producerId(), "51", 7, "RE_RATING", withdrawn.certificateNumber(), acceptedAt));
        publish(new ApplicationWithdrawn(withdrawnDossier, withdrawn.productId(), "Không đủ hồ sơ", acceptedAt.plusSeconds(3600)));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from application where (product_id = ?1 and kind = 'RE_RATING')"
                        + " or (product_id = ?2 and kind = 'UPGRADE') or (product_id = ?3 and kind = 'RE_RATING' and withdrawn)")
                .setParameter(1, filed.productId()).setParameter(2, notFiled.productId()).setParameter(3, withdrawn.productId())
                .getSingleResult()).intValue() == 3));

        ExpiryJob.Result closing = job.run(at(validUntil.minusDays(120)));
        job.run(at(validUntil.minusDays(119)));

        assertThat(closing.windowClosing().count()).isGreaterThanOrEqualTo(2);
        assertThat(published("CertificateExpiring", notFiled.certificateNumber(), 2)).extracting(ConsumerRecord::value)
                .anySatisfy(v -> assertThat(v).contains("\"REVIEW_WINDOW_CLOSING\""));
        assertThat(published("CertificateExpiring", withdrawn.certificateNumber(), 2)).extracting(ConsumerRecord::value)
                .anySatisfy(v -> assertThat(v).contains("\"REVIEW_WINDOW_CLOSING\""));
        assertThat(published("CertificateExpiring", filed.certificateNumber(), 1)).extracting(ConsumerRecord::value)
                .singleElement().satisfies(v -> assertThat(v).contains("\"REVIEW_WINDOW_OPENS\""));
    }

    @Test
    void aReRatingFiledBeforeTheEndKeepsTheCertificateValidUntilDecidedAtMost180DaysPastItsEnd() {
        ValidityExtension shipped = ProgrammeRules.standard().validityExtension(LocalDate.of(2026, 5, 21), LocalDate.of(2026, 6, 30))
                .orElseThrow();
        assertThat(shipped.issuedBefore()).isEqualTo(LocalDate.of(2026, 5, 22));
        assertThat(shipped.maxDaysPastExpiry()).isEqualTo(180);
        // The same rule for the 1900s, where this class's certificates live: test-rules/qd26-in-the-1900s.json.
        LocalDate issuedOn = LocalDate.of(1903, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 365));
        CertificateIssued pending = issue(certificate("51", 4, issuedOn));
        CertificateIssued decided = issue(certificate("51", 4, issuedOn));
        CertificateIssued late = issue(certificate("51", 3, issuedOn));
        LocalDate validUntil = pending.validUntil();
        Instant inTime = validUntil.minusDays(150).atTime(10, 0).atZone(VIETNAM).toInstant();
        for (CertificateIssued c : List.of(pending, decided)) {
            publish(new ApplicationSubmitted(UUID.randomUUID(), c.productId(), c.productCode(), c.producerId(), "51", 7,
                    "RE_RATING", c.certificateNumber(), inTime));
        }
        publish(new ApplicationSubmitted(UUID.randomUUID(), late.productId(), late.productCode(), late.producerId(), "51", 7,
                "RE_RATING", late.certificateNumber(), validUntil.plusDays(3).atTime(10, 0).atZone(VIETNAM).toInstant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from application where product_id in (?1, ?2, ?3) and kind = 'RE_RATING'")
                .setParameter(1, pending.productId()).setParameter(2, decided.productId()).setParameter(3, late.productId())
                .getSingleResult()).intValue() == 3));

        job.run(at(validUntil.plusDays(1)));
        awaitStatus(late.certificateNumber(), "EXPIRED"); // filed after its end: not kept
        awaitStatus(pending.certificateNumber(), "ACTIVE");
        awaitStatus(decided.certificateNumber(), "ACTIVE");
        issue(certificate(decided.productId(), decided.producerId(), "51", 4, validUntil.plusDays(40), decided.certificateId()));
        awaitStatus(decided.certificateNumber(), "SUPERSEDED");
        job.run(at(validUntil.plusDays(100)));
        job.run(at(validUntil.plusDays(180)));
        awaitStatus(pending.certificateNumber(), "ACTIVE"); // still valid on the 180th day past its end
        job.run(at(validUntil.plusDays(181)));
        job.run(at(validUntil.plusDays(182)));

        given().auth().oauth2(CENTRAL).get("/api/v1/certificates/" + pending.certificateNumber()).then().statusCode(200)
                .body("status", equalTo("EXPIRED"))
                .body("expiredOn", equalTo(validUntil.plusDays(181).toString()));
        assertThat(published("CertificateExpired", pending.certificateNumber(), 1)).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"expiredOn\":\"" + validUntil.plusDays(181) + "\""));
        assertThat(published("CertificateExpired", late.certificateNumber(), 1)).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"expiredOn\":\"" + validUntil.plusDays(1) + "\""));
        assertThat(published("CertificateExpired", decided.certificateNumber(), 0)).isEmpty();
    }

    @Test
    void twoReplicasRunningAtOnceAnnounceEachMilestoneOnce() throws Exception {
        LocalDate issuedOn = randomDay();
        List<CertificateIssued> certificates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            certificates.add(issue(certificate(i % 2 == 0 ? "51" : "46", 3, issuedOn.plusDays(i))));
        }
        LocalDate windowOpen = certificates.get(5).validUntil().minusDays(175);
        LocalDate afterExpiry = certificates.get(5).validUntil().plusDays(1);

        List<ExpiryJob.Result> atWindow = concurrently(windowOpen);
        List<ExpiryJob.Result> atExpiry = concurrently(afterExpiry);

        assertThat(atWindow.stream().mapToInt(r -> r.windowOpened().count()).sum()).isGreaterThanOrEqualTo(6);
        assertThat(atExpiry.stream().mapToInt(r -> r.expired().count()).sum()).isGreaterThanOrEqualTo(6);
        // Read the topic once for all six: every certificate has exactly one expiry and one window-opening event.
        java.util.Set<String> subjects = certificates.stream().map(c -> "certificate/" + c.certificateNumber())
                .collect(java.util.stream.Collectors.toSet());
        java.util.function.Predicate<ConsumerRecord<String, String>> ours =
                r -> subjects.contains(KafkaTestClient.header(r, "ce_subject"));
        KafkaTestClient.awaitRecords(Topics.MONITORING, ours, 12, java.time.Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> events = KafkaTestClient.readAll(Topics.MONITORING, ours);
        for (CertificateIssued c : certificates) {
            List<String> types = events.stream()
                    .filter(r -> ("certificate/" + c.certificateNumber()).equals(KafkaTestClient.header(r, "ce_subject")))
                    // The window had closed long before the expiry run: no stale "closing" reminder.
                    .map(r -> KafkaTestClient.header(r, "ce_type") + (r.value().contains("REVIEW_WINDOW_OPENS") ? ":OPENS" : ""))
                    .sorted().toList();
            assertThat(types).as(c.certificateNumber()).containsExactly("CertificateExpired", "CertificateExpiring:OPENS");
            awaitStatus(c.certificateNumber(), "EXPIRED");
        }
    }

    private List<ExpiryJob.Result> concurrently(LocalDate day) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<ExpiryJob.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return job.run(at(day));
            }));
        }
        List<ExpiryJob.Result> results = new ArrayList<>();
        for (CompletableFuture<ExpiryJob.Result> run : runs) {
            results.add(run.get());
        }
        return results;
    }

    private static Clock at(LocalDate day) {
        return Clock.fixed(day.atTime(9, 0).atZone(VIETNAM).toInstant(), VIETNAM);
    }

    private static LocalDate randomDay() {
        return LocalDate.of(ThreadLocalRandom.current().nextInt(1900, 1990), 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(0, 365));
    }
}
