package vn.ocop.market;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.market.MarketFixtures.awaitCertificate;
import static vn.ocop.market.MarketFixtures.expired;
import static vn.ocop.market.MarketFixtures.issued;
import static vn.ocop.market.MarketFixtures.registeredProduct;
import static vn.ocop.market.MarketFixtures.revoked;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.market.MarketFixtures.TestProduct;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** The certificate view converges whatever order the evaluation and monitoring topics deliver in. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "market"))
class CertificateViewTest {

    @Test
    void anIssuedCertificateIsActiveWithItsStarsAndProvinceScope() {
        TestProduct p = registeredProduct("51", "Tỏi Lý Sơn");
        UUID id = MarketFixtures.certify(p, 5);
        given().auth().oauth2(Tokens.provinceOfficer("51")).get("/api/v1/certificates/" + id).then().statusCode(200)
                .body("stars", equalTo(5)).body("productId", equalTo(p.id().toString()));
        given().auth().oauth2(Tokens.provinceOfficer("01")).get("/api/v1/certificates/" + id).then().statusCode(403)
                .body("code", equalTo("OUT_OF_SCOPE"));
        given().auth().oauth2(Tokens.centralOfficer()).queryParam("product", "not-a-uuid").get("/api/v1/certificates")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void aRevocationThatOvertakesItsIssueStaysRevokedWhenTheIssueArrives() {
        TestProduct p = registeredProduct("51", "Hành tím Lý Sơn");
        UUID id = UUID.randomUUID();
        KafkaTestClient.publish(revoked(p, id), UUID.randomUUID().toString());
        awaitCertificate(id, "REVOKED");

        KafkaTestClient.publish(issued(p, id, 4, null), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.centralOfficer())
                .get("/api/v1/certificates/" + id).then().statusCode(200).body("stars", equalTo(4))
                .body("status", equalTo("REVOKED")));
    }

    @Test
    void aLateOrRepeatedIssueNeverRevivesAnExpiredCertificateAndARevocationStillEndsIt() {
        TestProduct p = registeredProduct("38", "Nem chua Thanh Hóa");
        UUID id = MarketFixtures.certify(p, 3);
        KafkaTestClient.publish(expired(p, id), UUID.randomUUID().toString());
        awaitCertificate(id, "EXPIRED");

        String redelivery = UUID.randomUUID().toString();
        KafkaTestClient.publish(issued(p, id, 3, null), redelivery);
        KafkaTestClient.publish(issued(p, id, 3, null), redelivery);
        KafkaTestClient.publish(revoked(p, id), UUID.randomUUID().toString());
        // Later events on both topics (same key, so same partition) show the inbox has moved past the ones above.
        UUID marker = MarketFixtures.certify(p, 4);
        UUID monitoringMarker = UUID.randomUUID();
        KafkaTestClient.publish(revoked(p, monitoringMarker), UUID.randomUUID().toString());
        awaitCertificate(monitoringMarker, "REVOKED");
        // The one lifecycle (rules module): only up, so a revocation after the expiry ends it as REVOKED, as in registry.
        given().auth().oauth2(Tokens.centralOfficer()).get("/api/v1/certificates/" + id).then()
                .body("status", equalTo("REVOKED"));
        given().auth().oauth2(Tokens.centralOfficer()).get("/api/v1/certificates/" + marker).then()
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void aReRatingSupersedesTheOldCertificateEvenWhenItArrivesFirst() {
        TestProduct p = registeredProduct("46", "Mè xửng Huế");
        UUID oldId = UUID.randomUUID();
        UUID newId = UUID.randomUUID();
        KafkaTestClient.publish(issued(p, newId, 4, oldId), UUID.randomUUID().toString());
        awaitCertificate(newId, "ACTIVE");
        awaitCertificate(oldId, "SUPERSEDED");

        KafkaTestClient.publish(issued(p, oldId, 3, null), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.centralOfficer())
                .get("/api/v1/certificates/" + oldId).then().body("stars", equalTo(3)).body("status", equalTo("SUPERSEDED")));
    }
}
