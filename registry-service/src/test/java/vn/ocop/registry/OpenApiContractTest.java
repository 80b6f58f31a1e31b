package vn.ocop.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.testkit.OcopTestResource;

/** What a provincial integrator generating a client relies on, checked for every operation of the document. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class OpenApiContractTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAnIdTagSummaryAndDocumentedProblemResponses() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        List<String> problems = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                return;
            }
            String where = method.toUpperCase() + " " + path;
            ids.add((String) operation.get("operationId"));
            if (operation.get("operationId") == null) {
                problems.add(where + ": no operationId");
            }
            if (operation.get("tags") == null || ((List<?>) operation.get("tags")).isEmpty()) {
                problems.add(where + ": no tag");
            }
            if (operation.get("summary") == null) {
                problems.add(where + ": no summary");
            }
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            for (String status : List.of("400", "500")) {
                Map<String, Object> response = responses.get(status);
                if (response == null || response.get("content") == null
                        || !((Map<String, Object>) response.get("content")).containsKey("application/problem+json")) {
                    problems.add(where + ": no problem response " + status);
                }
            }
            boolean anonymous = path.startsWith("/api/v1/public/") || path.startsWith("/api/v1/provinces");
            List<?> security = (List<?>) operation.get("security");
            if (anonymous != (security != null && security.isEmpty())) {
                problems.add(where + ": security " + security);
            }
            if (!anonymous && !responses.containsKey("401")) {
                problems.add(where + ": no 401");
            }
        }));
        assertThat(problems).isEmpty();
        assertThat(ids).doesNotHaveDuplicates()
                .contains("verifyCertificate", "listCommunes", "resolveProvince", "loadCommunes", "createApplication",
                        "submitApplication", "acceptApplication", "searchCatalogue", "startImport", "listImportRows");
    }
}
