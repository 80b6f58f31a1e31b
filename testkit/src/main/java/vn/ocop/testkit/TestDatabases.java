package vn.ocop.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fresh PostgreSQL databases for a test run on {@code TEST_PG_HOST:TEST_PG_PORT} (default 127.0.0.1:5432, user
 * {@code TEST_PG_USER}/{@code TEST_PG_PASSWORD}, default postgres with no password).
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static String host() {
        return env("TEST_PG_HOST", env("OCOP_PG_HOST", "127.0.0.1"));
    }

    public static int port() {
        return Integer.parseInt(env("TEST_PG_PORT", env("OCOP_PG_PORT", "5432")));
    }

    public static String user() {
        return env("TEST_PG_USER", "postgres");
    }

    public static String password() {
        return env("TEST_PG_PASSWORD", "");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Drops (disconnecting any session) and creates the database; returns its JDBC URL. */
    public static String recreate(String database) {
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("unsafe database name " + database);
        }
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
            sql.execute("create database " + database + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare test database " + database + " on " + host() + ":" + port()
                    + " as " + user() + ". Is PostgreSQL running? (set TEST_PG_HOST/TEST_PG_PORT/TEST_PG_USER/TEST_PG_PASSWORD)", e);
        }
        return jdbcUrl(database);
    }

    static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
