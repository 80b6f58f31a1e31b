import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.LocalKafka;
import vn.ocop.testkit.Tokens;

/**
 * Revocation propagation against ./ocop up (run by bench/revocation-propagation.sh). Each round: a product with a 4★
 * certificate (CertificateIssued published as evaluation would) listed on three channels whose webhooks point here;
 * then, interleaved, one bare Kafka produce→consume round trip on the same broker and one revocation
 * (POST /api/v1/revocations to monitoring). Measured from the send / the POST: until the consumer has the record; until
 * the registry's certificate is REVOKED and all three listings are SUSPENDED (read from the databases every
 * millisecond); until all three webhooks arrived here.
 */
public class RevocationPropagation {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REGISTRY = "http://127.0.0.1:8081/api/v1", MARKET = "http://127.0.0.1:8083/api/v1",
            MONITORING = "http://127.0.0.1:8084/api/v1";
    static final String PROVINCE = "51", COMMUNE = "21548";
    static final String OFFICER = Tokens.provinceOfficer(PROVINCE), CENTRAL = Tokens.centralOfficer();
    static final Map<String, Long> HOOKS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        // The first rounds pay for class loading and JIT in four JVMs (about 1 s each): measured, printed, not counted.
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String bootstrap = System.getenv().getOrDefault("OCOP_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
        String pg = "jdbc:postgresql://127.0.0.1:5432/";
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        receiver.createContext("/hook", exchange -> {
            long at = System.nanoTime();
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            HOOKS.putIfAbsent(body.path("listingId").asText(), at);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            channels.add(post(MARKET + "/channels", CENTRAL, Map.of("name", "Bench channel " + UUID.randomUUID(),
                    "kind", "ECOMMERCE_PLATFORM", "website", "https://bench.example.vn", "operatorName", "Bench",
                    "notificationUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/" + i,
                    "notificationSecret", "bench-secret-" + UUID.randomUUID())).path("id").asText());
        }
        String producerId = post(REGISTRY + "/producers", OFFICER, Map.of("name", "HTX Bench " + UUID.randomUUID(),
                "kind", "COOPERATIVE", "taxCode", String.valueOf(1_000_000_000L + (long) (Math.random() * 8_999_999_999L)),
                "provinceCode", PROVINCE, "communeCode", COMMUNE, "address", "Bench", "phone", "0255 3867 123",
                "email", "bench@example.vn", "representative", Map.of("fullName", "Nguyễn Thị Hoa", "title", "Giám đốc",
                        "gender", "FEMALE", "ethnicGroup", "Kinh", "ethnicMinority", false, "disabled", false)))
                .path("id").asText();
        String producer = Tokens.producer(UUID.fromString(producerId));

        // The local broker authenticates: the bare round trips log in as its super user (testkit LocalKafka).
        Properties pp = new Properties();
        pp.putAll(LocalKafka.superUserLogin());
        pp.put("bootstrap.servers", bootstrap);
        pp.put("acks", "all");
        pp.put("linger.ms", "0");
        Properties cp = new Properties();
        cp.putAll(LocalKafka.superUserLogin());
        cp.put("bootstrap.servers", bootstrap);
        cp.put("fetch.min.bytes", "1");
        cp.put("fetch.max.wait.ms", "100");
        String topic = "ocop.bench.roundtrip";
        TopicPartition partition = new TopicPartition(topic, 0);
        List<Long> kafka = new ArrayList<>(), state = new ArrayList<>(), hooks = new ArrayList<>(), posts = new ArrayList<>();
        try (KafkaProducer<String, String> kp = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> kc = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer());
             Connection registryDb = DriverManager.getConnection(pg + "ocop_registry", "postgres", "postgres");
             Connection marketDb = DriverManager.getConnection(pg + "ocop_market", "postgres", "postgres")) {
            kp.send(new ProducerRecord<>(topic, 0, "warm-up", "x")).get(); // creates the topic
            kc.assign(List.of(partition));
            kc.seekToEnd(List.of(partition));
            kc.position(partition);
            PreparedStatement revoked = registryDb.prepareStatement("select status from certificate where id = ?");
            PreparedStatement suspended = marketDb.prepareStatement(
                    "select count(*) from listing where certificate_id = ? and status = 'SUSPENDED'");
            for (int round = 0; round < warmUp + rounds; round++) {
                if (round == warmUp) {
                    System.out.println("BENCH warm-up rounds (not counted): revocation -> SUSPENDED " + millis(state)
                            + ", -> webhooks " + millis(hooks));
                    kafka.clear();
                    state.clear();
                    hooks.clear();
                    posts.clear();
                }
                // --- set-up, not measured
                JsonNode product = post(REGISTRY + "/products", OFFICER, Map.of("producerId", producerId,
                        "name", "Bench tỏi " + UUID.randomUUID().toString().substring(0, 8), "productSet", 10,
                        "communeCode", COMMUNE, "description", "Bench", "story", "Bench"));
                UUID productId = UUID.fromString(product.path("id").asText());
                UUID certificateId = UUID.randomUUID();
                String number = "BENCH-" + certificateId;
                LocalDate today = LocalDate.now();
                KafkaTestClient.publish(new CertificateIssued(certificateId, number, productId, product.path("code").asText(),
                        UUID.fromString(producerId), PROVINCE, 4, today.minusMonths(1), today.plusMonths(35), "QD26-2026",
                        UUID.randomUUID(), "1/QĐ-UBND", null, Instant.now()), UUID.randomUUID().toString());
                await(() -> status(MARKET + "/certificates/" + certificateId) == 200
                        && status(MONITORING + "/certificates/" + number) == 200
                        && "ACTIVE".equals(text(revoked, certificateId)), Duration.ofSeconds(60));
                List<String> listings = new ArrayList<>();
                for (String channel : channels) {
                    listings.add(post(MARKET + "/listings", producer, Map.of("productId", productId, "channelId", channel,
                            "externalSku", "B-" + UUID.randomUUID(), "priceVnd", 100_000, "since", today.toString()))
                            .path("id").asText());
                }
                Thread.sleep(200); // let the set-up's own events and webhooks settle

                // --- bare Kafka round trip on the same broker
                String key = UUID.randomUUID().toString();
                long sent = System.nanoTime();
                kp.send(new ProducerRecord<>(topic, 0, key, "ping"));
                long received = 0;
                while (received == 0) {
                    for (ConsumerRecord<String, String> r : kc.poll(Duration.ofMillis(200))) {
                        if (key.equals(r.key())) {
                            received = System.nanoTime();
                        }
                    }
                }
                kafka.add(received - sent);

                // --- the revocation
                long start = System.nanoTime();
                post(MONITORING + "/revocations", OFFICER, Map.of("certificateNumbers", List.of(number),
                        "ground", "MARK_MISUSE", "decisionNumber", UUID.randomUUID().toString().substring(0, 8) + "/QĐ-UBND",
                        "decidedOn", today.toString(), "findingOn", today.toString()));
                posts.add(System.nanoTime() - start);
                await(() -> "REVOKED".equals(text(revoked, certificateId)) && count(suspended, certificateId) == 3,
                        Duration.ofSeconds(60));
                state.add(System.nanoTime() - start);
                await(() -> listings.stream().allMatch(HOOKS::containsKey), Duration.ofSeconds(60));
                hooks.add(listings.stream().mapToLong(HOOKS::get).max().orElseThrow() - start);
            }
        } finally {
            receiver.stop(0);
        }
        System.out.println("BENCH rounds=" + rounds + " after " + warmUp
                + " warm-up rounds (3 listings on 3 channels per revocation; stack of ./ocop up)");
        System.out.println("BENCH bare Kafka produce->consume      " + percentiles(kafka));
        System.out.println("BENCH POST /revocations answered        " + percentiles(posts));
        System.out.println("BENCH revocation -> REVOKED + SUSPENDED " + percentiles(state));
        System.out.println("BENCH revocation -> 3 webhooks received " + percentiles(hooks));
        System.out.printf("BENCH ratio p99 to bare Kafka p99: suspended %.1fx, webhooks %.1fx%n",
                (double) p(state, 99) / p(kafka, 99), (double) p(hooks, 99) / p(kafka, 99));
    }

    static String millis(List<Long> nanos) {
        return nanos.stream().map(n -> String.format("%.0f", n / 1e6)).toList() + " ms";
    }

    static String percentiles(List<Long> nanos) {
        return String.format("p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms", p(nanos, 50) / 1e6, p(nanos, 95) / 1e6, p(nanos, 99) / 1e6);
    }

    /** Nearest-rank percentile. */
    static long p(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(1);
        }
    }

    static String text(PreparedStatement query, UUID id) {
        try {
            query.setObject(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(PreparedStatement query, UUID id) {
        String value = text(query, id);
        return value == null ? 0 : Long.parseLong(value);
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + CENTRAL).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode post(String url, String token, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
