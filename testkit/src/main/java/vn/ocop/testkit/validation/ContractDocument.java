package vn.ocop.testkit.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * One service's OpenAPI document as the judge of what its API answers: the status must be documented for the
 * operation, the {@code Content-Type} one the document lists for that status, and a JSON body (including
 * {@code application/problem+json}) must match the schema exactly: every {@code required} property present, no
 * property the schema does not name, {@code null} only where {@code nullable}, enum values from the list, formats
 * right. Other bodies (PDF, PNG, CSV, HTML) are judged by status and content type only.
 */
public final class ContractDocument {
    /** An unknown route answered by the framework, not by an operation: only its problem document is checked. */
    private static final Set<Integer> ROUTE_STATUSES = Set.of(404, 405);
    private static final Set<String> UNMATCHED = Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private final OpenApiInteractionValidator validator;

    private ContractDocument(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** @param document the OpenAPI document as JSON (what {@code /q/openapi?format=json} serves) */
    public static ContractDocument of(String document) {
        return new ContractDocument(OpenApiInteractionValidator
                .createForInlineApiSpecification(NullableReferences.inline(document))
                .build());
    }

    /**
     * What the response contradicts in the document; empty when it matches.
     *
     * @param path the request path without query (as sent, percent-encoded)
     */
    public List<String> mismatches(String method, String path, int status, String contentType,
                                   Map<String, List<String>> headers, byte[] body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach(response::withHeader);
        boolean hasBody = body != null && body.length > 0;
        if (contentType != null && !contentType.isBlank()) {
            response.withContentType(contentType);
        }
        if (hasBody) {
            response.withBody(body);
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)),
                response.build());
        List<String> mismatches = new ArrayList<>();
        boolean unmatched = report.getMessages().stream().anyMatch(message -> UNMATCHED.contains(message.getKey()));
        if (unmatched) {
            if (!ROUTE_STATUSES.contains(status)) {
                mismatches.add("no operation " + method + " " + path + " in the document, yet it answered " + status);
            } else if (hasBody && !isProblem(contentType)) {
                mismatches.add(status + " for an unknown route is " + contentType + ", not application/problem+json");
            }
            return mismatches;
        }
        if (hasBody && (contentType == null || contentType.isBlank())) {
            mismatches.add("a body without Content-Type");
        }
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                String where = message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                        .map(pointers -> " at " + (pointers.getInstance().isEmpty() ? "/" : pointers.getInstance()))
                        .orElse("");
                mismatches.add(message.getKey() + where + ": " + message);
            }
        }
        return mismatches;
    }

    private static boolean isProblem(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
    }
}
