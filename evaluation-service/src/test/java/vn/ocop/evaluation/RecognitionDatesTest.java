package vn.ocop.evaluation;

import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.evaluation.EvaluationTestSupport.as;
import static vn.ocop.evaluation.EvaluationTestSupport.best;
import static vn.ocop.evaluation.EvaluationTestSupport.rate;
import static vn.ocop.evaluation.EvaluationTestSupport.soloCouncil;
import static vn.ocop.evaluation.EvaluationTestSupport.submitApplication;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** Sessions and recognitions happen now, not in the past or a later round: bringing in the past is what imports are for. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class RecognitionDatesTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void aSessionMayNotPredateItsCriteriaSetNorLieBeyondTheCurrentRound() {
        String officer = Tokens.provinceOfficer("51");
        String[] council = soloCouncil("51");
        UUID product = submitApplication("51", UUID.randomUUID(), "51-21548-" + UUID.randomUUID().toString().substring(0, 6) + "-2026")
                .productId();

        // Set 1 of QĐ 26/2026 came into force on 22/5/2026.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(officer)
                .body(Map.of("councilId", council[0], "heldOn", "2026-05-21", "productIds", List.of(product.toString())))
                .post("/api/v1/sessions").then().statusCode(400).body("code", equalTo("SESSION_BEFORE_CRITERIA_SET"))
                .body("violations[0].field", equalTo("heldOn")));
        as(officer).body(Map.of("councilId", council[0], "heldOn", TODAY.plusYears(1).toString(), "productIds", List.of(product.toString())))
                .post("/api/v1/sessions").then().statusCode(400).body("code", equalTo("SESSION_DATE_BEYOND_ROUND"))
                .body("violations[0].field", equalTo("heldOn"));
        as(officer).body(Map.of("councilId", council[0], "heldOn", TODAY.toString(), "productIds", List.of(product.toString())))
                .post("/api/v1/sessions").then().statusCode(201);
    }

    @Test
    void aRecognitionMayNotPredateTheResultItRecognises() {
        String officer = Tokens.provinceOfficer("51");
        String[] council = soloCouncil("51");
        UUID product = submitApplication("51", UUID.randomUUID(), "51-21548-" + UUID.randomUUID().toString().substring(0, 6) + "-2026")
                .productId();
        String result = rate(council, officer, product, best("10.1", "10.1.b"));
        String number = UUID.randomUUID().toString().substring(0, 5) + "/QĐ-UBND";

        as(officer).body(Map.of("decisionNumber", number, "decidedOn", TODAY.minusDays(1).toString(), "resultIds", List.of(result)))
                .post("/api/v1/recognitions").then().statusCode(400).body("code", equalTo("RECOGNITION_BEFORE_RESULT"))
                .body("violations[0].field", equalTo("decidedOn"));
        as(officer).body(Map.of("decisionNumber", number, "decidedOn", TODAY.toString(), "resultIds", List.of(result)))
                .post("/api/v1/recognitions").then().statusCode(201);
    }
}
