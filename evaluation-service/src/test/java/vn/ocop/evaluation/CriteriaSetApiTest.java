package vn.ocop.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** Criteria sets are versioned reference data: the shipped set 1 is there at startup, published versions never change. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class CriteriaSetApiTest {

    @Test
    void theShippedSetOneIsPublishedAtStartupWithItsPartsAndStarMarks() {
        EvaluationTestSupport.as(Tokens.provinceOfficer("51")).queryParam("productSet", "1").queryParam("inForceOn", "2026-06-20")
                .get("/api/v1/criteria-sets").then().statusCode(200)
                .body("items.id", hasItem("QD26-2026-S01")).body("items[0].decision", equalTo("26/2026/QĐ-TTg"));
        EvaluationTestSupport.as(Tokens.provinceOfficer("51")).queryParam("productSet", "1").queryParam("inForceOn", "2026-05-21")
                .get("/api/v1/criteria-sets").then().statusCode(200).body("total", equalTo(0));
        EvaluationTestSupport.as(Tokens.provinceOfficer("51")).get("/api/v1/criteria-sets/QD26-2026-S01").then().statusCode(200)
                .body("parts.code", contains("A", "B", "C"))
                .body("parts.maxPoints", contains(40, 25, 35))
                .body("parts[1].groups[0].criteria[0].code", equalTo("4.1"))
                .body("parts[1].groups[0].criteria[0].options.minimumFor", contains(null, 3, 4, 5))
                .body("starBands.minScore", contains(90, 70, 50, 30, 0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCentralOfficerPublishesANewVersionThatThenCannotChange() {
        Map<String, Object> set = given().auth().oauth2(Tokens.centralOfficer()).get("/api/v1/criteria-sets/QD26-2026-S01")
                .then().statusCode(200).extract().as(Map.class);
        String id = "TEST-" + UUID.randomUUID().toString().substring(0, 8);
        set.put("id", id);
        set.put("productSet", 2);

        EvaluationTestSupport.as(Tokens.provinceOfficer("51")).body(set).post("/api/v1/criteria-sets")
                .then().statusCode(403).contentType("application/problem+json");
        EvaluationTestSupport.as(Tokens.centralOfficer()).body(set).post("/api/v1/criteria-sets")
                .then().statusCode(201).header("Location", endsWith("/api/v1/criteria-sets/" + id)).body("productSet", equalTo(2));
        EvaluationTestSupport.as(Tokens.centralOfficer()).body(set).post("/api/v1/criteria-sets").then().statusCode(200);

        set.put("title", "Changed after publication");
        EvaluationTestSupport.as(Tokens.centralOfficer()).body(set).post("/api/v1/criteria-sets")
                .then().statusCode(409).body("code", equalTo("CRITERIA_SET_IMMUTABLE"));
        EvaluationTestSupport.as(Tokens.centralOfficer()).body(set).put("/api/v1/criteria-sets/" + id)
                .then().statusCode(409).body("code", equalTo("CRITERIA_SET_IMMUTABLE"));
        EvaluationTestSupport.as(Tokens.centralOfficer()).get("/api/v1/criteria-sets/" + id)
                .then().statusCode(200).body("title", equalTo("Bộ sản phẩm 1: Rau, củ, quả, hạt tươi (Nhóm I Thực phẩm / 1 Tươi sống / a)"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSetWhosePointsDoNotAddUpIsRejectedWithTheFieldNamedAndNothingStored() {
        Map<String, Object> set = given().auth().oauth2(Tokens.centralOfficer()).get("/api/v1/criteria-sets/QD26-2026-S01")
                .then().extract().as(Map.class);
        String id = "BROKEN-" + UUID.randomUUID().toString().substring(0, 8);
        set.put("id", id);
        List<Map<String, Object>> parts = (List<Map<String, Object>>) set.get("parts");
        parts.get(2).put("maxPoints", 34);
        EvaluationTestSupport.as(Tokens.centralOfficer()).body(set).post("/api/v1/criteria-sets").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem("parts[2].maxPoints"));
        EvaluationTestSupport.as(Tokens.centralOfficer()).get("/api/v1/criteria-sets/" + id).then().statusCode(404);
        EvaluationTestSupport.as(Tokens.centralOfficer()).queryParam("inForceOn", "not-a-date").get("/api/v1/criteria-sets")
                .then().statusCode(400).body("violations[0].field", equalTo("inForceOn"));
    }

    @Test
    void malformedCriteriaSetsAreBadRequestsNeverServerErrors() {
        List<String> bodies = List.of(
                "{}",
                "{\"id\": \"X\", \"knockOuts\": [null]}",
                "{\"id\": \"X\", \"starBands\": [{\"stars\": 5}]}",
                "{\"id\": \"X\", \"parts\": [{\"groups\": [{\"criteria\": [{\"options\": [null]}]}]}]}",
                "{\"id\": \"X\", \"parts\": [{\"groups\": [{\"criteria\": [{\"code\": \"1\", \"options\": [{\"code\": \"a\"}]}]}]}]}",
                "{\"id\": \"X\", \"legalBasis\": {\"decision\": \"1\", \"effectiveFrom\": \"22/05/2026\"}}",
                "[1, 2]");
        for (String body : bodies) {
            given().contentType("application/json").auth().oauth2(Tokens.centralOfficer()).body(body).post("/api/v1/criteria-sets")
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }
}
