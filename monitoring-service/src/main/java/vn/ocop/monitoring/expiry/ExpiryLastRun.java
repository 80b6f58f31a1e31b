package vn.ocop.monitoring.expiry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * When the expiry job last finished a run, kept in the database and published as the gauge
 * {@code ocop_expiry_last_run_timestamp_seconds} (Unix seconds; the install time until the first run, see V14). The
 * operators' alert fires when it falls more than a day behind. Read from the database at each scrape, so every replica
 * reports the same value and a restart does not reset it.
 */
@ApplicationScoped
public class ExpiryLastRun {
    private static final Logger LOG = Logger.getLogger(ExpiryLastRun.class);
    static final String GAUGE = "ocop.expiry.last.run.timestamp.seconds";

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    void registerGauge(@Observes StartupEvent event) {
        Gauge.builder(GAUGE, this, ExpiryLastRun::epochSeconds)
                .description("When the certificate expiry job last finished a run (Unix seconds; the install time before the first)")
                .baseUnit("seconds").register(meters);
    }

    /** Records a finished run as of {@code asOf}; called inside the run's transaction. */
    void finished(Instant at, LocalDate asOf) {
        entityManager.createNativeQuery("""
                insert into expiry_last_run (singleton, finished_at, as_of) values (true, ?1, ?2)
                on conflict (singleton) do update set finished_at = excluded.finished_at, as_of = excluded.as_of""")
                .setParameter(1, at).setParameter(2, asOf).executeUpdate();
    }

    /** The last run's end in Unix seconds (0 if the row is missing); NaN when the database cannot say. */
    private double epochSeconds() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select extract(epoch from finished_at) from expiry_last_run")) {
            return rs.next() ? rs.getDouble(1) : 0;
        } catch (SQLException e) {
            LOG.debugf("expiry last run not readable: %s", e.getMessage());
            return Double.NaN;
        }
    }
}
