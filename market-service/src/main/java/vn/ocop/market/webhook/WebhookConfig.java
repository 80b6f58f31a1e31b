package vn.ocop.market.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How notifications to channels and points of sale are retried. */
@ConfigMapping(prefix = "market.webhook")
public interface WebhookConfig {

    /** How often the sender looks for due deliveries (read by its @Scheduled expression). */
    @WithDefault("1s")
    String pollInterval();

    /** Pause after the first failed attempt; doubles after each further failure. */
    @WithDefault("PT5S")
    Duration initialBackoff();

    /** Longest pause between two attempts. */
    @WithDefault("PT1H")
    Duration maxBackoff();

    /** Attempts before a delivery is given up (status GAVE_UP; the escalation list still shows the listing). */
    @WithDefault("15")
    int maxAttempts();

    /** Connect and response timeout of one attempt. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Deliveries claimed per run of the sender. */
    @WithDefault("20")
    int batchSize();

    /** Notification URLs must use https (production); development and tests set false to allow http. */
    @WithDefault("true")
    boolean requireHttps();

    /** Hosts allowed although they are local or private (development and tests only; empty in production). */
    Optional<List<String>> allowedHosts();

    /** Exponential backoff: initial × 2^(attempts − 1), capped at max. */
    static Duration backoff(int attempts, Duration initial, Duration max) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration pause = initial.multipliedBy(1L << doublings);
        return pause.compareTo(max) > 0 ? max : pause;
    }
}
