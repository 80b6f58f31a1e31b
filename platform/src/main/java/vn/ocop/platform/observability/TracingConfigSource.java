package vn.ocop.platform.observability;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns OpenTelemetry on exactly when an OTLP endpoint is given in {@code OCOP_OTEL_ENDPOINT}: a developer's machine
 * exports nothing (and pays nothing), a deployment that names a collector is traced without a second switch.
 * Ordinal 110: above the platform defaults (100), below a service's application.properties (250) and the environment
 * ({@code QUARKUS_OTEL_SDK_DISABLED} still wins). Whatever sets {@code quarkus.otel.sdk.disabled}, the Kafka connector
 * and the inbox follow it ({@link KafkaTracingInterceptor}, {@code InboxConsumer}).
 */
public class TracingConfigSource implements ConfigSource {
    static final String ENDPOINT_VARIABLE = "OCOP_OTEL_ENDPOINT";

    private final Map<String, String> properties;

    public TracingConfigSource() {
        this(System.getenv(ENDPOINT_VARIABLE));
    }

    TracingConfigSource(String endpoint) {
        Map<String, String> values = new HashMap<>();
        boolean configured = endpoint != null && !endpoint.isBlank();
        values.put("quarkus.otel.sdk.disabled", Boolean.toString(!configured));
        if (configured) {
            values.put("quarkus.otel.exporter.otlp.traces.endpoint", endpoint.trim());
        }
        this.properties = Map.copyOf(values);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "ocop-tracing";
    }

    @Override
    public int getOrdinal() {
        return 110;
    }
}
