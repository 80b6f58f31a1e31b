package vn.ocop.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.scheduler.Scheduled;

/**
 * The rate-limit budgets of a service: per budget (an operation or a few alike) and per client, a token bucket of
 * {@code ocop.rate-limit.<budget>.capacity} requests refilled over {@code ocop.rate-limit.<budget>.period}. The buckets
 * live in the service's database (table {@code rate_limit_bucket}, Bucket4j's PostgreSQL store, row-locked), so all
 * replicas spend one budget. A bucket's row expires once it would be full again and is then deleted.
 * <p>A bucket keeps the configuration it was created with until it expires (at most one period), so a changed limit
 * applies to a client within one period.
 */
@ApplicationScoped
public class RateLimits {
    static final String TABLE = "rate_limit_bucket";
    private static final String PREFIX = "ocop.rate-limit.";

    private final Map<String, BucketConfiguration> configurations = new ConcurrentHashMap<>();
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    @Inject
    public RateLimits(DataSource dataSource) {
        this.buckets = store(dataSource);
    }

    /** A store of buckets on {@code dataSource}: what each replica of a service builds over the same database. */
    static PostgreSQLSelectForUpdateBasedProxyManager<String> store(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1)))
                .build();
    }

    public static boolean enabled() {
        return ConfigProvider.getConfig().getOptionalValue(PREFIX + "enabled", Boolean.class).orElse(true);
    }

    /** Spends one request of {@code client}'s {@code budget}: the answer says whether it may go on, or when to retry. */
    public Verdict spend(String budget, String client) {
        return spend(buckets, configuration(budget), budget, client);
    }

    static Verdict spend(PostgreSQLSelectForUpdateBasedProxyManager<String> store, BucketConfiguration configuration,
                         String budget, String client) {
        ConsumptionProbe probe = store.getProxy(budget + "|" + client, () -> configuration).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Verdict.ALLOWED;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Verdict(false, seconds);
    }

    BucketConfiguration configuration(String budget) {
        return configurations.computeIfAbsent(budget, RateLimits::read);
    }

    static BucketConfiguration read(String budget) {
        Config config = ConfigProvider.getConfig();
        long capacity = config.getOptionalValue(PREFIX + budget + ".capacity", Long.class).orElseThrow(() ->
                new IllegalStateException("No rate limit configured for budget " + budget + " (" + PREFIX + budget + ".capacity)"));
        Duration period = config.getValue(PREFIX + budget + ".period", Duration.class);
        return of(capacity, period);
    }

    static BucketConfiguration of(long capacity, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build();
    }

    @Scheduled(every = "${ocop.rate-limit.cleanup-interval:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpiredBuckets() {
        while (buckets.removeExpired(1000) == 1000) {
            // a large backlog is removed in batches, each its own short transaction
        }
    }

    /** Whether a request may go on; when not, the whole seconds after which one more request would be allowed. */
    public record Verdict(boolean allowed, long retryAfterSeconds) {
        static final Verdict ALLOWED = new Verdict(true, 0);
    }
}
