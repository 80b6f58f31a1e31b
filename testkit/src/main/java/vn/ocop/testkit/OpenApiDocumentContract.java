package vn.ocop.testkit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The rules every service's OpenAPI document ({@code /q/openapi}) keeps for the integrators who generate clients from
 * it, written once: each service's {@code OpenApiContractTest} extends this class (it is a {@code @QuarkusTest} of that
 * service) and says only what is its own. A finding names the operation, e.g.
 * {@code POST /api/v1/x (createX): no example}. The checks themselves are {@link OpenApiContract}'s.
 */
public abstract class OpenApiDocumentContract {

    /** Whether the operation ({@code "METHOD /path"}) is one anyone may call without an account ({@code @PermitAll}). */
    protected abstract boolean anonymous(String operation);

    /** operationIds integrators already use (generated method names): renaming one breaks their clients. */
    protected abstract List<String> operationIdsInUse();

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> document() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().as(Map.class);
    }

    @Test
    void everyOperationHasAnIdTagSummaryProblemResponsesAndTheRightSecurity() {
        Map<String, Object> document = document();
        assertNone(OpenApiContract.operationViolations(document, this::anonymous));
        List<String> ids = OpenApiContract.operationIds(document);
        assertNone(operationIdsInUse().stream().filter(id -> !ids.contains(id)).map(id -> "operationId " + id + " is gone").toList());
    }

    @Test
    void everyRequestBodyAndSuccessResponseHasAnExample() {
        assertNone(OpenApiContract.exampleViolations(document()));
    }

    @Test
    void everyResponseExampleMatchesItsSchema() {
        assertNone(OpenApiContract.exampleSchemaViolations(document()));
    }

    @Test
    void everyOperationSaysWhoMayCallItAsItsSecurityDoes() {
        assertNone(OpenApiContract.descriptionViolations(document()));
    }

    @Test
    void everyOperationSaysWhatACallerGetsOutsideItsScope() {
        assertNone(OpenApiContract.scopeViolations(document()));
    }

    /** The service's sources, the platform's and the projections library's: together, every code it can answer. */
    @Test
    void theProblemCodeEnumIsTheSetOfCodesTheSourcesAnswer() {
        assertNone(OpenApiContract.problemCodeViolations(document(), Path.of("src/main/java"), Path.of("../platform/src/main/java"),
                Path.of("../projections/src/main/java")));
    }

    /** 405 (with Allow), 413, 414 and 431 can answer any request: the introduction says so, and a listed 405 declares Allow. */
    @Test
    @SuppressWarnings("unchecked")
    void theIntroductionSaysWhatAnyRequestMayBeAnswered() {
        Map<String, Object> document = document();
        String introduction = String.valueOf(((Map<String, Object>) document.get("info")).get("description"));
        assertNone(List.of("405 METHOD_NOT_ALLOWED", "Allow header", "413 PAYLOAD_TOO_LARGE", "414 URI_TOO_LONG", "431 HEADERS_TOO_LARGE")
                .stream().filter(phrase -> !introduction.contains(phrase)).map(phrase -> "info.description lacks " + phrase).toList());
        assertNone(OpenApiContract.allowViolations(document));
    }

    protected static void assertNone(List<String> findings) {
        assertTrue(findings.isEmpty(), () -> findings.size() + " findings:\n" + String.join("\n", findings));
    }
}
