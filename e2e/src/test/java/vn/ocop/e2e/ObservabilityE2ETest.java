package vn.ocop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.e2e.ProvincialRound.as;
import static vn.ocop.e2e.ProvincialRound.eventually;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.ocop.devstack.Stack;
import vn.ocop.devstack.StackConfig;
import vn.ocop.testkit.PrometheusText;
import vn.ocop.testkit.Tokens;

/**
 * What operators see of a running suite: one trace per request across the four services (exported over OTLP to a
 * receiver in this test), JSON log lines carrying the trace id, and the business metrics on {@code /q/metrics} after a
 * provincial round. Runs its own stack, configured as production would be ({@code OCOP_OTEL_ENDPOINT} set, JSON logs),
 * so the shared stack of the other scenarios keeps tracing off and text logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityE2ETest {
    private static final List<String> SERVICES = List.of("registry-service", "evaluation-service", "market-service",
            "monitoring-service");
    private static final int SERVER = 2;
    private static final int CONSUMER = 5;

    private OtlpReceiver collector;
    private Stack stack;

    @BeforeAll
    void startTracedStack() throws IOException {
        collector = new OtlpReceiver();
        StackConfig config = StackConfig.forTests().toBuilder()
                .workDir(Path.of("target", "ocop-stack-traced"))
                .databasePrefix("ocop_e2e_traced" + Optional.ofNullable(System.getenv("TEST_PG_DATABASE_SUFFIX")).orElse("") + "_")
                .serviceEnv("OCOP_OTEL_ENDPOINT", collector.endpoint())
                .serviceEnv("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms")
                // production's log format, which devstack turns off for ./ocop up
                .serviceEnv("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true")
                .serviceEnv("QUARKUS_LOG_CATEGORY__VN_OCOP_PLATFORM_INBOX__LEVEL", "DEBUG")
                .build();
        stack = Stack.launch(config);
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    @Order(1)
    void oneRegistrationIsOneTraceFromTheRegistryRequestToTheConsumersInTheOtherThreeServices() throws IOException {
        String traceId = HexFormat.of().formatHex(random(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(random(8)) + "-01";
        String officer = ProvincialRound.OFFICER;
        String producerId = as(officer).body(Map.of("name", "HTX Trace " + UUID.randomUUID().toString().substring(0, 6),
                        "kind", "COOPERATIVE",
                        "taxCode", String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)),
                        "provinceCode", ProvincialRound.PROVINCE, "communeCode", ProvincialRound.COMMUNE_CODE,
                        "representative", Map.of("fullName", "Nguyễn Thị Hoa", "gender", "FEMALE", "ethnicMinority", false,
                                "disabled", false)))
                .post(stack.apiUrl("registry") + "/producers").then().statusCode(201).extract().path("id");
        String productId = as(officer).header("traceparent", traceparent)
                .body(Map.of("producerId", producerId, "name", "Tỏi Lý Sơn truy vết", "productSet", 10,
                        "communeCode", ProvincialRound.COMMUNE_CODE))
                .post(stack.apiUrl("registry") + "/products").then().statusCode(201).extract().path("id");

        eventually("spans of all four services in the registration's trace").untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> trace = collector.trace(traceId);
            assertThat(trace).anySatisfy(s -> {
                assertThat(s.service()).isEqualTo("registry-service");
                assertThat(s.kind()).isEqualTo(SERVER);
            });
            for (String consumer : List.of("evaluation-service", "market-service", "monitoring-service")) {
                assertThat(trace).as("%s applies the event in the same trace", consumer).anySatisfy(s -> {
                    assertThat(s.service()).isEqualTo(consumer);
                    assertThat(s.name()).isEqualTo("apply ProductRegistered");
                    assertThat(s.kind()).isEqualTo(CONSUMER);
                    assertThat(s.parentSpanId()).isNotEmpty();
                });
            }
            assertThat(trace.stream().map(OtlpReceiver.ReceivedSpan::service).collect(Collectors.toSet()))
                    .containsAll(SERVICES);
        });
        // The consuming span hangs under the span of the Kafka hop, not loose in the trace.
        List<OtlpReceiver.ReceivedSpan> trace = collector.trace(traceId);
        Set<String> spanIds = trace.stream().map(OtlpReceiver.ReceivedSpan::spanId).collect(Collectors.toSet());
        assertThat(trace).filteredOn(s -> s.name().equals("apply ProductRegistered"))
                .allSatisfy(s -> assertThat(spanIds).contains(s.parentSpanId()));

        // Production logs are JSON lines; the consumer's line about this event carries the request's trace id.
        eventually("evaluation logs the applied event as JSON with the trace id").untilAsserted(() ->
                assertThat(jsonLines(stack.logFile("evaluation"))).anySatisfy(line -> {
                    assertThat(line.path("message").asText()).contains("ProductRegistered").contains("applied");
                    assertThat(line.path("level").asText()).isEqualTo("DEBUG");
                    assertThat(line.path("mdc").path("traceId").asText()).isEqualTo(traceId);
                    assertThat(line.path("mdc").path("spanId").asText()).hasSize(16);
                }));
        assertThat(productId).isNotBlank();
    }

    @Test
    @Order(2)
    void afterAProvincialRoundAndARevocationTheMetricsPagesShowWhatHappened() {
        ProvincialRound round = new ProvincialRound(stack);
        ProvincialRound.Certified certified = round.fourStarCertificate("Mắm tôm " + UUID.randomUUID().toString().substring(0, 6));
        String number = certified.certificateNumber();

        eventually("monitoring registers the certificate").untilAsserted(() -> given().auth().oauth2(Tokens.centralOfficer())
                .get(stack.apiUrl("monitoring") + "/certificates/" + number).then().statusCode(200));
        as(ProvincialRound.OFFICER).body(Map.of("certificateNumbers", List.of(number), "ground", "CRITERIA_NO_LONGER_MET",
                        "decisionNumber", UUID.randomUUID().toString().substring(0, 6) + "/QĐ-UBND",
                        "findingOn", ProvincialRound.TODAY.toString(), "decidedOn", ProvincialRound.TODAY.toString()))
                .post(stack.apiUrl("monitoring") + "/revocations").then().statusCode(201);

        assertThat(PrometheusText.sum(metrics("evaluation"), "ocop_certificates_issued_total", "stars=\"4\"")).isGreaterThanOrEqualTo(1);
        assertThat(PrometheusText.sum(metrics("monitoring"), "ocop_certificates_revoked_total")).isGreaterThanOrEqualTo(1);
        assertThat(PrometheusText.sum(metrics("registry"), "ocop_events_published_total", "type=\"ProductRegistered\""))
                .isGreaterThanOrEqualTo(1);
        eventually("the registry consumes the revocation").untilAsserted(() -> assertThat(PrometheusText.sum(
                metrics("registry"), "ocop_events_consumed_total", "type=\"CertificateRevoked\"", "outcome=\"applied\""))
                .isGreaterThanOrEqualTo(1));
        String productId = certified.dossier().productId();
        for (String service : List.of("registry", "evaluation", "market", "monitoring")) {
            // an API request of the service's own (its /q/ pages are not counted as HTTP traffic)
            given().auth().oauth2(Tokens.centralOfficer()).get(stack.apiUrl(service) + "/products/" + productId)
                    .then().statusCode(200);
            // the HTTP timer is recorded when the response has ended, which may be just after the client has it
            eventually(service + " counts its HTTP request").untilAsserted(() -> assertThat(metrics(service)).as(service)
                    .contains("http_server_requests_seconds_count{")
                    .contains("jvm_memory_used_bytes{")
                    .contains("agroal_active_count")
                    .contains("ocop_outbox_backlog")
                    .contains("ocop_events_consumed_total{"));
        }
    }

    private String metrics(String service) {
        return given().get(stack.baseUrl(service) + "/q/metrics").then().statusCode(200).extract().asString();
    }

    private static List<JsonNode> jsonLines(Path log) throws IOException {
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("{"))
                .map(line -> {
                    try {
                        return json.readTree(line);
                    } catch (IOException e) {
                        throw new AssertionError("not a JSON log line: " + line, e);
                    }
                })
                .toList();
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
