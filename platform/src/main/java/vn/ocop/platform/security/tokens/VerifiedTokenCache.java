package vn.ocop.platform.security.tokens;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The bearer token parser Quarkus' {@code MpJwtValidator} uses: it verifies a token with smallrye-jwt's own
 * {@link DefaultJWTParser} once and then answers the same token string from memory (RSA verification and claims
 * parsing were 12-18 % of an authenticated request's CPU, and integrating systems send one token many times).
 * <p>
 * Only tokens the parser accepted are kept, each until the first of: its {@code exp} plus the allowance the parser
 * gives ({@code smallrye.jwt.expiration.grace}, else {@code mp.jwt.verify.clock.skew}), the end of the maximum token
 * age ({@code mp.jwt.verify.token.age}, when set), and
 * {@code ocop.security.token-cache.max-age} after it was verified (so a key withdrawn from a JWKS stops being honoured
 * soon). The cache holds at most {@code ocop.security.token-cache.max-entries} tokens; reads take no lock.
 * Calls with explicit keys or settings go to the parser uncached.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    /** Counter on /q/metrics, tagged outcome=cache (answered from memory), verified or refused (by the parser). */
    static final String VERIFICATIONS = "ocop.security.token.verifications";

    private final DefaultJWTParser parser;
    private final Cache<String, VerifiedToken> verified;
    private final long allowedSkewSeconds;
    private final Long maxTokenAgeSeconds;
    private final long maxAgeMillis;
    private final Counter fromCache;
    private final Counter verifiedByParser;
    private final Counter refusedByParser;

    @Inject
    public VerifiedTokenCache(DefaultJWTParser parser, JWTAuthContextInfo verification, MeterRegistry meters,
                              @ConfigProperty(name = "ocop.security.token-cache.enabled", defaultValue = "true") boolean enabled,
                              @ConfigProperty(name = "ocop.security.token-cache.max-entries", defaultValue = "1000") long maxEntries,
                              @ConfigProperty(name = "ocop.security.token-cache.max-age", defaultValue = "60s") Duration maxAge) {
        this.parser = parser;
        // The same allowance as smallrye-jwt's DefaultJWTTokenParser: the exp grace period if set, else the clock skew.
        this.allowedSkewSeconds = verification.getExpGracePeriodSecs() > 0 ? verification.getExpGracePeriodSecs()
                : Math.max(0, verification.getClockSkew());
        this.maxTokenAgeSeconds = verification.getTokenAge();
        this.maxAgeMillis = maxAge.toMillis();
        this.verified = enabled && maxEntries > 0 && maxAgeMillis > 0 ? Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new UntilUnusable())
                // Housekeeping on the calling thread (amortised, never blocking a reader): a service has one CPU.
                .executor(Runnable::run)
                .build() : null;
        this.fromCache = counter(meters, "cache");
        this.verifiedByParser = counter(meters, "verified");
        this.refusedByParser = counter(meters, "refused");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder(VERIFICATIONS).tag("outcome", outcome)
                .description("Bearer tokens answered from the verified-token cache (cache) or verified or refused by the parser")
                .register(meters);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (verified == null) {
            return verify(token);
        }
        long now = System.currentTimeMillis();
        VerifiedToken known = verified.getIfPresent(token);
        if (known != null && now < known.usableUntilMillis()) {
            fromCache.increment();
            return known.jwt();
        }
        JsonWebToken jwt = verify(token);
        long usableUntil = usableUntilMillis(jwt, now);
        if (usableUntil > now) {
            verified.put(token, new VerifiedToken(jwt, usableUntil));
        }
        return jwt;
    }

    private JsonWebToken verify(String token) throws ParseException {
        try {
            JsonWebToken jwt = parser.parse(token);
            verifiedByParser.increment();
            return jwt;
        } catch (ParseException | RuntimeException e) {
            refusedByParser.increment();
            throw e;
        }
    }

    /**
     * When the parser would start refusing this token (it compares whole seconds: refused once
     * {@code now - skew >= exp}, or {@code now - iat > token-age}), capped by this cache's own maximum age.
     */
    private long usableUntilMillis(JsonWebToken jwt, long now) {
        long untilSecond = jwt.getExpirationTime() + allowedSkewSeconds;
        if (maxTokenAgeSeconds != null) {
            untilSecond = Math.min(untilSecond, jwt.getIssuedAtTime() + maxTokenAgeSeconds + 1);
        }
        return Math.min(untilSecond * 1000, now + maxAgeMillis);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }

    /** A token the parser accepted, and until when (wall clock, like exp) it may be answered from memory. */
    private record VerifiedToken(JsonWebToken jwt, long usableUntilMillis) {
    }

    /** Frees an entry's memory once it can no longer be used ({@link #parse} also checks the deadline on every read). */
    private static final class UntilUnusable implements Expiry<String, VerifiedToken> {
        @Override
        public long expireAfterCreate(String token, VerifiedToken entry, long currentTime) {
            return Duration.ofMillis(Math.max(0, entry.usableUntilMillis() - System.currentTimeMillis())).toNanos();
        }

        @Override
        public long expireAfterUpdate(String token, VerifiedToken entry, long currentTime, long currentDuration) {
            return expireAfterCreate(token, entry, currentTime);
        }

        @Override
        public long expireAfterRead(String token, VerifiedToken entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
