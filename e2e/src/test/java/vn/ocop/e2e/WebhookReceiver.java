package vn.ocop.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A sales channel's real notification endpoint (JDK HTTP server on 127.0.0.1, a free port): answers 200 and keeps every
 * request exactly as received (raw body bytes, headers), so a scenario can check it the way a partner would. The
 * signature check is written here from the documented contract, not borrowed from the market's code.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One POST as it arrived; header names lower-cased. */
    record Call(String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ocop-hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            if ("POST".equals(exchange.getRequestMethod())) {
                calls.add(new Call(exchange.getRequestURI().getPath(), headers, body));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ocop-hook";
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * {@code X-OCOP-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes with the shared secret>} (market README),
     * compared in constant time as a receiver should.
     */
    static boolean signatureValid(String secret, Call call) {
        String header = call.header("X-OCOP-Signature");
        if (header == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(call.body()));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), header.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
