package vn.ocop.monitoring.statistics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static vn.ocop.monitoring.MonitoringTestSupport.VIETNAM;
import static vn.ocop.monitoring.MonitoringTestSupport.awaitStatus;
import static vn.ocop.monitoring.MonitoringTestSupport.certificate;
import static vn.ocop.monitoring.MonitoringTestSupport.issue;
import static vn.ocop.monitoring.MonitoringTestSupport.publish;
import static vn.ocop.monitoring.MonitoringTestSupport.today;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.events.registry.ProducerRegistered;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.monitoring.expiry.ExpiryJob;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * Feeds a known data set for one province (96, Cà Mau, used by no other test) through the events and the API, then
 * checks every figure of the public report.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class ProgrammeStatisticsTest {
    private static final String P = "96";

    @Inject
    ExpiryJob expiryJob;

    @Test
    void theReportCountsOcopProductsProducersCertificatesAndTargetProgressFromConsumedEvents() {
        UUID coop = producer("COOPERATIVE", "FEMALE", false);
        UUID enterprise = producer("ENTERPRISE", "MALE", true);
        UUID household = producer("HOUSEHOLD", "MALE", false);
        UUID coopWithoutCertificate = producer("COOPERATIVE", "FEMALE", false);

        UUID garlic = product(3, coop);
        UUID wine = product(14, enterprise);
        UUID basket = product(21, household);
        UUID rice = product(3, coop);
        UUID oldJam = product(7, coopWithoutCertificate);
        UUID tea = product(11, enterprise);

        issue(certificate(garlic, coop, P, 3, today().plusDays(101).minusMonths(36), null)); // expires within 180 days
        issue(certificate(wine, enterprise, P, 4, today().minusMonths(1), null));
        issue(certificate(basket, household, P, 5, today().minusMonths(2), null));
        CertificateIssued revoked = issue(certificate(rice, coop, P, 3, today().minusMonths(3), null));
        CertificateIssued expired = issue(certificate(oldJam, coopWithoutCertificate, P, 3, LocalDate.of(1995, 3, 10), null));
        CertificateIssued superseded = issue(certificate(tea, enterprise, P, 3, today().minusMonths(35), null));
        CertificateIssued renewed = certificate(tea, enterprise, P, 4, today().minusDays(1), superseded.certificateId());
        issue(renewed);
        awaitStatus(superseded.certificateNumber(), "SUPERSEDED");

        given().auth().oauth2(Tokens.provinceOfficer(P)).contentType(ContentType.JSON)
                .body(Map.of("certificateNumbers", List.of(revoked.certificateNumber()), "ground", "PRODUCTION_STOPPED",
                        "decisionNumber", UUID.randomUUID().toString().substring(0, 6) + "/QĐ-UBND",
                        "decidedOn", today().toString(), "findingOn", today().minusDays(3).toString()))
                .post("/api/v1/revocations").then().statusCode(201);
        expiryJob.run(Clock.fixed(expired.validUntil().plusDays(1).atStartOfDay(VIETNAM).toInstant(), VIETNAM));
        awaitStatus(expired.certificateNumber(), "EXPIRED");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("province", P)
                .get("/api/v1/statistics/programme").then().statusCode(200)
                .body("products.total", equalTo(4))
                .body("producers.registered", equalTo(4))
                .body("producers.withActiveCertificate", equalTo(3)));

        String thisMonth = YearMonth.now(VIETNAM).toString();
        given().queryParam("province", P).get("/api/v1/statistics/programme").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("province", equalTo(P))
                .body("products.byStars", equalTo(Map.of("3", 1, "4", 2, "5", 1)))
                .body("products.byProductGroup", equalTo(Map.of("I_FOOD", 2, "II_BEVERAGES", 1, "IV_HANDICRAFT_TEXTILE", 1)))
                .body("products.byProductSet", equalTo(Map.of("3", 1, "11", 1, "14", 1, "21", 1)))
                .body("producers.byKind", equalTo(Map.of("COOPERATIVE", 1, "ENTERPRISE", 1, "HOUSEHOLD", 1)))
                .body("producers.womenLed", equalTo(1))
                .body("producers.ethnicMinorityLed", equalTo(1))
                .body("certificates.active", equalTo(4))
                .body("certificates.expiringWithin180Days", equalTo(1))
                .body("certificates.expired", equalTo(1))
                .body("certificates.revoked", equalTo(1))
                .body("certificates.superseded", equalTo(1))
                .body("byProvince", equalTo(List.of(Map.of("province", P, "products", 4, "threeStar", 1, "fourStar", 2, "fiveStar", 1))))
                .body("months.find { it.month == '1995-03' }.issued", equalTo(1))
                .body("months.find { it.month == '1998-03' }.expired", equalTo(1))
                .body("months.find { it.month == '" + thisMonth + "' }.revoked", equalTo(1))
                .body("targets.find { it.code == 'PRODUCTS_3_STAR' }.actual", equalTo(4))
                .body("targets.find { it.code == 'PRODUCTS_3_STAR' }.target", equalTo(10000))
                .body("targets.find { it.code == 'PRODUCTS_3_STAR' }.progress", equalTo(0.0004f))
                .body("targets.find { it.code == 'PRODUCTS_5_STAR' }.progress", equalTo(0.0025f))
                .body("targets.find { it.code == 'COOPERATIVE_SHARE' }.actual", equalTo(0.3333f))
                .body("targets.find { it.code == 'COOPERATIVE_SHARE' }.status", equalTo("NOT_MET"))
                .body("targets.find { it.code == 'SME_SHARE' }.status", equalTo("MET"))
                // No listing in this province: nobody sells on a modern channel, and no point of sale is approved.
                .body("targets.find { it.code == 'MODERN_CHANNEL_SHARE' }.actual", equalTo(0.0f))
                .body("targets.find { it.code == 'MODERN_CHANNEL_SHARE' }.status", equalTo("NOT_MET"))
                .body("targets.find { it.code == 'POINT_OF_SALE_PER_PROVINCE' }.target", equalTo(1))
                .body("targets.find { it.code == 'POINT_OF_SALE_PER_PROVINCE' }.status", equalTo("NOT_MET"))
                .body("targetVersion.instrument", equalTo("QĐ 919/QĐ-TTg"))
                .body("targets.find { it.code == 'SME_SHARE' }.source", containsString("QĐ 919/QĐ-TTg"));

        given().queryParam("province", P).queryParam("format", "csv").get("/api/v1/statistics/programme")
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("section,dimension,value\n"))
                .body(containsString("\nproducts,total,4\n"))
                .body(containsString("\nproducts.byStars,4,2\n"))
                .body(containsString("\ncertificates,revoked,1\n"))
                .body(containsString("\ntarget.SME_SHARE,status,MET\n"));
        given().queryParam("province", P).accept("text/csv").get("/api/v1/statistics/programme")
                .then().statusCode(200).contentType(startsWith("text/csv")).body(containsString("\nproducers,womenLed,1\n"));
        // National figures include this province's.
        given().get("/api/v1/statistics/programme").then().statusCode(200)
                .body("province", nullValue())
                .body("byProvince.find { it.province == '96' }.products", equalTo(4));
        given().queryParam("format", "xml").get("/api/v1/statistics/programme")
                .then().statusCode(400).body("violations[0].field", equalTo("format"));
    }

    private static UUID producer(String kind, String gender, boolean ethnicMinority) {
        UUID id = UUID.randomUUID();
        publish(new ProducerRegistered(id, "Chủ thể " + kind, kind, "2000000" + (100 + (int) (Math.random() * 800)), P, null,
                gender, ethnicMinority, Instant.now()));
        return id;
    }

    private static UUID product(int productSet, UUID producerId) {
        UUID id = UUID.randomUUID();
        publish(new ProductRegistered(id, P + "-32011-" + UUID.randomUUID().toString().substring(0, 4) + "-2026",
                "Sản phẩm bộ " + productSet, productSet, producerId, P, "32011", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.centralOfficer())
                .get("/api/v1/products/" + id).then().statusCode(200));
        return id;
    }
}
