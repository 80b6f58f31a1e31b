package vn.ocop.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import vn.ocop.platform.web.AllowedMethods;
import vn.ocop.platform.web.BodyLimits;

/**
 * Turns every failure into {@code application/problem+json} with a stable code: bad input is a 4xx that names the
 * field, anything unexpected is a 500 that names only a correlation id (the stack trace goes to the log, not the client).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(400, "VALIDATION_FAILED", "Request validation failed", detail).withViolations(violations), uri);
    }

    /** Registered for the exact type too: Quarkus ships its own (non-problem) mapper for it. */
    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimits.TooLarge tooLarge) {
                return bodyTooLarge(tooLarge, uri);
            }
        }
        return respond(JsonProblems.of(e), uri);
    }

    /** A chunked body that passed its operation's limit while being read (see {@link BodyLimits}). */
    @ServerExceptionMapper
    public Response bodyTooLarge(BodyLimits.TooLarge e, UriInfo uri) {
        return respond(e.toApiException().toProblem(), uri);
    }

    /** Quarkus REST reports a multipart body it cannot parse (no closing boundary, another boundary) as an IOException. */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e, UriInfo uri) {
        boolean parsingForm = java.util.Arrays.stream(e.getStackTrace()).limit(3)
                .anyMatch(frame -> frame.getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.")
                        || frame.getClassName().endsWith(".FormBodyHandler"));
        if (!parsingForm) {
            return unexpected(e, uri);
        }
        return respond(Problem.of(400, "MALFORMED_REQUEST", "Malformed request body",
                "The multipart/form-data body cannot be read: a boundary is missing or wrong, or a part is not closed"), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthenticatedResponse(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticatedResponse(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "FORBIDDEN", "Forbidden", "Your role does not allow this operation"), uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentUpdate(Exception e, UriInfo uri) {
        return respond(Problem.of(409, "CONCURRENT_UPDATE", "Concurrent update",
                "The resource was changed by someone else; read it again and retry"), uri);
    }

    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        LOG.infof("Database constraint %s refused a write", e.getConstraintName());
        return respond(Problem.of(409, "CONFLICT", "Conflict with existing data",
                "The request conflicts with existing data" + (e.getConstraintName() == null ? "" : " (" + e.getConstraintName() + ")")), uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        String allow = status == 404 || status == 405 ? allowedMethods.allowFor("/" + uri.getPath().replaceFirst("^/+", "")) : "";
        if (status == 404 && !allow.isEmpty() && !List.of(allow.split(", ")).contains(request.getMethod())) {
            // Quarkus REST answers 404 when another resource class shares the path's prefix: the path exists, the method not.
            status = 405;
        }
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri); // Quarkus REST wraps JSON syntax errors in a plain 400
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
        };
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") || status != e.getResponse().getStatus()
                ? title : e.getMessage();
        Response response = respond(Problem.of(status, code, title, detail), uri);
        return status == 405 && !allow.isEmpty() ? Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build() : response;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return respond(Problem.of(500, "INTERNAL_ERROR", "Internal error",
                "An unexpected error occurred; quote incident " + incident + " to the operators"), uri);
    }

    private Response unauthenticatedResponse(UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(401, "UNAUTHENTICATED", "Authentication required",
                        "Send a valid bearer token in the Authorization header"), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(uri == null ? problem : problem.withInstance(uri.getPath()))
                .build();
    }

    /** {@code create.request.taxCode} → {@code taxCode}; a query parameter keeps its own name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean afterParameter = false;
        String parameterName = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                afterParameter = true;
                parameterName = node.getName();
                continue;
            }
            if (afterParameter || node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.BEAN) {
                String name = node.getName();
                if (name == null) {
                    continue;
                }
                // Hibernate Validator puts a list index on the node *inside* the list: items[0].name
                if (node.isInIterable() && node.getIndex() != null && !names.isEmpty()) {
                    int last = names.size() - 1;
                    names.set(last, names.get(last) + "[" + node.getIndex() + "]");
                }
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return parameterName == null ? "request" : parameterName;
        }
        return String.join(".", names);
    }
}
