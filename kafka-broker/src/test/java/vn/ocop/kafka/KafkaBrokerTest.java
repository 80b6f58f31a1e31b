package vn.ocop.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path tmp;

    @Test
    void startsWithTopicsAndRoundTripsARecordWithKeyAndHeaders() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.builder()
                .topics(List.of("ocop.orders", "ocop.payments"))
                .partitions(2)
                .logFile(tmp.resolve("broker.log"))
                .start()) {
            assertThat(kafka.isAlive()).isTrue();
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
            assertThat(kafka.controllerPort()).isNotEqualTo(kafka.port());

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .contains("ocop.orders", "ocop.payments");
                Map<String, TopicDescription> described =
                        admin.describeTopics(List.of("ocop.orders")).allTopicNames().get(30, TimeUnit.SECONDS);
                assertThat(described.get("ocop.orders").partitions()).hasSize(2);
            }

            ProducerRecord<String, String> sent = new ProducerRecord<>("ocop.orders", "order-42", "{\"total\":100}");
            sent.headers().add("event-type", "OrderPlaced".getBytes(StandardCharsets.UTF_8));
            produce(kafka.bootstrapServers(), sent);

            ConsumerRecord<String, String> received = consumeOne(kafka.bootstrapServers(), "ocop.orders", "order-42");
            assertThat(received.value()).isEqualTo("{\"total\":100}");
            Header header = received.headers().lastHeader("event-type");
            assertThat(header).isNotNull();
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo("OrderPlaced");
        }
        // The child's output went to the requested log file, and the READY line is among it.
        assertThat(Files.readString(tmp.resolve("broker.log"))).contains(KafkaBroker.READY_MARKER);
    }

    @Test
    void restartKeepsTopicsAndRecordsAtTheSameAddress() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.builder().topics(List.of("ocop.restart"))
                .logFile(tmp.resolve("restart.log")).start()) {
            String bootstrap = kafka.bootstrapServers();
            Path dataDir = kafka.dataDir();
            long firstPid = kafka.process().pid();
            produce(bootstrap, new ProducerRecord<>("ocop.restart", "before", "survives"));

            assertThat(kafka.restart()).isSameAs(kafka);

            assertThat(kafka.isAlive()).isTrue();
            assertThat(kafka.process().pid()).isNotEqualTo(firstPid);
            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(kafka.dataDir()).isEqualTo(dataDir).isDirectory();
            assertThat(consumeOne(bootstrap, "ocop.restart", "before").value()).isEqualTo("survives");
        }
    }

    @Test
    void stopEndsTheChildAndDeletesTheDataDir() throws Exception {
        KafkaBroker kafka = KafkaBroker.builder().dataDir(tmp.resolve("data")).start();
        Process child = kafka.process();
        assertThat(kafka.dataDir()).isDirectory();

        kafka.stop();

        assertThat(child.isAlive()).isFalse();
        assertThat(child.exitValue()).as("clean shutdown exit code").isZero();
        assertThat(kafka.isAlive()).isFalse();
        assertThat(kafka.dataDir()).doesNotExist();
        kafka.stop(); // idempotent
        assertThat(kafka.isAlive()).isFalse();
        // Default log location: next to the data dir, so it outlives it.
        assertThat(Files.readString(tmp.resolve("data.log"))).contains(KafkaBroker.READY_MARKER);
    }

    @Test
    void childExitsAndCleansUpByItselfWhenItsStdinCloses() throws Exception {
        // What the OS does to the pipe when the parent JVM is SIGKILLed: the child must not outlive it.
        try (KafkaBroker kafka = KafkaBroker.builder().logFile(tmp.resolve("stdin.log")).start()) {
            Process child = kafka.process();
            Path dataDir = kafka.dataDir();

            kafka.closeChildStdin();

            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child exited within 30 s").isTrue();
            assertThat(child.exitValue()).isZero();
            assertThat(kafka.isAlive()).isFalse();
            // Deleted by the child itself: the parent has not called stop().
            assertThat(dataDir).doesNotExist();
        }
    }

    @Test
    void failedStartReportsTheBrokerLog() throws IOException {
        // A data dir that is a regular file cannot be created, so the child exits before READY.
        Path notADir = Files.writeString(tmp.resolve("occupied"), "x");
        assertThatThrownBy(() -> KafkaBroker.builder().dataDir(notADir).logFile(tmp.resolve("failed.log"))
                        .startupTimeout(Duration.ofSeconds(60)).start())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("FileAlreadyExistsException");
        assertThat(notADir).as("cleanup must not delete what is not a data dir").hasContent("x");
    }

    @Test
    void launcherWorksWithOnlyJdkClassesOnTheClasspath() throws Exception {
        // How other modules use it: this artifact with every transitive dependency excluded.
        URL ownClasses = KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {ownClasses}, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> isolated.loadClass("org.apache.kafka.clients.admin.Admin"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> launcher = isolated.loadClass(KafkaBroker.class.getName());
            assertThat(launcher).isNotSameAs(KafkaBroker.class);
            Object builder = launcher.getMethod("builder").invoke(null);
            builder.getClass().getMethod("logFile", Path.class).invoke(builder, tmp.resolve("isolated.log"));
            try (AutoCloseable broker = (AutoCloseable) builder.getClass().getMethod("start").invoke(builder)) {
                String bootstrap = (String) launcher.getMethod("bootstrapServers").invoke(broker);
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                    assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
                }
            }
        }
    }

    @Test
    void externalBootstrapIsEmptyUnlessTheVariableIsSet() {
        String env = System.getenv(KafkaBroker.EXTERNAL_BOOTSTRAP_ENV);
        if (env == null || env.isBlank()) {
            assertThat(KafkaBroker.externalBootstrap()).isEmpty();
        } else {
            assertThat(KafkaBroker.externalBootstrap()).contains(env.trim());
        }
    }

    private static void produce(String bootstrap, ProducerRecord<String, String> record) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    private static ConsumerRecord<String, String> consumeOne(String bootstrap, String topic, String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no record with key " + key + " on " + topic + " within 30 s");
    }
}
