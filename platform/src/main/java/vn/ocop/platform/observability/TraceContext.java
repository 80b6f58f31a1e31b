package vn.ocop.platform.observability;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A W3C trace context ({@code traceparent}, {@code tracestate}) as text, for carrying a trace where OpenTelemetry's
 * own propagation does not reach: from a request into an outbox row, and from there into the relay's publish.
 */
public record TraceContext(String traceParent, String traceState) {
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The current span's context; {@code null} when nothing is traced (tracing off, or no span). */
    public static TraceContext current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        String parent = carrier.get("traceparent");
        return parent == null ? null : new TraceContext(parent, carrier.get("tracestate"));
    }

    /** An OpenTelemetry context whose remote parent is this trace context (the root context if it is unreadable). */
    public Context toContext() {
        Map<String, String> carrier = new HashMap<>();
        carrier.put("traceparent", traceParent);
        if (traceState != null && !traceState.isEmpty()) {
            carrier.put("tracestate", traceState);
        }
        return W3C.extract(Context.root(), carrier, MAP_GETTER);
    }

    /** The 32-hex-digit trace id of a {@code traceparent} value ({@code 00-<trace-id>-<span-id>-<flags>}). */
    public String traceId() {
        return traceParent.length() >= 35 ? traceParent.substring(3, 35) : null;
    }
}
