package vn.ocop.registry.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.product;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import vn.ocop.kafka.KafkaBroker;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.TestBroker;
import vn.ocop.testkit.Tokens;

/**
 * How long the broker health check ({@code /q/health/well}; readiness no longer depends on the broker) stays DOWN after
 * the broker is back (run by bench/broker-restart-readiness.sh, or
 * {@code -Docop.bench.broker-restarts=4}). Each round stops the broker, waits {@code ocop.bench.outage} (default 20 s,
 * long enough for the clients' reconnect backoff to reach its maximum), starts it again and measures, from the moment
 * the broker is ready: broker health 200, and publication of an event written during the outage (odd rounds; even rounds
 * write nothing, so both Kafka clients are idle). Prints one BENCH line per round and a summary.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
@EnabledIfSystemProperty(named = "ocop.bench.broker-restarts", matches = "\\d+")
class BrokerRestartBenchmarkTest {
    private static final String OFFICER = Tokens.provinceOfficer("51");

    @Inject
    EntityManager entityManager;

    @Test
    void readinessAfterBrokerRestarts() throws Exception {
        int rounds = Integer.getInteger("ocop.bench.broker-restarts");
        Duration outage = Duration.ofSeconds(Long.getLong("ocop.bench.outage", 20));
        KafkaBroker broker = TestBroker.forked().orElseThrow(() -> new org.opentest4j.TestAbortedException("external broker"));
        String backoff = ConfigProvider.getConfig().getOptionalValue("kafka.reconnect.backoff.max.ms", String.class)
                .orElse("unset (SmallRye: 10000)");
        String producerId = RegistryTestSupport.registerProducer(OFFICER, "HTX Đo đạc", "51");
        List<Double> ready = new ArrayList<>();
        List<Double> delivered = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            await(200, Duration.ofSeconds(120));
            broker.stopKeepingData();
            Instant stopped = Instant.now();
            await(503, Duration.ofSeconds(60));
            double down = seconds(stopped, Instant.now());
            boolean withEvent = round % 2 == 1;
            String productId = withEvent ? as(OFFICER).body(product(producerId, "Đo " + round)).post("/api/v1/products")
                    .then().statusCode(201).extract().path("id") : null;
            Thread.sleep(Math.max(0, outage.toMillis() - Duration.between(stopped, Instant.now()).toMillis()));
            Instant restart = Instant.now();
            broker.restart(); // returns once the broker is ready (topics led)
            Instant up = Instant.now();
            await(200, Duration.ofSeconds(120));
            double readyAfter = seconds(up, Instant.now());
            ready.add(readyAfter);
            String publishedAfter = "-";
            if (withEvent) {
                // Seen marked published (polling), not published_at: that is the relay transaction's start.
                Instant deadline = Instant.now().plusSeconds(120);
                while (!published(productId) && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100);
                }
                assertThat(published(productId)).as("event written during the outage published").isTrue();
                double after = seconds(up, Instant.now());
                delivered.add(after);
                publishedAfter = format(after);
            }
            System.out.printf(Locale.ROOT, "BENCH broker-restart round=%d reconnect_backoff_max_ms=%s outage_s=%.0f"
                            + " readiness_down_after_s=%s broker_start_s=%s ready_after_broker_s=%s"
                            + " event_published_after_broker_s=%s%n", round, backoff, (double) outage.toSeconds(),
                    format(down), format(seconds(restart, up)), format(readyAfter), publishedAfter);
        }
        System.out.printf(Locale.ROOT, "BENCH broker-restart summary reconnect_backoff_max_ms=%s rounds=%d"
                + " ready_after_broker_s(min/median/max)=%s event_published_after_broker_s(min/median/max)=%s%n",
                backoff, rounds, stats(ready), stats(delivered));
    }

    private boolean published(String productId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox_event where message_key = ?1 and published_at is not null")
                .setParameter(1, productId).getSingleResult()).longValue() > 0);
    }

    private static void await(int status, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (RestAssured.get("/q/health/well").statusCode() != status) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("broker health not " + status + " within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static String format(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }

    private static String stats(List<Double> values) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Double> sorted = values.stream().sorted().toList();
        return format(sorted.get(0)) + "/" + format(sorted.get(sorted.size() / 2)) + "/" + format(sorted.get(sorted.size() - 1));
    }
}
