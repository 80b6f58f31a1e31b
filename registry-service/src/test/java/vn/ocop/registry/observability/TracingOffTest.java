package vn.ocop.registry.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.product;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import vn.ocop.events.EventJson;
import vn.ocop.events.EventType;
import vn.ocop.events.Topics;
import vn.ocop.events.evaluation.ProductRated;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.PrometheusText;
import vn.ocop.testkit.Tokens;

/**
 * Tracing off, as on a developer's machine and under {@code ./ocop up} (no {@code OCOP_OTEL_ENDPOINT}): nothing may
 * carry a trace id, since no trace exists anywhere to look it up in. Not in the metric exemplars Prometheus scrapes,
 * not in the log lines of applied events, not in the headers of the records the service publishes, even when the
 * event came from a service that does trace.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class TracingOffTest {

    private static final String OFFICER = Tokens.provinceOfficer("51");
    /** What Prometheus asks for; exemplars exist only in this format. */
    private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final String UPSTREAM_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    /** Kept here: java.util.logging holds loggers weakly, and the level set below must stay for the test. */
    private static final Logger INBOX_LOG = Logger.getLogger("vn.ocop.platform.inbox");

    @Test
    void noTraceIdReachesExemplarsLogsOrPublishedRecords() {
        String producerId = RegistryTestSupport.registerProducer(OFFICER, "HTX Tỏi Lý Sơn không truy vết", "51");
        String productId = as(OFFICER).body(product(producerId, "Tỏi cô đơn")).post("/api/v1/products")
                .then().statusCode(201).extract().path("id");

        List<LogRecord> inboxLines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyMdc(); // the MDC of the consuming thread, as the log formatter would print it
                }
                inboxLines.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = INBOX_LOG.getLevel();
        INBOX_LOG.setLevel(Level.FINE); // the "applied" line is DEBUG
        INBOX_LOG.addHandler(capture);
        String eventId = UUID.randomUUID().toString();
        try {
            // A rating from an evaluation service that traces: its trace context comes along in both headers.
            publishTraced(new ProductRated(UUID.randomUUID(), UUID.fromString(productId), "51-21040-1-2026", "51",
                    "PROVINCE", "QD26-2026", new BigDecimal("80.00"), 4, 4, 4, "RECOGNISED", Instant.now()), eventId);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(inboxLines).anySatisfy(line -> assertThat(text(line)).contains(eventId, "applied")));
        } finally {
            INBOX_LOG.removeHandler(capture);
            INBOX_LOG.setLevel(level);
        }

        assertThat(inboxLines).allSatisfy(line -> {
            Map<String, String> mdc = line instanceof ExtLogRecord ext ? ext.getMdcCopy() : Map.of();
            assertThat(mdc).as("MDC of '%s'", text(line)).doesNotContainKeys("traceId", "spanId");
        });

        String metrics = RestAssured.given().accept(OPENMETRICS).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        assertThat(PrometheusText.sum(metrics, "ocop_events_consumed_total", "type=\"ProductRated\"",
                "outcome=\"applied\"")).isGreaterThanOrEqualTo(1);
        assertThat(metrics.lines().filter(line -> line.contains("trace_id")).toList())
                .as("exemplars with trace ids").isEmpty();

        List<ConsumerRecord<String, String>> published = KafkaTestClient.awaitRecords(Topics.REGISTRY,
                r -> productId.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        assertThat(KafkaTestClient.header(published.get(0), "traceparent")).isNull();
        assertThat(KafkaTestClient.header(published.get(0), "ce_traceparent")).isNull();
    }

    private static String text(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }

    private static void publishTraced(ProductRated event, String eventId) {
        EventType type = EventType.of(event);
        Map<String, String> headers = new HashMap<>(KafkaTestClient.cloudEventHeaders(eventId, type.eventName(),
                "/ocop/evaluation"));
        headers.put("ce_dataschema", type.dataSchema().toString());
        String traceparent = "00-" + UPSTREAM_TRACE_ID + "-b7ad6b7169203331-01";
        headers.put("traceparent", traceparent);
        headers.put("ce_traceparent", traceparent);
        KafkaTestClient.send(type.topic(), event.aggregateKey(), EventJson.write(event), headers);
    }
}
