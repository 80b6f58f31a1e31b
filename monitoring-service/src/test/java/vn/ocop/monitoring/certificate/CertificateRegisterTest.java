package vn.ocop.monitoring.certificate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.ocop.monitoring.MonitoringTestSupport.CENTRAL;
import static vn.ocop.monitoring.MonitoringTestSupport.awaitStatus;
import static vn.ocop.monitoring.MonitoringTestSupport.certificate;
import static vn.ocop.monitoring.MonitoringTestSupport.issue;
import static vn.ocop.monitoring.MonitoringTestSupport.publish;
import static vn.ocop.monitoring.MonitoringTestSupport.today;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.events.registry.ApplicationSubmitted;
import vn.ocop.events.registry.ApplicationWithdrawn;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class CertificateRegisterTest {

    @Test
    void anIssuedCertificateIsInTheRegisterAndVisibleOnlyToItsProvince() {
        CertificateIssued event = issue(certificate("51", 4, today().minusMonths(2)));

        given().auth().oauth2(CENTRAL).get("/api/v1/certificates/" + event.certificateNumber())
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("stars", equalTo(4))
                .body("provinceCode", equalTo("51"))
                .body("validUntil", equalTo(event.validUntil().toString()))
                .body("reRatingWindowOpensOn", equalTo(event.validUntil().minusDays(180).toString()))
                .body("reRatingWindowClosesOn", equalTo(event.validUntil().minusDays(120).toString()));
        given().auth().oauth2(Tokens.provinceOfficer("51")).queryParam("productId", event.productId().toString())
                .get("/api/v1/certificates").then().statusCode(200)
                .body("items.number", contains(event.certificateNumber()));
        given().auth().oauth2(Tokens.provinceOfficer("46")).get("/api/v1/certificates/" + event.certificateNumber())
                .then().statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));
        given().auth().oauth2(Tokens.provinceOfficer("46")).queryParam("productId", event.productId().toString())
                .get("/api/v1/certificates").then().statusCode(200).body("items", empty());
        given().auth().oauth2(Tokens.provinceOfficer("46")).queryParam("province", "51")
                .get("/api/v1/certificates").then().statusCode(403);
        given().auth().oauth2(Tokens.producer(event.producerId())).get("/api/v1/certificates/" + event.certificateNumber())
                .then().statusCode(200);
        given().auth().oauth2(Tokens.producer(UUID.randomUUID())).get("/api/v1/certificates/" + event.certificateNumber())
                .then().statusCode(403);
        given().get("/api/v1/certificates").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(CENTRAL).get("/api/v1/certificates/OCOP-00-1999-none").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aReRatingSupersedesTheOldCertificateWhicheverEventArrivesFirst() {
        UUID productId = UUID.randomUUID();
        UUID producerId = UUID.randomUUID();
        CertificateIssued old = certificate(productId, producerId, "46", 3, today().minusMonths(35), null);
        CertificateIssued renewed = certificate(productId, producerId, "46", 4, today().minusDays(3), old.certificateId());

        // The re-rating's certificate first: the old one must still end up superseded, not active.
        publish(renewed);
        publish(old);

        awaitStatus(renewed.certificateNumber(), "ACTIVE");
        awaitStatus(old.certificateNumber(), "SUPERSEDED");
        given().auth().oauth2(CENTRAL).get("/api/v1/certificates/" + old.certificateNumber()).then()
                .body("supersededById", equalTo(renewed.certificateId().toString()))
                .body("stars", equalTo(3));
        given().auth().oauth2(CENTRAL).queryParam("productId", productId.toString()).queryParam("status", "active")
                .get("/api/v1/certificates").then().statusCode(200)
                .body("items.number", contains(renewed.certificateNumber()));

        // A redelivery of the old certificate's issue under a new event id does not revive it.
        publish(old);
        CertificateIssued marker = issue(certificate("46", 3, today()));
        awaitStatus(marker.certificateNumber(), "ACTIVE");
        awaitStatus(old.certificateNumber(), "SUPERSEDED");
    }

    @Test
    void certificatesInTheReRatingWindowWithoutADossierAreListed() {
        // validUntil = issuedOn + 36 months - 1 day; issued so that 150 days of validity remain.
        CertificateIssued notFiled = issue(certificate("51", 3, today().plusDays(151).minusMonths(36)));
        CertificateIssued filed = issue(certificate("51", 3, today().plusDays(151).minusMonths(36)));
        CertificateIssued withdrawn = issue(certificate("51", 3, today().plusDays(151).minusMonths(36)));
        CertificateIssued soon = issue(certificate("51", 3, today().plusDays(20).minusMonths(36)));
        UUID withdrawnApplication = UUID.randomUUID();
        // Withdrawal before its submission: order across events must not matter.
        publish(new ApplicationWithdrawn(withdrawnApplication, withdrawn.productId(), "thiếu hồ sơ", Instant.now()));
        publish(new ApplicationSubmitted(withdrawnApplication, withdrawn.productId(), withdrawn.productCode(),
                withdrawn.producerId(), "51", 7, "RE_RATING", withdrawn.certificateNumber(), Instant.now()));
        publish(new ApplicationSubmitted(UUID.randomUUID(), filed.productId(), filed.productCode(), filed.producerId(),
                "51", 7, "RE_RATING", filed.certificateNumber(), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.provinceOfficer("51"))
                .queryParam("reRatingDue", "true").queryParam("size", "200").get("/api/v1/certificates")
                .then().statusCode(200)
                .body("items.number", hasItem(notFiled.certificateNumber()))
                .body("items.number", hasItem(withdrawn.certificateNumber()))
                .body("items.number", not(hasItem(filed.certificateNumber())))
                .body("items.number", not(hasItem(soon.certificateNumber()))));

        given().auth().oauth2(CENTRAL).queryParam("productId", soon.productId().toString())
                .queryParam("expiringWithinDays", "30").get("/api/v1/certificates")
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(CENTRAL).queryParam("productId", soon.productId().toString())
                .queryParam("expiringWithinDays", "10").get("/api/v1/certificates")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        given().auth().oauth2(CENTRAL).queryParam("status", "VALID").get("/api/v1/certificates")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        given().auth().oauth2(CENTRAL).queryParam("expiringWithinDays", "soon").get("/api/v1/certificates")
                .then().statusCode(400).body("violations[0].field", equalTo("expiringWithinDays"));
        given().auth().oauth2(CENTRAL).queryParam("reRatingDue", "maybe").get("/api/v1/certificates")
                .then().statusCode(400).body("violations[0].field", equalTo("reRatingDue"));
        given().auth().oauth2(CENTRAL).queryParam("size", "500").get("/api/v1/certificates")
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
    }
}
