package vn.ocop.market;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A partner's real HTTP endpoint: answers the first call of each delivery with 500 and later ones with 200, and keeps
 * every request (raw body bytes and signature header) so the test can verify what the market sent.
 */
final class WebhookReceiver implements AutoCloseable {

    record Call(String deliveryId, String event, byte[] body, String signature, int answeredWith) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attemptsByDelivery = new ConcurrentHashMap<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String delivery = exchange.getRequestHeaders().getFirst("X-OCOP-Delivery");
            int attempt = attemptsByDelivery.computeIfAbsent(String.valueOf(delivery), k -> new AtomicInteger()).incrementAndGet();
            int status = attempt == 1 ? 500 : 200;
            calls.add(new Call(delivery, exchange.getRequestHeaders().getFirst("X-OCOP-Event"), body,
                    exchange.getRequestHeaders().getFirst("X-OCOP-Signature"), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Call> callsMentioning(String text) {
        return calls.stream().filter(c -> c.text().contains(text)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
