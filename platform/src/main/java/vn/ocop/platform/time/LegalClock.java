package vn.ocop.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock of every service, in Vietnam time, and the only {@link Clock} bean: inject it (or {@code Clock}) and
 * ask {@link #today()} for the legal date. It ticks in microseconds, as PostgreSQL keeps them, so a time read back after
 * a reload is the same.
 *
 * <p>{@code ocop.clock.fixed} (a date such as {@code 2029-03-18}, read as 09:00 in Vietnam, or an ISO instant) pins it
 * for a rehearsal or a test profile. Tests move it through the API with {@link #pinTo}, {@link #advance} and
 * {@link #reset}, so a date rule can be tested at its edges end to end.
 */
@Singleton
public class LegalClock extends Clock {
    private static final Clock SYSTEM = Clock.tick(Clock.system(VietnamTime.ZONE), Duration.ofNanos(1000));

    private final Instant configured;
    private volatile Instant pinned;
    private volatile Duration offset = Duration.ZERO;

    @Inject
    public LegalClock(@ConfigProperty(name = "ocop.clock.fixed") Optional<String> fixed) {
        this.configured = fixed.filter(s -> !s.isBlank()).map(LegalClock::parse).orElse(null);
        this.pinned = configured;
    }

    /** A clock that follows the system time (plain code and tests outside a container). */
    public static LegalClock system() {
        return new LegalClock(Optional.empty());
    }

    /** Today in Vietnam: the date every legal deadline is counted from. */
    public LocalDate today() {
        return dateOf(instant());
    }

    /** The legal date of {@code at}: its calendar day in Vietnam. */
    public static LocalDate dateOf(Instant at) {
        return LocalDate.ofInstant(at, VietnamTime.ZONE);
    }

    /** Stops the clock at 09:00 Vietnam time on {@code day} (tests and rehearsals). */
    public void pinTo(LocalDate day) {
        pin(day.atTime(LocalTime.of(9, 0)).atZone(VietnamTime.ZONE).toInstant());
    }

    public void pin(Instant at) {
        offset = Duration.ZERO;
        pinned = at;
    }

    /** Moves the clock forward (or back) from wherever it is, pinned or running. */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Back to the configured time, or the system's. */
    public void reset() {
        offset = Duration.ZERO;
        pinned = configured;
    }

    @Override
    public Instant instant() {
        Instant base = pinned != null ? pinned : SYSTEM.instant();
        return base.plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return VietnamTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        LegalClock self = this;
        return zone.equals(getZone()) ? this : new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    private static Instant parse(String value) {
        try {
            return LocalDate.parse(value).atTime(LocalTime.of(9, 0)).atZone(VietnamTime.ZONE).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("ocop.clock.fixed must be a date (2029-03-18) or an ISO instant: " + value, e);
            }
        }
    }
}
