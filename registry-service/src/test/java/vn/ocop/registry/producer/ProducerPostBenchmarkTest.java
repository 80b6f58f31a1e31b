package vn.ocop.registry.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * Producer registration throughput inside the test harness (run with {@code -Docop.bench.post-seconds=10}, optionally
 * {@code -Docop.bench.clients=4}): CLIENTS HTTP clients POST /api/v1/producers for SECONDS, interleaved with the same
 * number of JDBC clients each running a one-row INSERT + COMMIT into a scratch table (the physical limit of a write
 * that must reach the disk), two rounds each; prints the statements one POST sends, both rates and their ratio last.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
@EnabledIfSystemProperty(named = "ocop.bench.post-seconds", matches = "\\d+")
class ProducerPostBenchmarkTest {

    @TestHTTPResource("/api/v1/producers")
    URL producers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    void printsThePostRateBesideAOneRowInsert() throws Exception {
        int seconds = Integer.getInteger("ocop.bench.post-seconds");
        int clients = Integer.getInteger("ocop.bench.clients", 4);
        String token = Tokens.provinceOfficer("51");
        List<String> statements = ProducerStatementsTest.post(token, null);
        System.out.printf("BENCH statements per producer POST: %d %s%n", statements.size(), statements);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_insert (id bigserial primary key, payload text not null,"
                    + " at timestamptz not null default now())");
        }
        double http = 0;
        double jdbc = 0;
        for (int round = 1; round <= 2; round++) {
            double rps = run(clients, seconds, () -> post(token));
            System.out.printf("BENCH round %d HTTP POST /producers, %d clients: %.1f req/s%n", round, clients, rps);
            double tps = run(clients, seconds, this::insertLoop);
            System.out.printf("BENCH round %d JDBC one-row INSERT+COMMIT, %d clients: %.1f tx/s%n", round, clients, tps);
            http += rps / 2;
            jdbc += tps / 2;
        }
        System.out.printf("BENCH load-average %s%n", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        System.out.printf("BENCH ratio HTTP/one-row insert at %d clients: %.1f%% (%.1f req/s vs %.1f tx/s)%n",
                clients, 100 * http / jdbc, http, jdbc);
        assertThat(http).isPositive();
    }

    /** A client's loop: runs until the deadline, counting successes. */
    private interface Loop {
        long until(long deadline) throws Exception;
    }

    private double run(int clients, int seconds, java.util.function.Supplier<Loop> loop) throws Exception {
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        for (int i = 0; i < clients; i++) {
            Loop l = loop.get();
            Thread t = new Thread(() -> {
                try {
                    done.addAndGet(l.until(deadline));
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private Loop post(String token) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ObjectMapper json = new ObjectMapper();
        return deadline -> {
            long ok = 0;
            while (System.nanoTime() < deadline) {
                String body = json.writeValueAsString(RegistryTestSupport.producer("HTX Bench", "51", RegistryTestSupport.randomTaxCode()));
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(producers.toString()))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    ok++;
                }
            }
            return ok;
        };
    }

    private Loop insertLoop() {
        return deadline -> {
            long ok = 0;
            try (Connection c = connect();
                 PreparedStatement insert = c.prepareStatement("insert into bench_insert (payload) values ('HTX Bench')")) {
                while (System.nanoTime() < deadline) {
                    insert.executeUpdate();
                    ok++;
                }
            }
            return ok;
        };
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(jdbcUrl, user, password.orElse(""));
    }
}
