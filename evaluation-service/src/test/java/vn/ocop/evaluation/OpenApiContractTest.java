package vn.ocop.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.OpenApiContract;

/**
 * What a provincial integrator generating a client relies on, on every operation of the document (the shared
 * {@link OpenApiContract}): a finding names the operation, e.g. {@code POST /api/v1/x (createX): no example}.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class OpenApiContractTest {

    /** The operations anyone may call without an account: {@code @PermitAll} in the resources. */
    private static boolean anonymous(String operation) {
        return false; // every evaluation operation needs an account
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().as(Map.class);
    }

    @Test
    void everyOperationHasAnIdTagSummaryProblemResponsesAndTheRightSecurity() {
        Map<String, Object> document = document();
        assertThat(OpenApiContract.operationViolations(document, OpenApiContractTest::anonymous)).isEmpty();
        assertThat(OpenApiContract.operationIds(document)).contains("publishCriteriaSet", "createCouncil", "createSession", "submitScoreSheet", "closeSessionProduct",
                "recogniseResults", "getEvaluationCertificate", "getUpgradeAdvice");
    }

    @Test
    void everyRequestBodyAndSuccessResponseHasAnExample() {
        assertThat(OpenApiContract.exampleViolations(document())).isEmpty();
    }

    @Test
    void everyOperationSaysWhoMayCallItAsItsSecurityDoes() {
        assertThat(OpenApiContract.descriptionViolations(document())).isEmpty();
    }

    @Test
    void theProblemCodeEnumIsTheSetOfCodesTheSourcesAnswer() {
        assertThat(OpenApiContract.problemCodeViolations(document(), Path.of("src/main/java"), Path.of("../platform/src/main/java"),
                Path.of("../projections/src/main/java"))).isEmpty();
    }
}
