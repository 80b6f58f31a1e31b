package vn.ocop.monitoring;

import vn.ocop.platform.time.VietnamTime;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The service's clock, a CDI bean so that jobs and tests can run at another moment; "today" in Vietnam is
 * {@code VietnamTime.today(clock)}.
 */
@ApplicationScoped
public class LegalTime {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(VietnamTime.ZONE);
    }
}
