import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor bench/footprint.sh measures the services against: the least a JVM service with the same duties needs, on
 * the plain JDK. HTTP (the JDK's server, 4 worker threads), a pool of 4 PostgreSQL connections (JDBC driver only), a
 * Kafka producer and a consumer polling in a thread (broker optional, as for the services' readiness).
 * {@code GET /ready} answers {@code {"status":"UP"}} after a {@code select 1}, like a service's readiness check.
 * Configured by the environment the services read: QUARKUS_HTTP_PORT, OCOP_DB_URL/USER/PASSWORD, KAFKA_BOOTSTRAP_SERVERS.
 */
public class MinimalService {
    private static final KafkaProducer<?, ?>[] PRODUCER = new KafkaProducer<?, ?>[1];

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        String url = System.getenv("OCOP_DB_URL");
        String user = System.getenv().getOrDefault("OCOP_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("OCOP_DB_PASSWORD", "");
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(4);
        for (int i = 0; i < 4; i++) {
            pool.add(DriverManager.getConnection(url, user, password));
        }
        startKafka(System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/ready", exchange -> {
            int status = 200;
            String body = "{\"status\":\"UP\"}";
            try {
                Connection c = pool.take();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
                    rs.next();
                } finally {
                    pool.add(c);
                }
            } catch (SQLException | InterruptedException e) {
                status = 503;
                body = "{\"status\":\"DOWN\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        System.out.println("minimal service listening on " + port);
    }

    private static void startKafka(String bootstrap) {
        Properties producer = new Properties();
        producer.put("bootstrap.servers", bootstrap);
        producer.put("key.serializer", StringSerializer.class.getName());
        producer.put("value.serializer", StringSerializer.class.getName());
        producer.put("acks", "all");
        // Its sender thread connects (and reconnects) in the background; nothing blocks on the broker.
        PRODUCER[0] = new KafkaProducer<>(producer);
        Properties consumer = new Properties();
        consumer.put("bootstrap.servers", bootstrap);
        consumer.put("group.id", "ocop-minimal");
        consumer.put("key.deserializer", StringDeserializer.class.getName());
        consumer.put("value.deserializer", StringDeserializer.class.getName());
        Thread poller = new Thread(() -> {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumer)) {
                c.subscribe(List.of("ocop.minimal.events"));
                while (true) {
                    c.poll(Duration.ofSeconds(1));
                }
            }
        }, "kafka-consumer");
        poller.setDaemon(true);
        poller.start();
    }
}
