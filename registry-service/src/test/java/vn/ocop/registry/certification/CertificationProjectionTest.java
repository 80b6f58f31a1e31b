package vn.ocop.registry.certification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.product;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.events.evaluation.ProductRated;
import vn.ocop.events.monitoring.CertificateExpired;
import vn.ocop.events.monitoring.CertificateRevoked;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;
import vn.ocop.platform.time.VietnamTime;

/** The certification shown on product reads and by public verification, fed through the real broker. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class CertificationProjectionTest {

    private static final String OFFICER = Tokens.provinceOfficer("51");
    private static final LocalDate TODAY = LocalDate.now(VietnamTime.ZONE);

    @Test
    void anIssuedCertificateAndTheLatestRatingShowOnTheProductAndRedeliveryChangesNothing() {
        UUID productId = registerProduct("Tỏi Lý Sơn");
        String number = "QN-" + UUID.randomUUID();
        CertificateIssued issued = issued(UUID.randomUUID(), number, productId, 4, TODAY.minusMonths(2), null);
        String eventId = UUID.randomUUID().toString();

        KafkaTestClient.publish(rated(productId, "78.50", 4, Instant.parse("2026-01-10T03:00:00Z")), UUID.randomUUID().toString());
        KafkaTestClient.publish(issued, eventId);
        KafkaTestClient.publish(issued, eventId); // redelivery with the same CloudEvents id
        KafkaTestClient.publish(issued, UUID.randomUUID().toString()); // the same fact republished under a new id
        // An older council result arriving late must not replace the newer one.
        KafkaTestClient.publish(rated(productId, "55.00", 3, Instant.parse("2025-06-01T03:00:00Z")), UUID.randomUUID().toString());

        JsonPath product = awaitProduct(productId, p -> "ACTIVE".equals(p.getString("certification.status"))
                && p.get("certification.lastScore") != null);
        assertThat(product.getInt("certification.stars")).isEqualTo(4);
        assertThat(product.getString("certification.certificateNumber")).isEqualTo(number);
        assertThat(product.getString("certification.validUntil")).isEqualTo(issued.validUntil().toString());
        // Give the late, older result time to be consumed: it must not win.
        sleep(2_000);
        product = as(OFFICER).get("/api/v1/products/" + productId).then().statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(product.getString("certification.lastScore"))).isEqualByComparingTo("78.50");
        assertThat(product.getInt("certification.lastRatedStars")).isEqualTo(4);

        given().get("/api/v1/public/certificates/" + number).then().statusCode(200)
                .body("status", equalTo("VALID")).body("stars", equalTo(4)).body("productName", equalTo("Tỏi Lý Sơn"))
                .body("revocationGround", nullValue());
    }

    @Test
    void aRevocationArrivingBeforeItsIssueStillEndsRevokedAndALateIssueNeverRevivesIt() {
        UUID productId = registerProduct("Mạch nha Thi Phổ");
        UUID certificateId = UUID.randomUUID();
        String number = "QN-" + UUID.randomUUID();
        String ground = "(b) Không còn đáp ứng tiêu chí theo kết luận kiểm tra";

        KafkaTestClient.publish(new CertificateRevoked(certificateId, number, productId, "51", ground, "45/QĐ-UBND",
                TODAY.minusDays(3), Instant.now()), UUID.randomUUID().toString());
        awaitVerification(number, "REVOKED");

        CertificateIssued late = issued(certificateId, number, productId, 3, TODAY.minusYears(1), null);
        KafkaTestClient.publish(late, UUID.randomUUID().toString());
        JsonPath product = awaitProduct(productId, p -> Integer.valueOf(3).equals(p.get("certification.stars")));
        assertThat(product.getString("certification.status")).isEqualTo("REVOKED");

        given().get("/api/v1/public/certificates/" + number).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revocationGround", equalTo(ground))
                .body("revocationDecision", equalTo("45/QĐ-UBND")).body("revokedOn", equalTo(TODAY.minusDays(3).toString()))
                .body("issuedOn", equalTo(late.issuedOn().toString()));
    }

    @Test
    void aReRatingSupersedesTheOldCertificateEvenWhenTheNewOneArrivesFirst() {
        UUID productId = registerProduct("Gạo ST25");
        UUID oldId = UUID.randomUUID();
        String oldNumber = "ST-" + UUID.randomUUID();
        String newNumber = "ST-" + UUID.randomUUID();
        CertificateIssued renewal = issued(UUID.randomUUID(), newNumber, productId, 5, TODAY.minusDays(10), oldId);
        CertificateIssued original = issued(oldId, oldNumber, productId, 4, TODAY.minusMonths(35), null);

        KafkaTestClient.publish(renewal, UUID.randomUUID().toString());
        awaitVerification(newNumber, "VALID");
        // The old certificate is known so far only as "superseded"; the product already shows the renewal.
        as(OFFICER).get("/api/v1/products/" + productId).then().statusCode(200)
                .body("certification.certificateNumber", equalTo(newNumber)).body("certification.status", equalTo("ACTIVE"));
        KafkaTestClient.publish(original, UUID.randomUUID().toString());

        awaitVerification(oldNumber, "SUPERSEDED");
        given().get("/api/v1/public/certificates/" + oldNumber).then()
                .body("supersededBy", equalTo(newNumber)).body("stars", equalTo(4));
        JsonPath product = as(OFFICER).get("/api/v1/products/" + productId).then().statusCode(200).extract().jsonPath();
        assertThat(product.getString("certification.certificateNumber")).isEqualTo(newNumber);
        assertThat(product.getInt("certification.stars")).isEqualTo(5);
        assertThat(product.getString("certification.status")).isEqualTo("ACTIVE");
    }

    @Test
    void aLaterIssueDateSupersedesWithoutAnExplicitLinkButAnExpiredCertificateStaysExpired() {
        UUID productId = registerProduct("Chè Tân Cương");
        String first = "TN-" + UUID.randomUUID();
        String second = "TN-" + UUID.randomUUID();
        UUID expiredId = UUID.randomUUID();
        String expired = "TN-" + UUID.randomUUID();

        // An old certificate that monitoring already expired; its CertificateIssued comes afterwards.
        CertificateIssued old = issued(expiredId, expired, productId, 3, TODAY.minusMonths(40), null);
        KafkaTestClient.publish(new CertificateExpired(expiredId, expired, productId, "51", old.validUntil(), Instant.now()),
                UUID.randomUUID().toString());
        awaitVerification(expired, "EXPIRED");
        KafkaTestClient.publish(old, UUID.randomUUID().toString());

        KafkaTestClient.publish(issued(UUID.randomUUID(), first, productId, 3, TODAY.minusMonths(20), null), UUID.randomUUID().toString());
        awaitVerification(first, "VALID");
        KafkaTestClient.publish(issued(UUID.randomUUID(), second, productId, 4, TODAY.minusDays(1), null), UUID.randomUUID().toString());

        awaitVerification(first, "SUPERSEDED");
        given().get("/api/v1/public/certificates/" + expired).then().body("status", equalTo("EXPIRED")).body("stars", equalTo(3));
        given().get("/api/v1/public/certificates/" + second).then().body("status", equalTo("VALID"));
        as(OFFICER).get("/api/v1/products/" + productId).then().statusCode(200)
                .body("certification.certificateNumber", equalTo(second)).body("certification.stars", equalTo(4));
    }

    @Test
    void aCertificatePastItsValidityReadsExpiredAndUnknownNumbersAreNotFoundProblems() {
        UUID productId = registerProduct("Vải thiều Lục Ngạn");
        String number = "BN-" + UUID.randomUUID();
        KafkaTestClient.publish(issued(UUID.randomUUID(), number, productId, 4, TODAY.minusMonths(37), null),
                UUID.randomUUID().toString());
        awaitVerification(number, "EXPIRED");
        as(OFFICER).get("/api/v1/products/" + productId).then().body("certification.status", equalTo("EXPIRED"));

        given().get("/api/v1/public/certificates/NO-SUCH-NUMBER").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("CERTIFICATE_NOT_FOUND"));
        String uncertified = registerProduct("Chưa chứng nhận").toString();
        as(OFFICER).get("/api/v1/products/" + uncertified).then().statusCode(200)
                .body("certification.status", equalTo("NONE")).body("certification.stars", nullValue());
    }

    private static UUID registerProduct(String name) {
        String producerId = RegistryTestSupport.registerProducer(OFFICER, "HTX " + name, "51");
        return UUID.fromString(as(OFFICER).body(product(producerId, name)).post("/api/v1/products")
                .then().statusCode(201).extract().path("id"));
    }

    private static CertificateIssued issued(UUID id, String number, UUID productId, int stars, LocalDate issuedOn, UUID supersedes) {
        return new CertificateIssued(id, number, productId, "51-21040-1-2026", UUID.randomUUID(), "51", stars, issuedOn,
                issuedOn.plusMonths(36).minusDays(1), "QD26-2026", UUID.randomUUID(), "100/QĐ-UBND", supersedes,
                issuedOn.atStartOfDay(VietnamTime.ZONE).toInstant());
    }

    private static ProductRated rated(UUID productId, String score, int stars, Instant at) {
        return new ProductRated(UUID.randomUUID(), productId, "51-21040-1-2026", "51", "PROVINCE", "QD26-2026",
                new BigDecimal(score), stars, stars, stars, "RECOGNISED", at);
    }

    private static void awaitVerification(String number, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().get("/api/v1/public/certificates/" + number);
            return response.statusCode() == 200 && status.equals(response.jsonPath().getString("status"));
        });
    }

    private static JsonPath awaitProduct(UUID productId, java.util.function.Predicate<JsonPath> condition) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = as(OFFICER).get("/api/v1/products/" + productId).then().statusCode(200).extract().jsonPath();
            return condition.test(last[0]);
        });
        return last[0];
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
