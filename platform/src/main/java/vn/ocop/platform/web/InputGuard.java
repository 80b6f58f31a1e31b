package vn.ocop.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import vn.ocop.platform.problem.ApiException;

/**
 * Checks every request before it reaches a resource: control characters in the path or a query value (a NUL there
 * reached PostgreSQL and gave a 500) are a 400 naming the parameter, and a body without {@code Content-Type} is a 415
 * instead of being guessed to be JSON; a Content-Type on a request without a body (a GET) is ignored.
 */
public class InputGuard {
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        MultivaluedMap<String, String> query;
        String path;
        try {
            path = request.getUriInfo().getPath(true);
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("uri", "is not correctly percent-encoded UTF-8");
        }
        if (!TextRules.isCleanLine(path) || path.contains("\uFFFD")) {
            throw ApiException.invalidField("path", TextRules.CONTROL_CHARACTER + " and must be percent-encoded UTF-8");
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!TextRules.isCleanLine(parameter.getKey())) {
                throw ApiException.invalidField("query", TextRules.CONTROL_CHARACTER);
            }
            for (String value : parameter.getValue()) {
                if (!TextRules.isCleanLine(value) || value.contains("\uFFFD")) {
                    throw ApiException.invalidField(parameter.getKey(), TextRules.CONTROL_CHARACTER
                            + " and must be percent-encoded UTF-8");
                }
            }
        }
        if (!WITH_BODY.contains(request.getMethod()) && !hasBody(request)) {
            // A Content-Type on a request without a body describes nothing; left in place, a resource's class-level
            // @Consumes turned a GET carrying "text/plain" into an undocumented 415.
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
        if (WITH_BODY.contains(request.getMethod()) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null && hasBody(request)) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type",
                    "The request has a body but no Content-Type header; send the media type the operation documents");
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !"0".equals(length.trim());
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }
}
