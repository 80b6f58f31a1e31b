package vn.ocop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fallback when no server is found: real PostgreSQL binaries from Maven Central, data kept across restarts. */
class EmbeddedPostgresServerTest {
    @TempDir
    Path work;

    @Test
    void startsWhenNothingElseIsThereAndKeepsDataAcrossRestarts() throws Exception {
        // Nothing listens on this port, so discovery must fall through to the embedded server.
        Map<String, String> env = Map.of("OCOP_PG_PORT", String.valueOf(Ports.freePort()));
        PostgresDiscovery discovery = new PostgresDiscovery(env::get, work.resolve("postgres"), 0,
                work.resolve("logs/postgres.log"));

        long firstPid;
        try (PostgresServer server = discovery.find()) {
            assertThat(server.kind()).isEqualTo(PostgresServer.Kind.EMBEDDED);
            assertThat(server.describe()).startsWith("embedded PostgreSQL on 127.0.0.1:");
            firstPid = ((EmbeddedPostgresServer) server).pid().orElseThrow();
            assertThat(ProcessHandle.of(firstPid)).isPresent();

            server.ensureDatabases(List.of("ocop_registry"), false);
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("ocop_registry"), server.user(), server.password());
                 Statement s = c.createStatement()) {
                s.execute("create extension if not exists unaccent");
                s.execute("create table producer (name text)");
                s.execute("insert into producer values ('Tỏi Lý Sơn')");
            }
        }
        assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).as("closing stops the postmaster").isEmpty();

        try (PostgresServer again = discovery.find();
             Connection c = DriverManager.getConnection(again.jdbcUrl("ocop_registry"), again.user(), again.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select unaccent(name) from producer")) {
            assertThat(again.kind()).isEqualTo(PostgresServer.Kind.EMBEDDED);
            assertThat(again.ensureDatabases(List.of("ocop_registry"), false)).isEmpty();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Toi Ly Son");
        }
        assertThat(work.resolve("logs/postgres.log")).exists();
    }
}
