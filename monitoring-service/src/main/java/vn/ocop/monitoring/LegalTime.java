package vn.ocop.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The service's notion of "today". Legal dates (validity, decisions, deadlines) are calendar days in Vietnam; the
 * clock is a CDI bean so that jobs and tests can be run at another moment.
 */
@ApplicationScoped
public class LegalTime {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(VIETNAM);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(VIETNAM));
    }
}
