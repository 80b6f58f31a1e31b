package vn.ocop.platform.observability;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * The Kafka connector traces exactly when OpenTelemetry is on: {@value #KAFKA_TRACING} is the opposite of
 * {@code quarkus.otel.sdk.disabled} unless a service sets it explicitly.
 *
 * <p>Why: {@code quarkus.otel.sdk.disabled=true} does not stop spans. The disabled SDK keeps a tracer that samples every
 * span it is asked for and only has nowhere to export it. With its default {@code tracing-enabled=true}, the connector
 * opened a span per record and sent its id as {@code traceparent}; consumers continued those traces, and their trace
 * ids ended up in the MDC (JSON logs) and in the exemplars of {@code /q/metrics}, although nothing was traced. Off, the
 * connector does no tracing work at all.
 */
public class KafkaTracingInterceptor implements ConfigSourceInterceptor {
    static final String KAFKA_TRACING = "mp.messaging.connector.smallrye-kafka.tracing-enabled";
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null || !KAFKA_TRACING.equals(name)) {
            return value;
        }
        ConfigValue disabled = context.proceed(SDK_DISABLED);
        boolean tracing = disabled == null || !Boolean.parseBoolean(disabled.getValue());
        return ConfigValue.builder().withName(name).withValue(Boolean.toString(tracing))
                .withConfigSourceName("ocop-tracing (from " + SDK_DISABLED + ")").build();
    }
}
