package vn.ocop.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The few HTTP calls the demo loader makes, as any client of the public APIs would: bearer token, JSON or CSV bodies,
 * an {@code Idempotency-Key} on every POST, and waiting for what crosses the broker.
 */
final class DemoHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Events cross the broker; on a busy machine a step may take a while. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /**
     * An answer: status, parsed body (empty object when not JSON), the raw text for messages, the ETag, and whether it
     * replays the stored answer of an earlier request with the same {@code Idempotency-Key}.
     */
    record Answer(int status, JsonNode body, String raw, String etag, boolean replayed) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        Answer orFail(String what) {
            if (!ok()) {
                throw new StackException("Loading demo data failed (" + what + "): HTTP " + status + " " + raw);
            }
            return this;
        }
    }

    private DemoHttp() {
    }

    static Answer get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    static Answer postJson(String url, String token, String idempotencyKey, JsonNode body) {
        return post(url, token, idempotencyKey, "application/json; charset=UTF-8", body.toString());
    }

    static Answer post(String url, String token, String idempotencyKey, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** An update guarded by the ETag of the last read. */
    static Answer put(String url, String token, String ifMatch, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
    }

    /** Repeats {@code call} every half second until {@code done} holds, for at most two minutes. */
    static Answer await(String what, java.util.function.Supplier<Answer> call, Predicate<Answer> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        Answer last = call.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new StackException("Loading demo data: gave up waiting for " + what + " (last answer: HTTP "
                        + last.status() + " " + last.raw() + ")");
            }
            sleep(500);
            last = call.get();
        }
        return last;
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), readJson(response.body()), response.body(),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false));
        } catch (IOException e) {
            throw new StackException("Loading demo data failed: " + request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while loading demo data");
        }
    }

    private static JsonNode readJson(String text) {
        try {
            JsonNode node = text == null || text.isBlank() ? null : JSON.readTree(text);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while loading demo data");
        }
    }
}
