package vn.ocop.monitoring.revocation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static vn.ocop.monitoring.MonitoringTestSupport.CENTRAL;
import static vn.ocop.monitoring.MonitoringTestSupport.awaitStatus;
import static vn.ocop.monitoring.MonitoringTestSupport.certificate;
import static vn.ocop.monitoring.MonitoringTestSupport.issue;
import static vn.ocop.monitoring.MonitoringTestSupport.publish;
import static vn.ocop.monitoring.MonitoringTestSupport.published;
import static vn.ocop.monitoring.MonitoringTestSupport.today;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.PrometheusText;
import vn.ocop.testkit.Tokens;

@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class RevocationTest {
    private static final String DONG_THAP = Tokens.provinceOfficer("82");

    static double revokedCertificates(String ground) {
        return PrometheusText.sum(given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "ocop_certificates_revoked_total", "ground=\"" + ground + "\"");
    }

    @Test
    void aProvinceRevokesSeveralCertificatesAtOnceAndEachIsAnnouncedOnce() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(issue(certificate("82", i == 2 ? 4 : 3, today().minusMonths(30))).certificateNumber());
        }
        Map<String, Object> body = decision(numbers, "CRITERIA_NO_LONGER_MET", today().minusDays(5), today());
        String key = UUID.randomUUID().toString();
        double revokedBefore = revokedCertificates("CRITERIA_NO_LONGER_MET");

        String id = given().auth().oauth2(DONG_THAP).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/revocations").then().statusCode(201)
                .header("Location", containsString("/api/v1/revocations/"))
                .body("authority", equalTo("82"))
                .body("certificateNumbers", containsInAnyOrder(numbers.toArray()))
                .body("deadlineOn", equalTo(today().plusDays(10).toString()))
                .body("decidedLate", equalTo(false))
                .extract().path("id");
        // A retry of the same request changes nothing and answers the same.
        given().auth().oauth2(DONG_THAP).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/revocations").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        // ocop_certificates_revoked_total: one per certificate, not per request (the replay counts nothing)
        assertThat(revokedCertificates("CRITERIA_NO_LONGER_MET")).isEqualTo(revokedBefore + numbers.size());

        for (String number : numbers) {
            given().auth().oauth2(CENTRAL).get("/api/v1/certificates/" + number).then()
                    .body("status", equalTo("REVOKED"))
                    .body("revocationId", equalTo(id))
                    .body("revokedOn", equalTo(today().toString()));
            assertThat(published("CertificateRevoked", number, 1)).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"ground\":\"CRITERIA_NO_LONGER_MET\""));
        }
        given().auth().oauth2(DONG_THAP).get("/api/v1/revocations/" + id).then().statusCode(200)
                .body("certificateNumbers", hasSize(3));
        // A decision is a published act: another province's officer reads it, its inspector finds it in the list.
        given().auth().oauth2(Tokens.provinceOfficer("51")).get("/api/v1/revocations/" + id).then().statusCode(200)
                .body("authority", equalTo("82")).body("certificateNumbers", containsInAnyOrder(numbers.toArray()));
        String inspector51 = Tokens.of("inspector-51@ocop.gov.vn", "inspector").claim("province", "51").mint();
        given().auth().oauth2(inspector51).queryParam("authority", "82").queryParam("size", "200").get("/api/v1/revocations")
                .then().statusCode(200).body("items.id", hasItem(id)).body("items.authority", everyItem(equalTo("82")))
                // each item carries its own decision's certificates (the page's numbers are read in one query)
                .body("items.find { it.id == '" + id + "' }.certificateNumbers", containsInAnyOrder(numbers.toArray()))
                .body("items.findAll { it.id != '" + id + "' }.certificateNumbers.flatten()", everyItem(not(in(numbers))));
        given().auth().oauth2(inspector51).queryParam("authority", "Đồng Tháp").get("/api/v1/revocations").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("authority"));
    }

    @Test
    void oneBadCertificateRefusesTheWholeDecisionAndNamesEveryBadOne() {
        CertificateIssued good1 = issue(certificate("82", 3, today().minusMonths(20)));
        CertificateIssued good2 = issue(certificate("82", 3, today().minusMonths(20)));
        CertificateIssued revoked = issue(certificate("82", 3, today().minusMonths(20)));
        given().auth().oauth2(DONG_THAP).contentType(ContentType.JSON)
                .body(decision(List.of(revoked.certificateNumber()), "MARK_MISUSE", today().minusDays(2), today()))
                .post("/api/v1/revocations").then().statusCode(201);

        List<String> numbers = List.of(good1.certificateNumber(), "OCOP-82-2021-missing", good2.certificateNumber(),
                revoked.certificateNumber());
        given().auth().oauth2(DONG_THAP).contentType(ContentType.JSON)
                .body(decision(numbers, "PRODUCTION_STOPPED", today().minusDays(2), today()))
                .post("/api/v1/revocations").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("CERTIFICATES_NOT_REVOCABLE"))
                .body("violations.field", contains("certificateNumbers[1]", "certificateNumbers[3]"))
                .body("violations[1].message", containsString("already REVOKED"));

        awaitStatus(good1.certificateNumber(), "ACTIVE");
        awaitStatus(good2.certificateNumber(), "ACTIVE");
        assertThat(published("CertificateRevoked", good1.certificateNumber(), 0)).isEmpty();

        given().auth().oauth2(DONG_THAP).contentType(ContentType.JSON)
                .body(decision(List.of(good1.certificateNumber(), good1.certificateNumber()), "PRODUCTION_STOPPED",
                        today().minusDays(2), today()))
                .post("/api/v1/revocations").then().statusCode(400)
                .body("violations[0].field", equalTo("certificateNumbers[1]"));
    }

    @Test
    void fiveStarCertificatesAreTheMinistrysAndThreeToFourStarOnesTheProvinces() {
        CertificateIssued fiveStar = issue(certificate("82", 5, today().minusMonths(10)));
        CertificateIssued fourStar = issue(certificate("82", 4, today().minusMonths(10)));

        given().auth().oauth2(DONG_THAP).contentType(ContentType.JSON)
                .body(decision(List.of(fourStar.certificateNumber(), fiveStar.certificateNumber()), "LEGAL_VIOLATION",
                        today().minusDays(1), today()))
                .post("/api/v1/revocations").then().statusCode(403)
                .body("code", equalTo("OUT_OF_AUTHORITY"))
                .body("violations.field", contains("certificateNumbers[1]"));
        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON)
                .body(decision(List.of(fourStar.certificateNumber()), "LEGAL_VIOLATION", today().minusDays(1), today()))
                .post("/api/v1/revocations").then().statusCode(403)
                .body("violations[0].message", containsString("province 82"));
        // Authority before everything else: a wrong date from an outsider is still 403, not 400.
        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON)
                .body(decision(List.of(fourStar.certificateNumber()), "LEGAL_VIOLATION", today().plusDays(3), today().plusDays(2)))
                .post("/api/v1/revocations").then().statusCode(403).body("code", equalTo("OUT_OF_AUTHORITY"));
        given().auth().oauth2(CENTRAL).contentType(ContentType.JSON)
                .body(decision(List.of(fourStar.certificateNumber()), "LEGAL_VIOLATION", today().minusDays(1), today()))
                .post("/api/v1/revocations").then().statusCode(403);
        given().auth().oauth2(Tokens.of("inspector-82", "inspector").claim("province", "82").mint()).contentType(ContentType.JSON)
                .body(decision(List.of(fourStar.certificateNumber()), "LEGAL_VIOLATION", today().minusDays(1), today()))
                .post("/api/v1/revocations").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        awaitStatus(fourStar.certificateNumber(), "ACTIVE");

        given().auth().oauth2(CENTRAL).contentType(ContentType.JSON)
                .body(decision(List.of(fiveStar.certificateNumber()), "LEGAL_VIOLATION", today().minusDays(1), today()))
                .post("/api/v1/revocations").then().statusCode(201).body("authority", equalTo("CENTRAL"));
        awaitStatus(fiveStar.certificateNumber(), "REVOKED");
        assertThat(published("CertificateRevoked", fiveStar.certificateNumber(), 1)).hasSize(1);

        // A late redelivery of the issue does not revive a revoked certificate.
        publish(fiveStar);
        CertificateIssued marker = issue(certificate("82", 3, today()));
        awaitStatus(marker.certificateNumber(), "ACTIVE");
        awaitStatus(fiveStar.certificateNumber(), "REVOKED");
    }

    @Test
    void decisionsTakenMoreThanFifteenDaysAfterTheFindingAreListedAsLate() {
        CertificateIssued timely = issue(certificate("82", 3, today().minusMonths(12)));
        CertificateIssued late = issue(certificate("82", 3, today().minusMonths(12)));
        given().auth().oauth2(DONG_THAP).contentType(ContentType.JSON)
                .body(decision(List.of(timely.certificateNumber()), "FALSE_INFORMATION", today().minusDays(15), today()))
                .post("/api/v1/revocations").then().statusCode(201).body("decidedLate", equalTo(false));
        given().auth().oauth2(DONG_THAP).contentType(ContentType.JSON)
                .body(decision(List.of(late.certificateNumber()), "FALSE_INFORMATION", today().minusDays(16), today()))
                .post("/api/v1/revocations").then().statusCode(201).body("decidedLate", equalTo(true));

        given().auth().oauth2(DONG_THAP).queryParam("late", "true").queryParam("size", "200").get("/api/v1/revocations")
                .then().statusCode(200)
                .body("items.certificateNumbers.flatten()", hasItem(late.certificateNumber()))
                .body("items.certificateNumbers.flatten()", not(hasItem(timely.certificateNumber())));

        CertificateIssued other = issue(certificate("82", 3, today().minusMonths(12)));
        Map<String, Object> noFinding = decision(List.of(other.certificateNumber()), "FALSE_INFORMATION", null, today());
        given().auth().oauth2(DONG_THAP).contentType(ContentType.JSON).body(noFinding)
                .post("/api/v1/revocations").then().statusCode(400).body("violations[0].field", equalTo("findingOn"));
        given().auth().oauth2(DONG_THAP).contentType(ContentType.JSON)
                .body(decision(List.of(other.certificateNumber()), "FALSE_INFORMATION", today(), today().plusDays(1)))
                .post("/api/v1/revocations").then().statusCode(400).body("violations[0].field", equalTo("decidedOn"));
        given().auth().oauth2(DONG_THAP).contentType(ContentType.JSON)
                .body(Map.of("certificateNumbers", List.of(other.certificateNumber()), "ground", "BAD_MOOD",
                        "decisionNumber", "1/QĐ-UBND", "decidedOn", today().toString()))
                .post("/api/v1/revocations").then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        awaitStatus(other.certificateNumber(), "ACTIVE");
    }

    static Map<String, Object> decision(List<String> numbers, String ground, java.time.LocalDate findingOn,
                                        java.time.LocalDate decidedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("certificateNumbers", numbers);
        body.put("ground", ground);
        body.put("decisionNumber", UUID.randomUUID().toString().substring(0, 6) + "/QĐ-UBND");
        body.put("decidedOn", decidedOn.toString());
        if (findingOn != null) {
            body.put("findingOn", findingOn.toString());
        }
        body.put("reason", "Không duy trì tiêu chí bắt buộc 3 sao");
        return body;
    }
}
