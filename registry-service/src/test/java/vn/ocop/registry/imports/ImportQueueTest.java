package vn.ocop.registry.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.registry.RegistryTestSupport.as;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * The import queue as provinces see it: their jobs run side by side, a queued job shows its place, a job can be
 * cancelled, and a job whose service died mid-file ends INTERRUPTED and finishes when the file is sent again.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ImportQueueTest {
    private static final String QUANG_NGAI = Tokens.provinceOfficer("51");
    private static final String LAM_DONG = Tokens.provinceOfficer("40");
    private static final String CA_MAU = Tokens.provinceOfficer("92");

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Test
    void provincesRunSideBySideQueuedJobsShowTheirTurnAndCancelStopsCleanly() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String bigQuangNgai = file(run + "-QA", "51", "21040", 150);
        String bigLamDong = file(run + "-LA", "40", "17278", 150);
        // Row results cannot be written while the test holds this lock: the first batch of each running job waits at
        // its end, uncommitted, so the jobs stay RUNNING however fast the machine is.
        Connection hold = dataSource.getConnection();
        hold.setAutoCommit(false);
        hold.createStatement().execute("lock table import_row_result in share mode");
        String id1 = submit(QUANG_NGAI, bigQuangNgai);
        String id2 = submit(LAM_DONG, bigLamDong);
        awaitStatus(QUANG_NGAI, id1, "RUNNING");
        awaitStatus(LAM_DONG, id2, "RUNNING"); // another province's job does not wait behind the first

        // Both workers are busy: a second Quang Ngãi job waits, and a Cà Mau job sent later goes before it, because
        // Cà Mau has not been served yet while Quảng Ngãi has (provinces take turns, oldest first within one).
        String second = submit(QUANG_NGAI, file(run + "-QB", "51", "21040", 20));
        String caMau = submit(CA_MAU, file(run + "-CM", "92", "31717", 20));
        String third = submit(QUANG_NGAI, file(run + "-QC", "51", "21040", 20));
        as(CA_MAU).get("/api/v1/imports/" + caMau).then().body("status", equalTo("QUEUED")).body("queuePosition", equalTo(1));
        as(QUANG_NGAI).get("/api/v1/imports/" + second).then().body("queuePosition", equalTo(2));
        as(QUANG_NGAI).get("/api/v1/imports/" + third).then().body("queuePosition", equalTo(3));

        // A queued job is cancelled at once; a running one after the batch in hand, written whole.
        as(QUANG_NGAI).post("/api/v1/imports/" + third + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(QUANG_NGAI).post("/api/v1/imports/" + third + "/cancel").then().statusCode(409).body("code", equalTo("IMPORT_FINISHED"));
        as(LAM_DONG).post("/api/v1/imports/" + id1 + "/cancel").then().statusCode(404);
        as(QUANG_NGAI).post("/api/v1/imports/" + id1 + "/cancel").then().statusCode(200).body("cancelRequested", equalTo(true));
        as(LAM_DONG).post("/api/v1/imports/" + id2 + "/cancel").then().statusCode(200);
        hold.rollback();
        hold.close();
        JsonPath cancelled = awaitEnd(QUANG_NGAI, id1);
        assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
        int processed = cancelled.getInt("processedRows");
        assertThat(processed).isPositive().isLessThan(300);
        // Exactly the rows counted as processed were written, each with its result and its event: none half-applied.
        assertThat(count("select count(*) from import_row_result where job_id = ?1", UUID.fromString(id1))).isEqualTo(processed);
        assertThat(count("select count(*) from producer where external_ref like ?1", run + "-QA-P%")
                + count("select count(*) from product where external_ref like ?1", run + "-QA-S%")).isEqualTo(processed);
        assertThat(count("select count(*) from outbox_event o join producer p on o.message_key = cast(p.id as text)"
                + " where p.external_ref like ?1 and o.event_type = 'ProducerRegistered'", run + "-QA-P%")
                + count("select count(*) from outbox_event o join product p on o.message_key = cast(p.id as text)"
                + " where p.external_ref like ?1 and o.event_type = 'ProductRegistered'", run + "-QA-S%")).isEqualTo(processed);

        // The queued jobs ran; the Cà Mau one started before the older second Quảng Ngãi job.
        JsonPath lamDong = awaitEnd(LAM_DONG, id2);
        assertThat(lamDong.getString("status")).isEqualTo("CANCELLED");
        JsonPath ca = awaitEnd(CA_MAU, caMau);
        JsonPath qb = awaitEnd(QUANG_NGAI, second);
        assertThat(Instant.parse(ca.getString("startedAt"))).isBefore(Instant.parse(qb.getString("startedAt")));
        assertThat(Instant.parse(lamDong.getString("startedAt"))).isBefore(Instant.parse(cancelled.getString("finishedAt")));

        // Sending the cancelled file again finishes the rest; what was written comes back unchanged.
        JsonPath again = ImportApiTest.runImport(QUANG_NGAI, "application/x-ndjson", bigQuangNgai);
        assertThat(again.getInt("unchanged")).isEqualTo(processed);
        assertThat(again.getInt("created")).isEqualTo(300 - processed);
        assertThat(again.getInt("failed")).isZero();
    }

    @Test
    void aJobWhoseServiceDiedMidFileEndsInterruptedAndFinishesWhenSentAgain() {
        String run = Long.toString(System.nanoTime(), 36);
        String whole = file(run + "-X", "51", "21040", 60);
        List<String> lines = whole.lines().toList();
        String firstHalf = String.join("\n", lines.subList(0, 60)) + "\n";
        ImportApiTest.runImport(QUANG_NGAI, "application/x-ndjson", firstHalf);

        // The service was killed while running the whole file after its first 60 rows: its worker no longer beats.
        UUID crashed = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into import_job (id, status, media_type, content, scope_province, total_rows, processed_rows,
                    created_count, created_by, created_at, started_at, heartbeat_at)
                values (?1, 'RUNNING', 'application/x-ndjson', ?2, '51', 120, 60, 60, 'so-nnptnt-quang-ngai', now(),
                    now() - interval '10 minutes', now() - interval '10 minutes')""")
                .setParameter(1, crashed).setParameter(2, whole).executeUpdate());
        JsonPath interrupted = awaitEnd(Tokens.centralOfficer(), crashed.toString());
        assertThat(interrupted.getString("status")).isEqualTo("INTERRUPTED");
        assertThat(interrupted.getString("error")).contains("Send the file again");

        JsonPath again = ImportApiTest.runImport(QUANG_NGAI, "application/x-ndjson", whole);
        assertThat(again.getInt("unchanged")).isEqualTo(60);
        assertThat(again.getInt("created")).isEqualTo(60);
        assertThat(count("select count(*) from producer where external_ref like ?1", run + "-X-P%")).isEqualTo(60);
    }

    /** {@code pairs} producers, each followed by one product, in the given commune. */
    static String file(String prefix, String province, String commune, int pairs) {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < pairs; i++) {
            ndjson.append(ImportApiTest.producer(prefix + "-P" + i, "Cơ sở " + prefix + " " + i, RegistryTestSupport.randomTaxCode(),
                    province, commune)).append('\n');
            ndjson.append(ImportApiTest.product(prefix + "-S" + i, prefix + "-P" + i, "Sản phẩm " + i, commune)).append('\n');
        }
        return ndjson.toString();
    }

    private static String submit(String token, String body) {
        return given().auth().oauth2(token).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports").then().statusCode(202).extract().path("id");
    }

    private static void awaitStatus(String token, String id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                status.equals(as(token).get("/api/v1/imports/" + id).then().extract().path("status")));
    }

    static JsonPath awaitEnd(String token, String id) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = as(token).get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
            return !List.of("QUEUED", "RUNNING").contains(last[0].getString("status"));
        });
        return last[0];
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
