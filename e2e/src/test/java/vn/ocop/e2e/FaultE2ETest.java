package vn.ocop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.ocop.devstack.Stack;
import vn.ocop.testkit.Tokens;

/**
 * Faults under a steady write load: producers are registered in the registry without pause while the broker is
 * killed (SIGKILL) for about 20 s and monitoring, a consumer of the registry's events, is killed -9 in the middle of
 * it; both come back. Then every event the registry published has been applied by monitoring once: none lost
 * (each producer counted), none applied twice (the province's count is exactly the number registered), and no writer
 * was answered a 500.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultE2ETest {

    private static final String PROVINCE = "51";
    private static final String COMMUNE = "21040";
    private static final int WRITERS = 2;
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    private Stack stack;

    @BeforeAll
    void useSharedStack() {
        stack = SharedStack.stack();
    }

    @Test
    void brokerAndConsumerKilledMidWorkloadLoseNothingAndApplyNothingTwice() throws Exception {
        String officer = Tokens.provinceOfficer(PROVINCE);
        long before = registeredProducers();
        Set<String> created = ConcurrentHashMap.newKeySet();
        List<String> failures = new CopyOnWriteArrayList<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Thread t = new Thread(() -> {
                while (writing.get()) {
                    register(officer, created, failures, statuses);
                }
            }, "fault-writer-" + w);
            t.start();
            writers.add(t);
        }
        try {
            awaitCreated(created, 5);
            // Its classpath starts with the kafka-broker module; the main class may lie beyond what /proc shows of a long line.
            kill9("kafka-broker", "the broker");
            awaitCreated(created, created.size() + 5); // the outbox takes the writes while the broker is away
            kill9("monitoring-service", "monitoring");
            TimeUnit.MILLISECONDS.sleep(OUTAGE.toMillis());
            stack.startBroker();
            stack.startService("monitoring");
            awaitCreated(created, created.size() + 5);
        } finally {
            writing.set(false);
            for (Thread t : writers) {
                t.join(60_000);
            }
            stack.startBroker(); // whatever happened above, leave the shared stack whole
            stack.startService("monitoring");
        }

        System.out.printf("fault test: %d producers registered, answers %s%n", created.size(), statuses);
        assertThat(failures).as("answers other than 201 (503 is retried with the same Idempotency-Key)").isEmpty();
        await("monitoring applies every registration").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> registeredProducers() - before >= created.size());
        TimeUnit.SECONDS.sleep(3); // late duplicates would land now
        assertThat(registeredProducers() - before).as("producers counted by monitoring (0 lost, 0 twice)")
                .isEqualTo(created.size());
        List<String> eventIds = publishedRegistrations(created);
        assertThat(eventIds).as("one ProducerRegistered published per producer").hasSize(created.size());
        assertThat(processedByMonitoring(eventIds)).as("each recorded once in monitoring's inbox").isEqualTo(created.size());
    }

    /** One registration, retried with the same key while the answer is 503; anything but 201/503 is a failure. */
    private void register(String officer, Set<String> created, List<String> failures, Map<Integer, Integer> statuses) {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "HTX Sự cố " + key.substring(0, 8), "kind", "COOPERATIVE",
                "taxCode", String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)),
                "provinceCode", PROVINCE, "communeCode", COMMUNE,
                "representative", Map.of("fullName", "Trần Văn Bình", "gender", "MALE", "ethnicMinority", false, "disabled", false));
        for (int attempt = 0; attempt < 20; attempt++) {
            Response response;
            try {
                response = given().contentType(ContentType.JSON).auth().oauth2(officer).header("Idempotency-Key", key)
                        .body(body).post(stack.apiUrl("registry") + "/producers");
            } catch (RuntimeException e) {
                failures.add("no answer: " + e);
                return;
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 201) {
                created.add(response.path("id"));
                return;
            }
            if (response.statusCode() != 503) {
                failures.add(response.statusCode() + " " + response.asString());
                return;
            }
            sleepQuietly(500);
        }
        failures.add("still 503 after 20 attempts");
    }

    private void kill9(String commandLinePart, String what) {
        List<ProcessHandle> found = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(commandLinePart)).orElse(false)).toList();
        assertThat(found).as(what + " running").isNotEmpty();
        found.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : found) {
            p.onExit().join();
        }
    }

    private static void awaitCreated(Set<String> created, int atLeast) {
        await("writes go on").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> created.size() >= atLeast);
    }

    private long registeredProducers() {
        return given().queryParam("province", PROVINCE).get(stack.apiUrl("monitoring") + "/statistics/registrations")
                .then().statusCode(200).extract().jsonPath().getLong("producers");
    }

    private List<String> publishedRegistrations(Set<String> producerIds) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = connect("registry"); PreparedStatement s = c.prepareStatement(
                "select event_id::text from outbox_event where event_type = 'ProducerRegistered' and message_key = any(?)"
                        + " and published_at is not null")) {
            s.setArray(1, c.createArrayOf("varchar", producerIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private int processedByMonitoring(List<String> eventIds) throws Exception {
        try (Connection c = connect("monitoring");
             PreparedStatement s = c.prepareStatement("select count(*) from processed_event where event_id = any(?)")) {
            s.setArray(1, c.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private Connection connect(String service) throws Exception {
        return DriverManager.getConnection(stack.jdbcUrl(service), stack.postgres().user(), stack.postgres().password());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
