package vn.ocop.monitoring.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.monitoring.MonitoringTestSupport.publish;
import static vn.ocop.monitoring.MonitoringTestSupport.today;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.events.registry.LapsedCertificateScanned;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** Registry's scan signals on the real broker become a list inspectors read, scoped to their province. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class LapsedScansTest {
    private static final String INSPECTOR_51 = Tokens.of("inspector-51@ocop.gov.vn", "inspector").claim("province", "51").mint();

    @Test
    void scanDaysOfAnEndedCertificateAddUpOncePerDayAndProvincesSeeTheirOwn() {
        UUID certificate = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        String number = "OCOP-51-" + certificate;
        LocalDate today = today();
        LapsedCertificateScanned first = signal(certificate, number, product, "51", "EXPIRED", today.minusDays(3), 1);
        publish(first);
        publish(signal(certificate, number, product, "51", "REVOKED", today.minusDays(1), 2));
        // The same day's fact again under another event id (a replay at the source): still one day.
        publish(signal(certificate, number, product, "51", "REVOKED", today.minusDays(1), 2));
        publish(signal(certificate, number, product, "51", "REVOKED", today.minusDays(40), 1)); // outside the default 30 days
        UUID elsewhere = UUID.randomUUID();
        publish(signal(elsewhere, "OCOP-40-" + elsewhere, UUID.randomUUID(), "40", "REVOKED", today, 1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(row(INSPECTOR_51, number, Map.of()))
                .containsEntry("daysScanned", 2).containsEntry("scans", 3)
                .containsEntry("firstScannedOn", today.minusDays(3).toString())
                .containsEntry("lastScannedOn", today.minusDays(1).toString())
                .containsEntry("status", "REVOKED").containsEntry("provinceCode", "51")
                .containsEntry("productName", "Tỏi cô đơn Lý Sơn").containsEntry("productId", product.toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(row(Tokens.centralOfficer(), "OCOP-40-" + elsewhere, Map.of("province", "40"))).isNotNull());

        assertThat(row(INSPECTOR_51, number, Map.of("since", today.minusDays(60).toString()))).containsEntry("daysScanned", 3);
        assertThat(row(INSPECTOR_51, number, Map.of("since", today.minusDays(2).toString()))).containsEntry("daysScanned", 1);
        // A provincial inspector sees only their own province.
        assertThat(row(INSPECTOR_51, "OCOP-40-" + elsewhere, Map.of())).isNull();
        given().auth().oauth2(INSPECTOR_51).queryParam("province", "40").get("/api/v1/lapsed-scans").then()
                .statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));
        given().auth().oauth2(Tokens.centralOfficer()).queryParam("since", "last week").get("/api/v1/lapsed-scans").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().get("/api/v1/lapsed-scans").then().statusCode(401);
    }

    private static LapsedCertificateScanned signal(UUID certificate, String number, UUID product, String province,
                                                   String status, LocalDate day, int scans) {
        return new LapsedCertificateScanned(certificate, number, product, "51-21040-1-2026", "Tỏi cô đơn Lý Sơn", province,
                status, day, scans, Instant.now());
    }

    /** The row of one certificate in the list the token may read (null when absent). */
    private static Map<String, Object> row(String token, String number, Map<String, String> query) {
        List<Map<String, Object>> items = given().auth().oauth2(token).queryParam("size", 200).queryParams(query)
                .get("/api/v1/lapsed-scans").then().statusCode(200).extract().path("items");
        return items.stream().filter(item -> number.equals(item.get("certificateNumber"))).findFirst().orElse(null);
    }
}
