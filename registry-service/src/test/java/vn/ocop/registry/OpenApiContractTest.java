package vn.ocop.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * Every request body and every success response shows an example: on the media type, on the schema, or on at least
     * one property of the schema ({@code $ref}s resolved; for arrays and the Page envelope, of the item schema). A 2xx
     * response without content is accepted only for 204.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyRequestBodyAndSuccessResponseHasAnExample() {
        Map<String, Object> document = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().as(Map.class);
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) document.get("components")).get("schemas");
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
        List<String> problems = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                return;
            }
            String where = method.toUpperCase() + " " + path;
            Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
            if (requestBody != null) {
                checkContent(where + " request body", (Map<String, Map<String, Object>>) requestBody.get("content"), schemas,
                        problems);
            }
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            List<String> success = responses.keySet().stream().filter(status -> status.startsWith("2")).toList();
            if (success.isEmpty()) {
                problems.add(where + ": no 2xx response");
            }
            for (String status : success) {
                Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) responses.get(status).get("content");
                if (content == null || content.isEmpty()) {
                    if (!"204".equals(status)) {
                        problems.add(where + " " + status + ": no content");
                    }
                    continue;
                }
                checkContent(where + " " + status, content, schemas, problems);
            }
        }));
        assertThat(problems).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void checkContent(String where, Map<String, Map<String, Object>> content,
                                     Map<String, Map<String, Object>> schemas, List<String> problems) {
        if (content == null || content.isEmpty()) {
            problems.add(where + ": no content");
            return;
        }
        content.forEach((mediaType, media) -> {
            boolean mediaExample = media.get("example") != null
                    || (media.get("examples") instanceof Map<?, ?> examples && !examples.isEmpty());
            if (!mediaExample && !hasExample((Map<String, Object>) media.get("schema"), schemas, new HashSet<>())) {
                problems.add(where + " " + mediaType + ": no example");
            }
        });
    }

    /** An example on the schema, on one of its properties, or (array, Page envelope) on its item schema. */
    @SuppressWarnings("unchecked")
    private static boolean hasExample(Map<String, Object> schema, Map<String, Map<String, Object>> schemas, Set<String> seen) {
        if (schema == null) {
            return false;
        }
        if (schema.get("$ref") instanceof String ref) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            return seen.add(name) && hasExample(schemas.get(name), schemas, seen);
        }
        if (schema.get("example") != null || (schema.get("examples") instanceof List<?> examples && !examples.isEmpty())) {
            return true;
        }
        for (String composition : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.get(composition) instanceof List<?> parts) {
                for (Object part : parts) {
                    if (hasExample((Map<String, Object>) part, schemas, seen)) {
                        return true;
                    }
                }
            }
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            return hasExample((Map<String, Object>) items, schemas, seen);
        }
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        if (properties == null) {
            return false;
        }
        Map<String, Object> pageItems = properties.get("items");
        if (pageItems != null && pageItems.get("items") != null) {
            // The Page envelope {items, page, size, total}: its example is its item type's
            return hasExample((Map<String, Object>) pageItems.get("items"), schemas, seen);
        }
        return properties.values().stream().anyMatch(property -> property.get("$ref") == null
                && (property.get("example") != null || property.get("examples") instanceof List<?> list && !list.isEmpty()));
    }
}
