package vn.ocop.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the PostgreSQL server a stack uses, in this order:
 * <ol>
 *   <li>{@code OCOP_PG_URL} (JDBC URL of an admin database) with {@code OCOP_PG_USER} / {@code OCOP_PG_PASSWORD};
 *       if set it must work, since falling back silently would hide a typo;</li>
 *   <li>a server on 127.0.0.1:5432 ({@code OCOP_PG_HOST}/{@code OCOP_PG_PORT} override), user {@code postgres},
 *       password {@code OCOP_PG_PASSWORD} or none;</li>
 *   <li>an embedded PostgreSQL with its data under the work dir.</li>
 * </ol>
 */
public final class PostgresDiscovery {
    public static final String URL_ENV = "OCOP_PG_URL";
    public static final String USER_ENV = "OCOP_PG_USER";
    public static final String PASSWORD_ENV = "OCOP_PG_PASSWORD";
    public static final String HOST_ENV = "OCOP_PG_HOST";
    public static final String PORT_ENV = "OCOP_PG_PORT";

    static final String HOW_TO_FIX = "To fix: install and start PostgreSQL (Debian/Ubuntu: apt-get install postgresql,"
            + " then pg_ctlcluster <version> main start), or point the stack at a server with"
            + " OCOP_PG_URL=jdbc:postgresql://HOST:5432/postgres OCOP_PG_USER=... OCOP_PG_PASSWORD=...";

    private final Function<String, String> env;
    private final Path embeddedDataDir;
    private final int embeddedPort;
    private final Path embeddedLog;

    public PostgresDiscovery(Function<String, String> env, Path embeddedDataDir, int embeddedPort, Path embeddedLog) {
        this.env = env;
        this.embeddedDataDir = embeddedDataDir;
        this.embeddedPort = embeddedPort;
        this.embeddedLog = embeddedLog;
    }

    /** Discovery as a stack with this configuration does it. */
    public static PostgresDiscovery forStack(StackConfig config) {
        return new PostgresDiscovery(config.env(), config.embeddedPostgresDataDir(), config.embeddedPostgresPort(),
                config.logDir().resolve("postgres.log"));
    }

    /** The first usable server; starts the embedded one if it comes to that. */
    public PostgresServer find() {
        List<String> tried = new ArrayList<>();
        PostgresServer found = configured();
        if (found != null) {
            return found;
        }
        found = local(tried);
        if (found != null) {
            return found;
        }
        return embedded(tried);
    }

    /** The {@code OCOP_PG_URL} server, {@code null} if the variable is unset; fails if it is set but unusable. */
    PostgresServer configured() {
        String url = value(URL_ENV, null);
        if (url == null) {
            return null;
        }
        PostgresServer server = new PostgresServer(PostgresServer.Kind.CONFIGURED, url,
                value(USER_ENV, "postgres"), value(PASSWORD_ENV, ""));
        String problem = probe(server);
        if (problem != null) {
            throw new StackException(URL_ENV + " is set to " + url + " but connecting as " + server.user()
                    + " failed: " + problem + ". Fix " + URL_ENV + "/" + USER_ENV + "/" + PASSWORD_ENV
                    + ", or unset " + URL_ENV + " to use a local or embedded PostgreSQL.");
        }
        return server;
    }

    /** The server on the local default address as user postgres, or {@code null} (with the reason in tried). */
    PostgresServer local(List<String> tried) {
        String host = value(HOST_ENV, "127.0.0.1");
        int port;
        try {
            port = Integer.parseInt(value(PORT_ENV, "5432"));
        } catch (NumberFormatException e) {
            throw new StackException(PORT_ENV + " must be a port number, got '" + value(PORT_ENV, "") + "'");
        }
        String where = host + ":" + port;
        if (!Ports.accepts(host, port, 1_000)) {
            tried.add("nothing listens on " + where);
            return null;
        }
        PostgresServer server = new PostgresServer(PostgresServer.Kind.LOCAL,
                "jdbc:postgresql://" + where + "/postgres", "postgres", value(PASSWORD_ENV, ""));
        String problem = probe(server);
        if (problem != null) {
            tried.add("PostgreSQL on " + where + " refused user postgres: " + problem
                    + " (set " + PASSWORD_ENV + ", or " + URL_ENV + " with another user)");
            return null;
        }
        return server;
    }

    private PostgresServer embedded(List<String> tried) {
        try {
            return EmbeddedPostgresServer.start(embeddedDataDir, embeddedPort, embeddedLog);
        } catch (IOException | RuntimeException e) {
            tried.add("the embedded PostgreSQL (data " + embeddedDataDir + ", port "
                    + (embeddedPort == 0 ? "any" : embeddedPort) + ", log " + embeddedLog + ") did not start: " + e);
            throw new StackException("No PostgreSQL server is usable:\n  - " + String.join("\n  - ", tried)
                    + "\n" + HOW_TO_FIX, e);
        }
    }

    /** {@code null} if an admin connection works, else why not. */
    private static String probe(PostgresServer server) {
        try (Connection c = server.connect()) {
            return c.isValid(5) ? null : "the connection is not usable";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private String value(String name, String defaultValue) {
        String v = env.apply(name);
        return v == null || v.isBlank() ? defaultValue : v.trim();
    }
}
