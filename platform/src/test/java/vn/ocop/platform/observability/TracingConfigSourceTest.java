package vn.ocop.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class TracingConfigSourceTest {

    @Test
    void withoutAnEndpointTracingStaysOff() {
        assertThat(new TracingConfigSource(null).getProperties()).containsExactly(
                java.util.Map.entry("quarkus.otel.sdk.disabled", "true"));
        assertThat(new TracingConfigSource("  ").getValue("quarkus.otel.sdk.disabled")).isEqualTo("true");
    }

    @Test
    void anEndpointTurnsTracingOnAndExportsThere() {
        TracingConfigSource source = new TracingConfigSource("http://otel-collector:4318 ");
        assertThat(source.getValue("quarkus.otel.sdk.disabled")).isEqualTo("false");
        assertThat(source.getValue("quarkus.otel.exporter.otlp.traces.endpoint")).isEqualTo("http://otel-collector:4318");
        assertThat(source.getOrdinal()).isBetween(101, 249); // above platform defaults, below application.properties
    }

    @Test
    void theKafkaConnectorTracesExactlyWhenTheSdkIsOn() {
        assertThat(kafkaTracing(new TracingConfigSource(null))).isEqualTo("false");
        assertThat(kafkaTracing(new TracingConfigSource("http://otel-collector:4318"))).isEqualTo("true");
        // Whatever wins for the SDK wins for the connector too (here a test profile turning tracing on without endpoint)
        assertThat(kafkaTracing(new TracingConfigSource(null),
                new PropertiesConfigSource(java.util.Map.of("quarkus.otel.sdk.disabled", "false"), "profile", 500)))
                .isEqualTo("true");
        // A service may still decide for itself.
        assertThat(kafkaTracing(new TracingConfigSource(null), new PropertiesConfigSource(
                java.util.Map.of(KafkaTracingInterceptor.KAFKA_TRACING, "true"), "application.properties", 250)))
                .isEqualTo("true");
    }

    private static String kafkaTracing(org.eclipse.microprofile.config.spi.ConfigSource... sources) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(sources).addDiscoveredInterceptors().build();
        return config.getRawValue(KafkaTracingInterceptor.KAFKA_TRACING);
    }

    @Test
    void aTraceparentGivesItsTraceIdAndAContextWithThatRemoteParent() {
        TraceContext context = new TraceContext("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null);
        assertThat(context.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        var span = io.opentelemetry.api.trace.Span.fromContext(context.toContext()).getSpanContext();
        assertThat(span.isRemote()).isTrue();
        assertThat(span.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(span.getSpanId()).isEqualTo("b7ad6b7169203331");
    }
}
