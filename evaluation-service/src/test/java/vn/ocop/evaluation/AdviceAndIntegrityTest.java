package vn.ocop.evaluation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.evaluation.EvaluationTestSupport.as;
import static vn.ocop.evaluation.EvaluationTestSupport.best;
import static vn.ocop.evaluation.EvaluationTestSupport.council;
import static vn.ocop.evaluation.EvaluationTestSupport.member;
import static vn.ocop.evaluation.EvaluationTestSupport.sheet;
import static vn.ocop.evaluation.EvaluationTestSupport.unique;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** After closing, the producer learns what the next star needs; auditors see where members disagreed and who amended. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class AdviceAndIntegrityTest {
    static final String PROVINCE = "51";

    @Test
    void aThreeStarProductIsToldWhichMinimumItLacksAndWhatIfShowsTheEffect() {
        String officer = Tokens.provinceOfficer(PROVINCE);
        String chair = unique("chair");
        String m1 = unique("m1");
        String m2 = unique("m2");
        Map<String, String> members = new LinkedHashMap<>();
        members.put(chair, "CHAIR");
        members.put(m1, "MEMBER");
        members.put(m2, "MEMBER");
        String councilId = as(officer).body(council("Hội đồng", "PROVINCIAL", PROVINCE, 3, members)).post("/api/v1/councils")
                .then().statusCode(201).extract().path("id");
        UUID producer = UUID.randomUUID();
        UUID product = EvaluationTestSupport.submitApplication(PROVINCE, producer, "51-21040-20-2026").productId();
        as(officer).get("/api/v1/products/" + product + "/upgrade-advice").then().statusCode(404);
        String session = EvaluationTestSupport.createSession(officer, councilId, List.of(product));
        String sheets = "/api/v1/sessions/" + session + "/scoresheets";

        as(member(chair)).body(sheet(product, best("10.1", "10.1.a"))).post(sheets).then().statusCode(201).body("total", equalTo(96.0f));
        as(member(m1)).body(sheet(product, best("10.1", "10.1.a", "6.1", "6.1.a"))).post(sheets).then().statusCode(201)
                .body("total", equalTo(92.0f));
        as(member(m2)).body(sheet(product, best("10.1", "10.1.a"))).post(sheets).then().statusCode(201);
        Map<String, Object> amended = new HashMap<>(sheet(product, best("10.1", "10.1.a", "1.1", "1.1.a", "6.1", "6.1.a",
                "6.2", "6.2.a", "8.1", "8.1.a", "4.2", "4.2.a", "5.2", "5.2.a")));
        amended.put("amendmentReason", "Mẫu thử không đạt cảm quan");
        as(member(m2)).body(amended).post(sheets).then().statusCode(201).body("total", equalTo(76.0f));
        as(officer).body(Map.of("productId", product.toString())).post("/api/v1/sessions/" + session + "/close").then().statusCode(201)
                .body("averageScore", equalTo(88.0f)).body("band", equalTo(4)).body("stars", equalTo(3));

        // Advice: the score already reaches 4★; the ISO/HACCP minimum (10.1, ****) is what is missing, on every sheet.
        as(Tokens.producer(producer)).get("/api/v1/products/" + product + "/upgrade-advice").then().statusCode(200)
                .body("stars", equalTo(3)).body("nextStars", equalTo(4)).body("pointsToNextBand", equalTo(0.0f))
                .body("missingMinima.criterionCode", contains("10.1"))
                .body("missingMinima[0].requiredOptionCode", equalTo("10.1.b"))
                .body("missingMinima[0].requiredPoints", equalTo(3))
                .body("missingMinima[0].sheetsMeeting", equalTo(0))
                .body("needsCentralCouncil", equalTo(false));
        as(Tokens.provinceOfficer("01")).get("/api/v1/products/" + product + "/upgrade-advice").then().statusCode(404);

        // What if the producer obtained HACCP? +2 on each sheet: 90 on average, 4★ (the export minimum still lacks for 5★).
        as(Tokens.producer(producer)).body(Map.of("changes", Map.of("10.1", "10.1.b")))
                .post("/api/v1/products/" + product + "/upgrade-advice/what-if").then().statusCode(200)
                .body("averageScore", equalTo(90.0f)).body("band", equalTo(5)).body("mandatoryLevel", equalTo(4))
                .body("stars", equalTo(4)).body("nextStars", equalTo(5)).body("needsCentralCouncil", equalTo(true))
                .body("missingMinima[0].requiredOptionCode", equalTo("10.1.c"));
        as(Tokens.producer(producer)).body(Map.of("changes", Map.of("10.1", "9.1.a")))
                .post("/api/v1/products/" + product + "/upgrade-advice/what-if").then().statusCode(400)
                .body("violations[0].field", equalTo("changes.10.1"));

        // Integrity: 6.1 split the council most, m2 strays 12 points below the mean of 88, and m2 amended once.
        String integrity = sheets + "/integrity";
        as(Tokens.of("auditor@mae.gov.vn", "auditor").mint()).queryParam("productId", product.toString()).get(integrity)
                .then().statusCode(200)
                .body("meanTotal", equalTo(88.0f))
                .body("criteria[0].criterionCode", equalTo("6.1")).body("criteria[0].spread", equalTo(4))
                .body("deviatingMembers.memberSubject", contains(m2))
                .body("deviatingMembers[0].deviation", equalTo(-12.0f))
                .body("amendments.memberSubject", contains(m2))
                .body("amendments[0].previousTotal", equalTo(96.0f))
                .body("amendments[0].reason", equalTo("Mẫu thử không đạt cảm quan"));
        as(member(chair)).queryParam("productId", product.toString()).get(integrity).then().statusCode(403);
        as(officer).get(integrity).then().statusCode(400).body("violations[0].field", equalTo("productId"));
    }
}
