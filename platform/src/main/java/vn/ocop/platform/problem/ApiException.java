package vn.ocop.platform.problem;

import java.util.List;

/**
 * A request the service refuses, with the HTTP status and stable code of its problem document. Thrown from the
 * service layer; the transaction rolls back, so a refused request never leaves a partial write.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;
    private final List<Problem.Violation> violations;

    public ApiException(int status, String code, String title, String detail) {
        this(status, code, title, detail, null);
    }

    public ApiException(int status, String code, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.violations = violations;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "NOT_FOUND", "Resource not found", what + " " + id + " does not exist");
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(409, code, "Conflict with the current state", detail);
    }

    /** One invalid field, reported like a bean-validation failure. */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(400, "VALIDATION_FAILED", "Request validation failed", field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    /** A rule of the programme refuses the request (422): the request is well-formed but not allowed now. */
    public static ApiException rule(String code, String detail) {
        return new ApiException(422, code, "Refused by a programme rule", detail);
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(403, code, "Forbidden", detail);
    }

    public Problem toProblem() {
        return Problem.of(status, code, title, getMessage()).withViolations(violations);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
