package vn.ocop.platform.web;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;

/**
 * The body limit of each operation, applied before the body is read (this filter runs after routing, so it knows the
 * operation, and before Quarkus REST reads or parses the body): an operation's own {@link BodyLimit}, else for JSON
 * the JSON limit ({@code ocop.http.max-json-body}, 512 KiB: the largest JSON body, a product with its story, is a few
 * KiB). A declared {@code Content-Length} above it is answered 413 at once; the limit is kept on the request so that
 * {@link BodyLimitInterceptor} stops a chunked body as soon as it passes it, and {@link #checkFile} refuses a multipart
 * file part above it before its bytes are read into memory. A multipart body may exceed its file limit by
 * {@value #MULTIPART_OVERHEAD} bytes (boundaries and part headers); the file itself may not. The service-wide
 * {@code quarkus.http.limits.max-body-size} ({@link RequestLimits}) stays the outer bound, sized to the largest of them.
 */
public class BodyLimits {
    /** Room for a multipart body's boundaries and part headers around its file. */
    public static final long MULTIPART_OVERHEAD = 64 * 1024;
    static final String PROPERTY = "vn.ocop.platform.web.body-limit";
    private static final Optional<Limit> NONE = Optional.empty();

    private final Map<Method, Optional<Limit>> declared = new ConcurrentHashMap<>();
    /** The JSON default, read once: this filter runs on every request with a body. */
    private volatile Limit json;

    /** A limit in bytes with the code of its 413; {@code json} when it is the JSON default rather than the operation's. */
    public record Limit(long maxBytes, String code, boolean json) {
        ApiException tooLarge(String what, String size) {
            String detail = json
                    ? "The JSON body is " + size + " bytes; JSON bodies may have at most " + maxBytes
                    : "The " + what + " is " + size + " bytes; this operation accepts at most " + maxBytes + " bytes";
            return new ApiException(413, code, "Content Too Large", detail);
        }
    }

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Optional<Limit> own = method == null ? NONE : declared.computeIfAbsent(method, BodyLimits::declaredBy);
        MediaType type = mediaType(request);
        Optional<Limit> limit = own.isPresent() ? own
                : isJson(type) ? Optional.of(jsonLimit()) : NONE;
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        request.setProperty(PROPERTY, limit.get());
        long allowed = limit.get().maxBytes() + (isMultipart(type) ? MULTIPART_OVERHEAD : 0);
        String length = request.getHeaderString("Content-Length");
        if (length != null && length.trim().matches("\\d{1,18}") && Long.parseLong(length.trim()) > allowed) {
            Problem problem = limit.get().tooLarge("body", length.trim()).toProblem().withInstance(request.getUriInfo().getPath());
            return Optional.of(Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build());
        }
        return Optional.empty();
    }

    /**
     * Refuses (413 with the operation's code) a multipart file part of {@code size} bytes above the operation's limit;
     * call it before reading the part. Outside a request, or for an operation without a limit, it accepts.
     */
    public static void checkFile(long size) {
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        if (context != null && context.getProperty(PROPERTY) instanceof Limit limit && size > limit.maxBytes()) {
            throw limit.tooLarge("file", Long.toString(size));
        }
    }

    static Optional<Limit> declaredBy(Method method) {
        BodyLimit annotation = method.getAnnotation(BodyLimit.class);
        if (annotation == null) {
            return NONE;
        }
        String size = ConfigProvider.getConfig().getOptionalValue(annotation.value(), String.class).orElseThrow(() ->
                new IllegalStateException(method + " names the body limit " + annotation.value() + ", which is not configured"));
        return Optional.of(new Limit(RequestLimits.bytes(size), annotation.code(), false));
    }

    private Limit jsonLimit() {
        Limit limit = json;
        if (limit == null) {
            json = limit = new Limit(jsonMaxBytes(), "PAYLOAD_TOO_LARGE", true);
        }
        return limit;
    }

    static long jsonMaxBytes() {
        return RequestLimits.bytes(ConfigProvider.getConfig().getOptionalValue("ocop.http.max-json-body", String.class).orElse("512K"));
    }

    static boolean isJson(MediaType type) {
        return type != null && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    /** Null for a missing or unparseable Content-Type (refused elsewhere, with 415 or 400). */
    private static MediaType mediaType(ContainerRequestContext request) {
        try {
            return request.getMediaType();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isMultipart(MediaType type) {
        return type != null && "multipart".equals(type.getType());
    }

    /**
     * A body that passed its limit while being read. An {@code IOException}, because Jackson passes the stream's I/O
     * failures through as they are but wraps any other exception into a mapping error (a 400); {@code ProblemMappers}
     * answers it as 413.
     */
    public static final class TooLarge extends IOException {
        private final transient Limit limit;

        TooLarge(Limit limit) {
            super("Body over " + limit.maxBytes() + " bytes");
            this.limit = limit;
        }

        public ApiException toApiException() {
            return limit.tooLarge("body", "over " + limit.maxBytes());
        }
    }
}
