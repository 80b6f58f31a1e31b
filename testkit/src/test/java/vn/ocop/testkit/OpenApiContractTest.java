package vn.ocop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The document checks must fail what a reader would find contradictory, or every service's document would pass. */
class OpenApiContractTest {
    @Test
    void aPublicOperationMayNotNarrowItsCallersToTheirProvince() {
        Map<String, Object> document = document(
                operation("getDecision", "PUBLIC", "Who may call: central-officer (nationwide), province-officer (its own "
                        + "province only).\n\nScope: public: every caller the roles allow sees every record."),
                operation("getRules", "NONE", "Who may call: any signed-in role, each within its own data scope.\n\n"
                        + "Scope: none: the same answer for every caller the roles allow."),
                operation("listDecisions", "PUBLIC", "Published acts, not only this province's.\n\nWho may call: "
                        + "central-officer, province-officer.\n\nScope: public: every caller the roles allow sees every record."),
                operation("getProducer", "HIDDEN", "Who may call: province-officer (its own province only).\n\nScope: "
                        + "outside the caller's scope the record answers 404 NOT_FOUND exactly like a missing one."));

        List<String> problems = OpenApiContract.scopeViolations(document);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("getDecision").contains("narrows a role");
        assertThat(problems.get(1)).contains("getRules").contains("narrows a role");
    }

    private static Map<String, Object> operation(String id, String scope, String description) {
        return Map.of("operationId", id, "x-ocop-scope", scope, "description", description);
    }

    @SafeVarargs
    private static Map<String, Object> document(Map<String, Object>... operations) {
        Map<String, Object> paths = new java.util.LinkedHashMap<>();
        for (Map<String, Object> operation : operations) {
            paths.put("/" + operation.get("operationId"), Map.of("get", operation));
        }
        return Map.of("openapi", "3.0.3", "paths", paths);
    }
}
