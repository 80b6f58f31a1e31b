package vn.ocop.monitoring.expiry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.monitoring.MonitoringTestSupport.CENTRAL;
import static vn.ocop.monitoring.MonitoringTestSupport.VIETNAM;
import static vn.ocop.monitoring.MonitoringTestSupport.awaitStatus;
import static vn.ocop.monitoring.MonitoringTestSupport.certificate;
import static vn.ocop.monitoring.MonitoringTestSupport.issue;
import static vn.ocop.monitoring.MonitoringTestSupport.published;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.monitoring.rebuild.RebuildResource;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.PrometheusText;
import vn.ocop.testkit.Tokens;

/**
 * An operator runs the expiry job on demand for a past day (catching up a missed night), twice at the same moment:
 * each certificate is expired and announced once, and the answers name exactly what each call announced.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class ExpiryRunApiTest {

    private static final String OPS = Tokens.of("ops@ocop.gov.vn", RebuildResource.OPS_ADMIN).mint();

    @Test
    void twoConcurrentCatchUpRunsExpireAndAnnounceEachCertificateOnceAndSayWhich() throws Exception {
        // Certificates in a random year of the last century: only a run for such a day reaches them.
        LocalDate issuedOn = LocalDate.of(ThreadLocalRandom.current().nextInt(1900, 1990), 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(0, 300));
        List<CertificateIssued> certificates = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            certificates.add(issue(certificate(i % 2 == 0 ? "51" : "46", 3, issuedOn.plusDays(i))));
        }
        String day = certificates.get(3).validUntil().plusDays(1).toString();

        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<JsonPath>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return given().auth().oauth2(OPS).contentType(ContentType.JSON).body(Map.of("date", day))
                        .post("/api/v1/admin/expiry-runs").then().statusCode(200).body("date", equalTo(day))
                        .extract().jsonPath();
            }));
        }
        List<String> expired = new ArrayList<>();
        for (CompletableFuture<JsonPath> call : calls) {
            JsonPath answer = call.get();
            List<String> numbers = answer.getList("expired.certificateNumbers", String.class);
            assertThat(answer.getInt("expired.count")).isEqualTo(numbers.size());
            expired.addAll(numbers);
        }
        for (CertificateIssued c : certificates) {
            assertThat(expired).as("named by exactly one of the two answers").containsOnlyOnce(c.certificateNumber());
            awaitStatus(c.certificateNumber(), "EXPIRED");
            assertThat(published("CertificateExpired", c.certificateNumber(), 1)).hasSize(1);
        }
    }

    @Test
    void onlyOperatorsRunItAndNeverForAFutureDay() {
        String tomorrow = LocalDate.now(VIETNAM).plusDays(1).toString();
        given().auth().oauth2(OPS).contentType(ContentType.JSON).body(Map.of("date", tomorrow))
                .post("/api/v1/admin/expiry-runs").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("violations[0].field", equalTo("date"));
        given().auth().oauth2(CENTRAL).contentType(ContentType.JSON).body(Map.of("date", "1950-01-01"))
                .post("/api/v1/admin/expiry-runs").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("date", "1950-01-01"))
                .post("/api/v1/admin/expiry-runs").then().statusCode(401);
    }

    @Test
    void aRunMovesTheLastRunGaugeThatTheNotRunAlertWatchesAndARefusedOneDoesNot() {
        double before = lastRunGauge();
        long askedAt = java.time.Instant.now().getEpochSecond();
        given().auth().oauth2(CENTRAL).contentType(ContentType.JSON).body(Map.of("date", "1950-01-01"))
                .post("/api/v1/admin/expiry-runs").then().statusCode(403);
        assertThat(lastRunGauge()).as("a refused call is not a run").isEqualTo(before);

        given().auth().oauth2(OPS).contentType(ContentType.JSON).body(Map.of("date", "1951-03-01"))
                .post("/api/v1/admin/expiry-runs").then().statusCode(200);
        assertThat(lastRunGauge()).as("ocop_expiry_last_run_timestamp_seconds after a run")
                .isGreaterThanOrEqualTo(askedAt).isLessThanOrEqualTo(java.time.Instant.now().getEpochSecond() + 1);
    }

    private static double lastRunGauge() {
        return PrometheusText.sum(given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "ocop_expiry_last_run_timestamp_seconds");
    }
}
