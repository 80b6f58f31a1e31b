package vn.ocop.evaluation.round;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Loads the round calendar named by {@code ocop.evaluation.round-calendar} once; a bad calendar fails startup. */
@ApplicationScoped
public class RoundCalendarProvider {

    @Produces
    @ApplicationScoped
    RoundCalendar calendar(@ConfigProperty(name = "ocop.evaluation.round-calendar", defaultValue = "round-calendar/rounds.json") String resource) {
        return RoundCalendar.resource(resource);
    }
}
