package vn.ocop.platform.ratelimit;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.security.CurrentUser;

/**
 * Spends the caller's budget of a rate-limited operation (see {@link RateLimited}) before the operation runs, and
 * answers 429 problem+json {@code RATE_LIMITED} with {@code Retry-After} when it is spent. The client is the token's
 * subject, or for an anonymous call its address: the TCP peer, or, only when
 * {@code ocop.rate-limit.client-address-header} names one (e.g. {@code X-Forwarded-For} behind the cluster's ingress),
 * the last address of that header, the one the trusted proxy itself saw. Without a trusted proxy the header is
 * ignored, since any caller can write it.
 */
public class RateLimitFilter {
    private static final Optional<String> NOT_LIMITED = Optional.empty();
    private final Map<Method, Optional<String>> budgets = new ConcurrentHashMap<>();

    @Inject
    RateLimits limits;

    @Inject
    CurrentUser user;

    @ConfigProperty(name = "ocop.rate-limit.client-address-header")
    Optional<String> clientAddressHeader;

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        Method method = resource.getResourceMethod();
        Optional<String> budget = method == null ? NOT_LIMITED : budgets.computeIfAbsent(method, RateLimitFilter::budgetOf);
        if (budget.isEmpty() || !RateLimits.enabled()) {
            return Optional.empty();
        }
        RateLimits.Verdict verdict = limits.spend(budget.get(), client(http));
        if (verdict.allowed()) {
            return Optional.empty();
        }
        Problem problem = Problem.of(429, "RATE_LIMITED", "Too many requests",
                "Too many requests of this kind from you; retry after " + verdict.retryAfterSeconds() + " s")
                .withInstance(request.getUriInfo().getPath());
        return Optional.of(Response.status(429).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.RETRY_AFTER, verdict.retryAfterSeconds()).build());
    }

    private String client(HttpServerRequest http) {
        if (!user.isAnonymous()) {
            return "sub:" + user.actor();
        }
        String forwarded = clientAddressHeader.map(http::getHeader).orElse(null);
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return "ip:" + hops[hops.length - 1].trim();
        }
        return "ip:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
    }

    static Optional<String> budgetOf(Method method) {
        return Arrays.stream(method.getAnnotationsByType(Extension.class))
                .filter(extension -> RateLimited.EXTENSION.equals(extension.name()))
                .map(Extension::value)
                .findFirst();
    }
}
