package vn.ocop.platform.web;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import vn.ocop.platform.problem.Problem;

/**
 * The size limits of a request, answered as problem documents: a body whose {@code Content-Length} is over
 * {@code quarkus.http.limits.max-body-size} (413), a URI over {@value #MAX_URI} characters (414) and headers over
 * {@value #MAX_HEADERS} bytes (431). Vert.x and Quarkus answer these with an empty body (or, for the URI, by closing
 * the connection), so the HTTP layer's own limits are set higher (64 KiB, in the platform defaults) and this filter,
 * which runs before any route, refuses first. Requests beyond those 64 KiB still get the HTTP layer's bare answer.
 * The service's body limit is the outer bound, sized to its largest upload; each operation's own, smaller limit (JSON
 * bodies, files, imports) is applied once the operation is known, by {@link BodyLimits}.
 */
@ApplicationScoped
public class RequestLimits {
    public static final int MAX_URI = 8192;
    public static final int MAX_HEADERS = 20480;
    private static final ObjectMapper JSON = new ObjectMapper();

    void register(@Observes Filters filters) {
        long maxBody = bytes(ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", String.class)
                .orElse("10240K"));
        filters.register(context -> check(context, maxBody), 10_000);
    }

    private static void check(RoutingContext context, long maxBody) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > MAX_URI) {
            refuse(context, Problem.of(414, "URI_TOO_LONG", "URI Too Long",
                    "The request URI has " + request.uri().length() + " characters; at most " + MAX_URI + " are accepted"));
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > MAX_HEADERS) {
            refuse(context, Problem.of(431, "HEADERS_TOO_LARGE", "Request Header Fields Too Large",
                    "The request headers have " + headers + " bytes; at most " + MAX_HEADERS + " are accepted"));
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && length.trim().matches("\\d{1,18}") && Long.parseLong(length.trim()) > maxBody) {
            refuse(context, Problem.of(413, "PAYLOAD_TOO_LARGE", "Content Too Large",
                    "The request body is " + length.trim() + " bytes; this service accepts at most " + maxBody));
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context, Problem problem) {
        try {
            context.response().setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(JSON.writeValueAsString(problem.status() == 414 ? problem : problem.withInstance(context.request().path())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code 64M}, {@code 10240K}, {@code 1G} or a plain number of bytes (Quarkus' binary units). */
    static long bytes(String size) {
        String text = size.trim().toUpperCase(Locale.ROOT);
        char unit = text.charAt(text.length() - 1);
        long factor = switch (unit) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Long.parseLong(factor == 1 ? text : text.substring(0, text.length() - 1)) * factor;
    }
}
