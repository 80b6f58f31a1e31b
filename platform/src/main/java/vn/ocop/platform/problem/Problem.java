package vn.ocop.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code code} is stable and meant for programs;
 * {@code title} and {@code detail} are for people and may change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details with a stable error code")
public record Problem(
        @Schema(description = "URI reference identifying the problem type", example = "/problems/validation-failed") String type,
        @Schema(example = "Request validation failed") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are invalid") String detail,
        @Schema(description = "The request path", example = "/api/v1/producers") String instance,
        @Schema(description = "Stable, machine-readable error code", example = "VALIDATION_FAILED") String code,
        @Schema(description = "Field errors, for validation problems") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field. {@code field} is the JSON path of the field in the request body or the parameter name. */
    public record Violation(@Schema(example = "taxCode") String field,
                            @Schema(example = "must be 10 or 13 digits") String message) {
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(typeOf(code), title, status, detail, null, code, null);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, code, violations);
    }

    public Problem withViolations(List<Violation> list) {
        return new Problem(type, title, status, detail, instance, code, list);
    }

    static String typeOf(String code) {
        return "/problems/" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
