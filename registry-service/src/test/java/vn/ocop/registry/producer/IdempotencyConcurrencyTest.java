package vn.ocop.registry.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.producer;
import static vn.ocop.registry.RegistryTestSupport.randomTaxCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * Requests with the same {@code Idempotency-Key} sent at the same moment (a client retrying on a timeout while the
 * first is still running): one registers the producer, the others wait for it and replay its answer. Without the
 * lock that serialises them, the others would run too and be refused for the taken tax code.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class IdempotencyConcurrencyTest {
    private static final int REQUESTS = 6;

    @Inject
    EntityManager entityManager;

    @Test
    void concurrentRequestsWithOneKeyRegisterOnceAndTheOthersReplayIt() throws Exception {
        String officer = Tokens.provinceOfficer("51");
        String key = UUID.randomUUID().toString();
        String taxCode = randomTaxCode();
        Map<String, Object> body = producer("HTX Đồng thời", "51", taxCode);

        List<Response> responses = sendTogether(() -> as(officer).header("Idempotency-Key", key).body(body)
                .post("/api/v1/producers"));

        assertThat(responses).extracting(Response::statusCode)
                .as("statuses; bodies: %s", responses.stream().map(Response::asString).toList()).containsOnly(201);
        assertThat(responses).extracting(r -> r.<String>path("id")).as("ids").doesNotContainNull().containsOnly(
                responses.get(0).<String>path("id"));
        assertThat(responses).filteredOn(r -> !"true".equals(r.header("Idempotent-Replayed"))).as("not replayed")
                .hasSize(1);
        assertThat(producersWithTaxCode(taxCode)).isEqualTo(1);
    }

    /** Sends the requests from as many threads, released at the same moment; answers their responses. */
    private static List<Response> sendTogether(Supplier<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> response : sent) {
                responses.add(response.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private long producersWithTaxCode(String taxCode) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from producer where tax_code = ?1").setParameter(1, taxCode)
                .getSingleResult()).longValue());
    }
}
