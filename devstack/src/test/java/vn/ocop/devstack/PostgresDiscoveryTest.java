package vn.ocop.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real PostgreSQL of this machine (TEST_PG_HOST/TEST_PG_PORT, default 127.0.0.1:5432, user postgres). */
class PostgresDiscoveryTest {
    private static final String HOST = envOr("TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = envOr("TEST_PG_PORT", "5432");

    @TempDir
    Path work;

    /** Only what a test sets, plus where the test server is: the developer's own OCOP_PG_* must not leak in. */
    private PostgresDiscovery discovery(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("OCOP_PG_HOST", HOST, "OCOP_PG_PORT", PORT));
        all.putAll(env);
        String testPassword = System.getenv("TEST_PG_PASSWORD");
        if (testPassword != null) {
            all.putIfAbsent("OCOP_PG_PASSWORD", testPassword);
        }
        return new PostgresDiscovery(all::get, work.resolve("postgres"), 0, work.resolve("logs/postgres.log"));
    }

    @Test
    void findsTheLocalServerWhenNothingIsConfigured() throws Exception {
        try (PostgresServer server = discovery(Map.of()).find()) {
            assertThat(server.kind()).isEqualTo(PostgresServer.Kind.LOCAL);
            assertThat(server.address()).isEqualTo(HOST + ":" + PORT);
            assertThat(server.describe()).contains("local PostgreSQL on " + HOST + ":" + PORT);
            try (Connection c = server.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select current_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("postgres");
            }
        }
        assertThat(work.resolve("postgres")).as("no embedded server was started").doesNotExist();
    }

    @Test
    void aConfiguredUrlComesFirst() {
        String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres?sslmode=disable";
        try (PostgresServer server = discovery(Map.of("OCOP_PG_URL", url, "OCOP_PG_USER", "postgres")).find()) {
            assertThat(server.kind()).isEqualTo(PostgresServer.Kind.CONFIGURED);
            assertThat(server.jdbcUrl("ocop_registry"))
                    .isEqualTo("jdbc:postgresql://" + HOST + ":" + PORT + "/ocop_registry?sslmode=disable");
        }
    }

    @Test
    void aConfiguredUrlThatDoesNotWorkIsAnErrorNotAFallback() {
        int closedPort = Ports.freePort();
        assertThatThrownBy(() -> discovery(Map.of("OCOP_PG_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres")).find())
                .isInstanceOf(StackException.class)
                .hasMessageContaining("OCOP_PG_URL")
                .hasMessageContaining(String.valueOf(closedPort))
                .hasMessageContaining("unset OCOP_PG_URL");
    }

    @Test
    void createsMissingDatabasesIdempotentlyAndRecreatesOnRequest() throws Exception {
        String prefix = "devstack_test_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        List<String> names = List.of(prefix + "registry", prefix + "market");
        try (PostgresServer server = discovery(Map.of()).find()) {
            try {
                assertThat(server.ensureDatabases(names, false)).containsExactlyElementsOf(names);
                assertThat(names).allMatch(server::databaseExists);

                execute(server, names.get(0), "create table kept (id int)");
                assertThat(server.ensureDatabases(names, false)).as("second run creates nothing").isEmpty();
                assertThat(tableExists(server, names.get(0), "kept")).as("data survive without recreate").isTrue();

                assertThat(server.ensureDatabases(names, true)).containsExactlyElementsOf(names);
                assertThat(tableExists(server, names.get(0), "kept")).as("recreate starts empty").isFalse();
            } finally {
                server.dropDatabases(names);
            }
            assertThat(names).noneMatch(server::databaseExists);
        }
    }

    @Test
    void refusesDatabaseNamesThatCouldInjectSql() {
        try (PostgresServer server = discovery(Map.of()).find()) {
            assertThatThrownBy(() -> server.ensureDatabases(List.of("x; drop database postgres"), false))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void execute(PostgresServer server, String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(db), server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static boolean tableExists(PostgresServer server, String db, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(db), server.user(), server.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select to_regclass('public." + table + "') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
