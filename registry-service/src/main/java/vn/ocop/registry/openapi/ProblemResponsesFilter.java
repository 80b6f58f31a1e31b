package vn.ocop.registry.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem responses every operation can give (RFC 9457, {@code application/problem+json}, with an
 * example carrying the stable code), so that generated clients know the error shape without each resource repeating
 * a dozen annotations. Operations without a role check get an explicit empty security requirement (anonymous).
 */
public class ProblemResponsesFilter implements OASFilter {
    private static final String MEDIA_TYPE = "application/problem+json";

    private record Problem(String status, String description, String code, String detail) {
    }

    private static final Problem BAD_REQUEST = new Problem("400", "Invalid input (violations name each field)",
            "VALIDATION_FAILED", "communeCode: must be a 5-digit commune code");
    private static final Problem UNAUTHENTICATED = new Problem("401", "No valid bearer token", "UNAUTHENTICATED",
            "Authentication is required");
    private static final Problem FORBIDDEN = new Problem("403", "Role or data scope does not allow this", "OUT_OF_SCOPE",
            "Your account may not act on province 51");
    private static final Problem NOT_FOUND = new Problem("404", "Unknown resource", "NOT_FOUND",
            "Product 0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a001 does not exist");
    private static final Problem CONFLICT = new Problem("409", "Conflicts with the current state", "INVALID_TRANSITION",
            "Cannot accept an application that is DRAFT");
    private static final Problem PRECONDITION_FAILED = new Problem("412", "If-Match names an old version", "PRECONDITION_FAILED",
            "The resource is now at version \"3\"; read it again and reapply your change");
    private static final Problem UNPROCESSABLE = new Problem("422", "Refused by a programme rule", "RE_RATING_OUTSIDE_WINDOW",
            "A re-rating may be filed from 2028-09-16 to 2028-11-15 (180 to 120 days before expiry)");
    private static final Problem PRECONDITION_REQUIRED = new Problem("428", "If-Match missing", "PRECONDITION_REQUIRED",
            "Send the ETag of your last read in the If-Match header");
    private static final Problem INTERNAL = new Problem("500", "Unexpected error (an incident id is logged)", "INTERNAL_ERROR",
            "Unexpected error; quote incident 38313466-1be9-492f-bdce-66c2c8022e33");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean hasPathParameter = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                document(entry.getKey(), entry.getValue(), hasPathParameter);
            }
        }
    }

    private static void document(PathItem.HttpMethod method, Operation operation, boolean hasPathParameter) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean write = method != PathItem.HttpMethod.GET;
        add(responses, BAD_REQUEST);
        if (secured) {
            add(responses, UNAUTHENTICATED);
            add(responses, FORBIDDEN);
        } else {
            operation.setSecurity(new ArrayList<>());
        }
        if (hasPathParameter) {
            add(responses, NOT_FOUND);
        }
        if (write) {
            add(responses, CONFLICT);
            add(responses, UNPROCESSABLE);
        }
        if (method == PathItem.HttpMethod.PUT) {
            add(responses, PRECONDITION_FAILED);
            add(responses, PRECONDITION_REQUIRED);
        }
        add(responses, INTERNAL);
        operation.setResponses(responses);
    }

    private static void add(APIResponses responses, Problem problem) {
        APIResponse existing = responses.getAPIResponse(problem.status());
        if (existing != null && existing.getContent() != null && existing.getContent().hasMediaType(MEDIA_TYPE)) {
            return; // documented by the resource itself
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "/problems/" + problem.code().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        example.put("title", problem.description());
        example.put("status", Integer.parseInt(problem.status()));
        example.put("detail", problem.detail());
        example.put("code", problem.code());
        Content content = OASFactory.createContent().addMediaType(MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                .example(example));
        if (existing != null) {
            // Generated for bean validation or security, but without the body shape: add it.
            existing.setContent(content);
            if (existing.getDescription() == null || existing.getDescription().isBlank()) {
                existing.setDescription(problem.description());
            }
            return;
        }
        responses.addAPIResponse(problem.status(), OASFactory.createAPIResponse().description(problem.description()).content(content));
    }
}
