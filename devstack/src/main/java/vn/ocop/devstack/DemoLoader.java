package vn.ocop.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.ocop.testkit.Tokens;

/**
 * Loads the demo set through the registry API as a province officer would, so that the data go through validation,
 * audit and the outbox like any other. Every POST carries a fixed {@code Idempotency-Key}: loading again (each
 * {@code ./ocop up}) replays the stored responses and creates nothing twice.
 */
public final class DemoLoader {
    /** Ids of the loaded producers by demo key, kept for {@code ./ocop token producer}. */
    public static final String IDS_FILE = "demo-ids.properties";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String registryApi;

    /** @param registryApi e.g. {@code http://127.0.0.1:8081/api/v1} */
    public DemoLoader(String registryApi) {
        this.registryApi = registryApi;
    }

    /** What a load did: producer ids by key and how many records were new. */
    public record Result(Map<String, String> producerIds, int producersCreated, int productsCreated,
                         int producers, int products) {
    }

    public Result load(DemoData data) {
        var problems = data.problems();
        if (!problems.isEmpty()) {
            throw new StackException("The demo data file " + DemoData.RESOURCE + " is invalid:\n  - "
                    + String.join("\n  - ", problems));
        }
        Map<String, String> ids = new LinkedHashMap<>();
        int producersCreated = 0;
        int productsCreated = 0;
        int products = 0;
        for (DemoData.Entry entry : data.entries()) {
            String token = Tokens.provinceOfficer(entry.officerProvince());
            Outcome producer = post("/producers", "ocop-demo-producer-" + entry.key(), entry.producer(), token);
            String producerId;
            if (producer.created()) {
                producerId = producer.body().path("id").asText();
                producersCreated += producer.replayed() ? 0 : 1;
            } else {
                // Registered earlier without a stored idempotent response (e.g. by hand): find it by tax code.
                producerId = findProducerId(entry, token).orElseThrow(() -> failure("producer " + entry.key(), producer));
            }
            ids.put(entry.key(), producerId);
            for (int i = 0; i < entry.products().size(); i++) {
                ObjectNode body = entry.products().get(i).deepCopy();
                body.put("producerId", producerId);
                Outcome product = post("/products", "ocop-demo-product-" + entry.key() + "-" + (i + 1), body, token);
                if (product.created()) {
                    productsCreated += product.replayed() ? 0 : 1;
                } else if (product.status() != 409) {
                    throw failure("product " + body.path("name").asText(), product);
                }
                products++;
            }
        }
        return new Result(ids, producersCreated, productsCreated, data.entries().size(), products);
    }

    private record Outcome(int status, JsonNode body, boolean replayed, String raw) {
        boolean created() {
            return status == 200 || status == 201;
        }
    }

    private Outcome post(String path, String idempotencyKey, JsonNode body, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registryApi + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request);
        boolean replayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false);
        return new Outcome(response.statusCode(), readJson(response.body()), replayed, response.body());
    }

    private Optional<String> findProducerId(DemoData.Entry entry, String token) {
        String query = "/producers?size=200&province=" + URLEncoder.encode(entry.officerProvince(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(registryApi + query))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        for (JsonNode item : readJson(response.body()).path("items")) {
            if (entry.taxCode().equals(item.path("taxCode").asText())) {
                return Optional.of(item.path("id").asText());
            }
        }
        return Optional.empty();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StackException("Loading demo data failed: " + request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while loading demo data");
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static StackException failure(String what, Outcome outcome) {
        return new StackException("Loading demo " + what + " failed: HTTP " + outcome.status() + " " + outcome.raw());
    }

    /** Writes the producer ids by key to {@code <workDir>/demo-ids.properties}. */
    public static void saveIds(Path workDir, Map<String, String> ids) {
        Properties props = new Properties();
        props.putAll(ids);
        try (Writer w = Files.newBufferedWriter(workDir.resolve(IDS_FILE), StandardCharsets.UTF_8)) {
            props.store(w, "producer ids of the demo data, by key (written by ./ocop up)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + workDir.resolve(IDS_FILE), e);
        }
    }

    /** The producer id saved for a demo key by an earlier {@code ./ocop up}, if any. */
    public static Optional<String> savedId(Path workDir, String key) {
        Path file = workDir.resolve(IDS_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(props.getProperty(key));
    }
}
