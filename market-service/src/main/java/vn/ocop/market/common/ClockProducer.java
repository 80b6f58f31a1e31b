package vn.ocop.market.common;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The market's clock. Deadlines (acknowledgement of a suspension, webhook backoff) are measured against it, so a test
 * can supply its own {@link Clock} bean and move time instead of waiting days.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        // PostgreSQL keeps microseconds: a time returned before and after a reload must be the same.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
