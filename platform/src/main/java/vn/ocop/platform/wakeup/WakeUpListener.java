package vn.ocop.platform.wakeup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Listens on the PostgreSQL channel {@code ocop_wakeup} over a dedicated connection (not one of the pool's: it stays
 * open and idle) and wakes the worker each notification names. Notifications come from triggers on the work tables,
 * at commit, from any replica. After a lost connection it reconnects with backoff and wakes every worker once,
 * because notifications sent meanwhile are gone.
 */
@ApplicationScoped
public class WakeUpListener {
    static final String CHANNEL = "ocop_wakeup";
    private static final Logger LOG = Logger.getLogger(WakeUpListener.class);

    @Inject
    WakeUps wakeUps;

    @ConfigProperty(name = "ocop.wakeup.listen", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        if (!enabled || url.isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "ocop-wakeup-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        long pauseMillis = 500;
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (reconnecting) {
                    wakeUps.wakeAll();
                }
                pauseMillis = 500;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            wakeUps.wake(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Wake-up listener lost its connection (%s); retrying in %d ms, workers fall back to polling",
                        e.toString(), pauseMillis);
                reconnecting = true;
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pauseMillis = Math.min(pauseMillis * 2, 30_000);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "ocop-wakeup-listener");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = new org.postgresql.Driver().connect(url.get(), properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + url.get());
        }
        connection.setAutoCommit(true);
        return connection;
    }
}
