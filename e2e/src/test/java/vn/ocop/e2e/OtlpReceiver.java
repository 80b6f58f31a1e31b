package vn.ocop.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in OpenTelemetry collector: accepts OTLP/HTTP protobuf trace exports ({@code POST /v1/traces}) on a free
 * loopback port and keeps the spans. The few fields the tests need are read straight from the protobuf wire format
 * (ExportTraceServiceRequest → ResourceSpans → ScopeSpans → Span), so no generated classes are needed.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span: the exporting service (resource attribute service.name), ids as lowercase hex, name, kind. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                        body = gz.readAllBytes();
                    }
                }
                if ("POST".equals(exchange.getRequestMethod()) && !exchange.getRequestURI().getPath().endsWith("/v1/metrics")
                        && !exchange.getRequestURI().getPath().endsWith("/v1/logs")) {
                    spans.addAll(parseRequest(body));
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, 0); // an empty ExportTraceServiceResponse: everything accepted
            }
        });
        server.start();
    }

    /** Base URL to give the services as OCOP_OTEL_ENDPOINT. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    // ---- protobuf wire format: just enough for ExportTraceServiceRequest ----

    static List<ReceivedSpan> parseRequest(byte[] request) {
        List<ReceivedSpan> result = new ArrayList<>();
        for (Field resourceSpans : fields(request)) {
            if (resourceSpans.number != 1) {
                continue;
            }
            String service = "?";
            List<byte[]> scopeSpans = new ArrayList<>();
            for (Field f : fields(resourceSpans.bytes)) {
                if (f.number == 1) { // Resource
                    for (Field attribute : fields(f.bytes)) {
                        if (attribute.number == 1 && "service.name".equals(stringField(attribute.bytes, 1))) {
                            byte[] value = bytesField(attribute.bytes, 2);
                            service = value == null ? "?" : stringField(value, 1);
                        }
                    }
                } else if (f.number == 2) {
                    scopeSpans.add(f.bytes);
                }
            }
            for (byte[] scope : scopeSpans) {
                for (Field span : fields(scope)) {
                    if (span.number == 2) {
                        result.add(new ReceivedSpan(service, hex(bytesField(span.bytes, 1)), hex(bytesField(span.bytes, 2)),
                                hex(bytesField(span.bytes, 4)), stringField(span.bytes, 5), (int) varintField(span.bytes, 6)));
                    }
                }
            }
        }
        return result;
    }

    private record Field(int number, int wireType, long varint, byte[] bytes) {
    }

    private static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < message.length) {
            long key = readVarint(message, pos);
            int number = (int) (key >>> 3);
            int wireType = (int) (key & 7);
            switch (wireType) {
                case 0 -> fields.add(new Field(number, wireType, readVarint(message, pos), null));
                case 1 -> pos[0] += 8;
                case 2 -> {
                    int length = (int) readVarint(message, pos);
                    byte[] bytes = java.util.Arrays.copyOfRange(message, pos[0], pos[0] + length);
                    pos[0] += length;
                    fields.add(new Field(number, wireType, 0, bytes));
                }
                case 5 -> pos[0] += 4;
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType);
            }
        }
        return fields;
    }

    private static long readVarint(byte[] buffer, int[] pos) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = buffer[pos[0]++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    private static byte[] bytesField(byte[] message, int number) {
        return fields(message).stream().filter(f -> f.number == number && f.bytes != null).map(Field::bytes)
                .findFirst().orElse(null);
    }

    private static String stringField(byte[] message, int number) {
        byte[] bytes = bytesField(message, number);
        return bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long varintField(byte[] message, int number) {
        return fields(message).stream().filter(f -> f.number == number && f.bytes == null).mapToLong(Field::varint)
                .findFirst().orElse(0);
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "" : HexFormat.of().formatHex(bytes);
    }
}
