package vn.ocop.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static vn.ocop.evaluation.EvaluationTestSupport.as;
import static vn.ocop.evaluation.EvaluationTestSupport.best;
import static vn.ocop.evaluation.EvaluationTestSupport.rate;
import static vn.ocop.evaluation.EvaluationTestSupport.soloCouncil;
import static vn.ocop.evaluation.EvaluationTestSupport.submitApplication;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import vn.ocop.events.Topics;
import vn.ocop.events.monitoring.CertificateExpired;
import vn.ocop.events.monitoring.CertificateRevoked;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.PrometheusText;
import vn.ocop.testkit.Tokens;

/** Recognition decisions issue certificates, signed at the level the star requires; re-ratings supersede; monitoring ends them. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class CertificateTest {
    static final String PROVINCE = "51";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** ocop_certificates_issued_total for one star level, as an operator's Prometheus sees it. */
    static double issuedCertificates(String stars) {
        return PrometheusText.sum(RestAssured.get("/q/metrics").then().statusCode(200).extract().asString(),
                "ocop_certificates_issued_total", "stars=\"" + stars + "\"");
    }

    static Map<String, Object> decision(String number, String... resultIds) {
        return Map.of("decisionNumber", number, "decidedOn", TODAY.toString(), "resultIds", List.of(resultIds));
    }

    @Test
    void theProvinceRecognisesFourStarsAndAReRatingSupersedesTheCertificateUntilMonitoringRevokesIt() {
        String officer = Tokens.provinceOfficer(PROVINCE);
        String[] council = soloCouncil(PROVINCE);
        UUID producer = UUID.randomUUID();
        UUID product = submitApplication(PROVINCE, producer, "51-21040-9-2026").productId();
        String fourStars = rate(council, officer, product, best("10.1", "10.1.b")); // no export certificate: 4★
        String number = "QD-" + UUID.randomUUID().toString().substring(0, 6) + "/QĐ-UBND";

        as(Tokens.centralOfficer()).body(decision(number, fourStars)).post("/api/v1/recognitions")
                .then().statusCode(403).body("code", equalTo("SIGNER_NOT_AUTHORISED"));
        // Another province's result is answered as a missing one.
        as(Tokens.provinceOfficer("01")).body(decision(number, fourStars)).post("/api/v1/recognitions")
                .then().statusCode(400).body("violations[0].field", equalTo("resultIds[0]"));
        as(officer).body(Map.of("decisionNumber", number, "decidedOn", TODAY.plusDays(2).toString(), "resultIds", List.of(fourStars)))
                .post("/api/v1/recognitions").then().statusCode(400).body("violations[0].field", equalTo("decidedOn"));
        double issuedBefore = issuedCertificates("4");
        String first = as(officer).body(decision(number, fourStars)).post("/api/v1/recognitions").then().statusCode(201)
                .body("certificates[0].number", startsWith("OCOP-51-" + TODAY.getYear() + "-"))
                .body("certificates[0].stars", equalTo(4))
                .body("certificates[0].issuedOn", equalTo(TODAY.toString()))
                .body("certificates[0].validUntil", equalTo(TODAY.plusMonths(36).toString()))
                .body("certificates[0].criteriaSetId", equalTo("QD26-2026-S01"))
                .body("certificates[0].status", equalTo("ACTIVE"))
                .extract().path("certificates[0].id");
        as(officer).body(decision(number + "-2", fourStars)).post("/api/v1/recognitions")
                .then().statusCode(409).body("code", equalTo("RESULT_ALREADY_RECOGNISED"));
        // Another province's officer learns nothing about it: not that it is recognised, nor that the decision number is
        // taken, nor that the date is wrong, nor even that it exists: scope comes first, and the result is answered as missing.
        as(Tokens.provinceOfficer("92")).body(decision(number + "-3", fourStars)).post("/api/v1/recognitions")
                .then().statusCode(400).body("violations[0].field", equalTo("resultIds[0]"))
                .body("violations[0].message", equalTo("no result " + fourStars));
        as(Tokens.provinceOfficer("92")).body(decision(number, fourStars)).post("/api/v1/recognitions")
                .then().statusCode(400).body("violations[0].field", equalTo("resultIds[0]"));
        as(Tokens.provinceOfficer("92")).body(Map.of("decisionNumber", number, "decidedOn", TODAY.plusDays(2).toString(),
                "resultIds", List.of(fourStars, fourStars))).post("/api/v1/recognitions")
                .then().statusCode(400).body("violations[0].field", equalTo("resultIds[0]"));
        assertThat(issuedCertificates("4")).isEqualTo(issuedBefore + 1); // the refused decision counts nothing
        List<ConsumerRecord<String, String>> issued = KafkaTestClient.awaitRecords(Topics.EVALUATION,
                r -> product.toString().equals(r.key()) && "CertificateIssued".equals(KafkaTestClient.header(r, "ce_type")), 1,
                Duration.ofSeconds(30));
        assertThat(issued).singleElement().satisfies(r -> assertThat(r.value()).contains(first).contains("\"stars\":4"));

        // Re-rating 3 years on: a new dossier, now only 3★; its certificate supersedes the 4★ one.
        submitApplication(PROVINCE, product, producer, "51-21040-9-2026", "RE_RATING");
        String threeStars = rate(council, officer, product, best("10.1", "10.1.a"));
        String second = as(officer).body(decision(number + "-R", threeStars)).post("/api/v1/recognitions").then().statusCode(201)
                .body("certificates[0].supersedesId", equalTo(first)).body("certificates[0].stars", equalTo(3))
                .extract().path("certificates[0].id");
        as(officer).get("/api/v1/certificates/" + first).then().statusCode(200)
                .body("status", equalTo("SUPERSEDED")).body("supersededById", equalTo(second));
        as(officer).queryParam("productId", product.toString()).queryParam("status", "active").get("/api/v1/certificates")
                .then().statusCode(200).body("items.id", contains(second));

        // Monitoring revokes the new one; a later expiry and a redelivery change nothing; the superseded one may still
        // expire (the one certificate lifecycle of the rules module: only up, ACTIVE → SUPERSEDED → EXPIRED → REVOKED).
        CertificateRevoked revoked = new CertificateRevoked(UUID.fromString(second), "n/a", product, PROVINCE, "b",
                "77/QĐ-UBND", TODAY, Instant.now());
        String revokedId = UUID.randomUUID().toString();
        KafkaTestClient.publish(revoked, revokedId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(officer).get("/api/v1/certificates/" + second)
                .then().body("status", equalTo("REVOKED")));
        KafkaTestClient.publish(new CertificateExpired(UUID.fromString(second), "n/a", product, PROVINCE, TODAY, Instant.now()),
                UUID.randomUUID().toString());
        KafkaTestClient.publish(revoked, revokedId);
        KafkaTestClient.publish(new CertificateExpired(UUID.fromString(first), "n/a", product, PROVINCE, TODAY, Instant.now()),
                UUID.randomUUID().toString());
        // A marker event after them on the same partition (same key) tells us they were all processed.
        UUID marker = UUID.randomUUID();
        KafkaTestClient.publish(new CertificateRevoked(marker, "marker", product, PROVINCE, "b", "x", TODAY, Instant.now()),
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(applied("CertificateRevoked")).isGreaterThanOrEqualTo(2));
        as(officer).get("/api/v1/certificates/" + second).then().body("status", equalTo("REVOKED"))
                .body("statusReason", startsWith("Revoked by 77/QĐ-UBND"));
        as(officer).get("/api/v1/certificates/" + first).then().body("status", equalTo("EXPIRED"));
    }

    @Test
    void onlyTheCentralLevelRecognisesFiveStarsAndNothingBelowThreeStarsIsCertified() {
        String officer = Tokens.provinceOfficer(PROVINCE);
        String[] provincial = soloCouncil(PROVINCE);
        UUID weak = submitApplication(PROVINCE, UUID.randomUUID(), "51-21040-10-2026").productId();
        String twoStars = rate(provincial, officer, weak, best("9.1", "9.1.a")); // no quality declaration: 2★
        as(officer).body(decision("D-" + UUID.randomUUID(), twoStars)).post("/api/v1/recognitions")
                .then().statusCode(422).body("code", equalTo("RESULT_NOT_CERTIFIABLE"));

        UUID star = submitApplication(PROVINCE, UUID.randomUUID(), "51-21040-11-2026").productId();
        String nomination = rate(provincial, officer, star, best());
        as(officer).body(decision("D-" + UUID.randomUUID(), nomination)).post("/api/v1/recognitions")
                .then().statusCode(422).body("code", equalTo("RESULT_NOT_CERTIFIABLE"));

        String[] central = soloCouncil(null);
        String fiveStars = rate(central, Tokens.centralOfficer(), star, best());
        as(officer).body(decision("D-" + UUID.randomUUID(), fiveStars)).post("/api/v1/recognitions")
                .then().statusCode(403).body("code", equalTo("SIGNER_NOT_AUTHORISED"));
        as(Tokens.centralOfficer()).body(decision("D-" + UUID.randomUUID(), fiveStars)).post("/api/v1/recognitions")
                .then().statusCode(201).body("level", equalTo("CENTRAL"))
                .body("certificates[0].number", startsWith("OCOP-TW-")).body("certificates[0].stars", equalTo(5));

        // A nominated product the central council scores below 90 goes back to its province to recognise as 4★.
        UUID nearly = submitApplication(PROVINCE, UUID.randomUUID(), "51-21040-12-2026").productId();
        rate(provincial, officer, nearly, best());
        String fourFromCentral = rate(soloCouncil(null), Tokens.centralOfficer(), nearly, best("4.2", "4.2.a", "6.1", "6.1.a",
                "6.2", "6.2.a")); // 89 points
        as(Tokens.centralOfficer()).body(decision("D-" + UUID.randomUUID(), fourFromCentral)).post("/api/v1/recognitions")
                .then().statusCode(403).body("code", equalTo("SIGNER_NOT_AUTHORISED"));
        as(officer).body(decision("D-" + UUID.randomUUID(), fourFromCentral)).post("/api/v1/recognitions").then().statusCode(201)
                .body("level", equalTo("PROVINCIAL")).body("certificates[0].stars", equalTo(4))
                .body("certificates[0].number", startsWith("OCOP-51-"));
    }

    @Test
    void anActiveCertificateThatMonitoringExpiresShowsExpiredAndKeepsItsDates() {
        String officer = Tokens.provinceOfficer(PROVINCE);
        UUID product = submitApplication(PROVINCE, UUID.randomUUID(), "51-21040-13-2026").productId();
        String result = rate(soloCouncil(PROVINCE), officer, product, best("10.1", "10.1.b"));
        String certificate = as(officer).body(decision("E-" + UUID.randomUUID(), result)).post("/api/v1/recognitions")
                .then().statusCode(201).extract().path("certificates[0].id");
        KafkaTestClient.publish(new CertificateExpired(UUID.fromString(certificate), "n/a", product, PROVINCE,
                TODAY.plusMonths(36), Instant.now()), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(officer).get("/api/v1/certificates/" + certificate)
                .then().statusCode(200).body("status", equalTo("EXPIRED")));
        as(officer).get("/api/v1/certificates/" + certificate).then()
                .body("issuedOn", equalTo(TODAY.toString()))
                .body("validUntil", equalTo(TODAY.plusMonths(36).toString()));
        as(officer).queryParam("productId", product.toString()).queryParam("status", "active").get("/api/v1/certificates")
                .then().statusCode(200).body("total", equalTo(0));
    }

    /** How many events of a type the inbox applied (the consumer's counter): the revocation and the marker make 2. */
    static double applied(String type) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ocop_events_consumed_total\\{outcome=\"applied\",type=\"" + type
                + "\"[^}]*} ([0-9.E]+)").matcher(given().get("/q/metrics").asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
