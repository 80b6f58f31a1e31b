package vn.ocop.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
    void aTraceparentGivesItsTraceIdAndAContextWithThatRemoteParent() {
        TraceContext context = new TraceContext("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null);
        assertThat(context.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        var span = io.opentelemetry.api.trace.Span.fromContext(context.toContext()).getSpanContext();
        assertThat(span.isRemote()).isTrue();
        assertThat(span.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(span.getSpanId()).isEqualTo("b7ad6b7169203331");
    }
}
