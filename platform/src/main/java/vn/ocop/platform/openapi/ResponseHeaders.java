package vn.ocop.platform.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The response headers the platform sends, declared where it sends them so that generated clients expose them as
 * typed values: {@code Location} on 201, {@code ETag} on the reads and writes of a resource updated with
 * {@code If-Match} (platform Etag), {@code Idempotent-Replayed} where an {@code Idempotency-Key} is read, and
 * {@code Retry-After} on 503 (DatabaseUnavailableMapper), {@code Allow} on a 405 an operation lists (every 405 carries it;
 * the document's introduction says so for the operations that do not list one).
 */
final class ResponseHeaders {
    static final String IF_MATCH = "If-Match";

    private ResponseHeaders() {
    }

    static void declare(PathItem.HttpMethod method, Operation operation, PathItem path) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        boolean versioned = hasParameter(operation, IF_MATCH) || method == PathItem.HttpMethod.GET && pathTakesIfMatch(path);
        boolean idempotent = hasParameter(operation, "Idempotency-Key");
        for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
            String status = entry.getKey();
            APIResponse response = entry.getValue();
            boolean success = status.startsWith("2");
            String description = response.getDescription() == null ? "" : response.getDescription();
            if ("201".equals(status)) {
                add(response, "Location", "Where the created resource is read", "/api/v1/producers/6af1a898-4707-4cf5-8dc4-8377d40fe932");
            }
            if (success && !"204".equals(status) && (versioned || description.contains("ETag"))) {
                add(response, "ETag", "The version read or written; send it back in If-Match to change the resource", "\"3\"");
            }
            if (success && idempotent) {
                add(response, "Idempotent-Replayed", "true when this is the stored answer to an earlier request with the same "
                        + "Idempotency-Key (nothing was done again)", "true");
            }
            if ("503".equals(status)) {
                add(response, "Retry-After", "Seconds to wait before retrying", "5");
            }
            if ("405".equals(status)) {
                add(response, "Allow", "The methods this path answers (ProblemMappers, RFC 9110 §15.5.6)", "GET, HEAD, OPTIONS, PUT");
            }
        }
    }

    private static boolean pathTakesIfMatch(PathItem path) {
        return path.getOperations().values().stream().anyMatch(other -> hasParameter(other, IF_MATCH));
    }

    private static boolean hasParameter(Operation operation, String name) {
        List<Parameter> parameters = operation.getParameters();
        return parameters != null && parameters.stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(parameter.getName()));
    }

    private static void add(APIResponse response, String name, String description, String example) {
        if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return; // declared by the resource itself
        }
        Schema schema = OASFactory.createSchema().type(List.of("Retry-After".equals(name)
                ? Schema.SchemaType.INTEGER : Schema.SchemaType.STRING));
        Header header = OASFactory.createHeader().description(description).schema(schema)
                .example("Retry-After".equals(name) ? Integer.valueOf(example) : example);
        response.addHeader(name, header);
    }
}
