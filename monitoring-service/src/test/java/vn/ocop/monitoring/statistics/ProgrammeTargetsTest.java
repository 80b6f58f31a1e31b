package vn.ocop.monitoring.statistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * Targets are versioned data: QĐ 919 ships with the schema, a central officer adds the next instrument's targets, and
 * the statistics use the version in force on their date. The added version starts in 2090 so that today's figures,
 * which other tests check, stay under QĐ 919.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class ProgrammeTargetsTest {

    @Inject
    ProgrammeStatistics statistics;

    @Test
    void theVersionInForceOnADateDecidesTheTargetsAndANewVersionEndsThePreviousOne() {
        given().queryParam("on", "2025-12-31").get("/api/v1/programme-targets/in-force").then().statusCode(200)
                .body("instrument", equalTo("QĐ 919/QĐ-TTg"))
                .body("effectiveFrom", equalTo("2022-08-01"))
                .body("targets.PRODUCTS_3_STAR.value", equalTo(10000))
                .body("targets.PRODUCTS_5_STAR.value", equalTo(400))
                .body("targets.PRODUCTS_5_STAR.upperValue", equalTo(500))
                .body("targets.MODERN_CHANNEL_SHARE.value", equalTo(0.5f));
        given().queryParam("on", "2022-07-31").get("/api/v1/programme-targets/in-force").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        given().queryParam("on", "31/12/2025").get("/api/v1/programme-targets/in-force").then().statusCode(400)
                .body("violations[0].field", equalTo("on"));

        Map<String, Object> next = version("QĐ 999/QĐ-TTg (thử nghiệm)", "2090-01-01", "20000");
        given().contentType(ContentType.JSON).body(next).post("/api/v1/programme-targets").then().statusCode(401);
        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON).body(next)
                .post("/api/v1/programme-targets").then().statusCode(403);
        Map<String, Object> bad = version("QĐ 999/QĐ-TTg", "2090-01-01", "20000");
        @SuppressWarnings("unchecked")
        Map<String, Object> badTargets = new HashMap<>((Map<String, Object>) bad.get("targets"));
        badTargets.remove("SME_SHARE");
        badTargets.put("COOPERATIVE_SHARE", Map.of("value", 40));
        bad.put("targets", badTargets);
        given().auth().oauth2(Tokens.centralOfficer()).contentType(ContentType.JSON).body(bad)
                .post("/api/v1/programme-targets").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItems("targets.SME_SHARE", "targets.COOPERATIVE_SHARE.value"));
        given().queryParam("on", "2095-01-01").get("/api/v1/programme-targets/in-force").then().statusCode(200)
                .body("instrument", equalTo("QĐ 919/QĐ-TTg")); // nothing of the refused version was written

        given().auth().oauth2(Tokens.centralOfficer()).contentType(ContentType.JSON).body(next)
                .post("/api/v1/programme-targets").then().statusCode(201)
                .body("instrument", equalTo("QĐ 999/QĐ-TTg (thử nghiệm)"))
                .body("effectiveTo", nullValue())
                .body("targets.PRODUCTS_3_STAR.value", equalTo(20000));
        given().get("/api/v1/programme-targets").then().statusCode(200)
                .body("find { it.instrument == 'QĐ 919/QĐ-TTg' }.effectiveTo", equalTo("2089-12-31"));
        given().queryParam("on", "2090-01-01").get("/api/v1/programme-targets/in-force").then().statusCode(200)
                .body("instrument", equalTo("QĐ 999/QĐ-TTg (thử nghiệm)"));
        given().queryParam("on", "2089-12-31").get("/api/v1/programme-targets/in-force").then().statusCode(200)
                .body("instrument", equalTo("QĐ 919/QĐ-TTg"));
        // Past versions are not rewritten: a version must start after the latest one.
        given().auth().oauth2(Tokens.centralOfficer()).contentType(ContentType.JSON)
                .body(version("QĐ 998/QĐ-TTg", "2080-01-01", "15000")).post("/api/v1/programme-targets")
                .then().statusCode(422).body("code", equalTo("TARGET_VERSION_NOT_LATEST"));

        ProgrammeStatistics.Report later = statistics.report(null, LocalDate.of(2090, 6, 1));
        assertThat(later.targetVersion().instrument()).isEqualTo("QĐ 999/QĐ-TTg (thử nghiệm)");
        assertThat(later.targets()).filteredOn(t -> t.code().equals("PRODUCTS_3_STAR"))
                .singleElement().satisfies(t -> {
                    assertThat(t.target()).isEqualByComparingTo(new BigDecimal("20000"));
                    assertThat(t.source()).contains("QĐ 999/QĐ-TTg");
                });
        ProgrammeStatistics.Report now = statistics.report(null, LocalDate.of(2026, 6, 1));
        assertThat(now.targetVersion().instrument()).isEqualTo("QĐ 919/QĐ-TTg");
        assertThat(now.targets()).filteredOn(t -> t.code().equals("PRODUCTS_3_STAR"))
                .singleElement().satisfies(t -> assertThat(t.target()).isEqualByComparingTo(new BigDecimal("10000")));
        assertThat(statistics.report(null, LocalDate.of(2020, 1, 1)).targets()).isEmpty();
    }

    private static Map<String, Object> version(String instrument, String from, String threeStar) {
        Map<String, Object> targets = new HashMap<>();
        targets.put("PRODUCTS_3_STAR", Map.of("value", new BigDecimal(threeStar)));
        targets.put("PRODUCTS_5_STAR", Map.of("value", 600, "upperValue", 800));
        targets.put("COOPERATIVE_SHARE", Map.of("value", 0.4));
        targets.put("SME_SHARE", Map.of("value", 0.3));
        targets.put("MODERN_CHANNEL_SHARE", Map.of("value", 0.6));
        targets.put("POINT_OF_SALE_PER_PROVINCE", Map.of("value", 1));
        Map<String, Object> body = new HashMap<>();
        body.put("instrument", instrument);
        body.put("title", "Chương trình OCOP giai đoạn sau");
        body.put("effectiveFrom", from);
        body.put("targets", targets);
        return body;
    }
}
