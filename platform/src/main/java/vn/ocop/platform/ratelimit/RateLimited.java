package vn.ocop.platform.ratelimit;

/**
 * How an operation names its rate-limit budget: {@code @Extension(name = RateLimited.EXTENSION, value = "complaints")}
 * on the resource method. One annotation serves both sides: {@link RateLimitFilter} spends the named budget at run
 * time, and the OpenAPI document shows {@code x-ocop-rate-limit: complaints} on the operation, to which
 * {@code OpenApiDocumentFilter} adds the 429 answer. The budget's limits are configuration, see {@link RateLimits}.
 */
public final class RateLimited {
    public static final String EXTENSION = "x-ocop-rate-limit";

    private RateLimited() {
    }
}
