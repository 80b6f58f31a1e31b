package vn.ocop.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker with {@link BrokerSecurity}: who is let in, and what each user may touch. */
class SecuredKafkaBrokerTest {

    @TempDir
    Path tmp;

    private static final BrokerSecurity SECURITY = BrokerSecurity.superUser("admin", "admin-secret-1")
            .user("writer", "writer-secret")
            .allowWrite("writer", "ocop.own")
            .user("reader", "reader-secret")
            .allowRead("reader", "ocop.own")
            .allowGroup("reader", "readers");

    @Test
    void usersDoOnlyWhatTheirAclsAllowAndUnknownClientsAreRefused() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.builder().topics(List.of("ocop.own", "ocop.other"))
                .security(SECURITY).logFile(Path.of("target", "secured-broker.log")).start()) {
            String bootstrap = kafka.bootstrapServers();
            assertThat(kafka.security()).containsSame(SECURITY);

            send(bootstrap, SECURITY.clientProperties("writer"), "ocop.own", "allowed");
            assertThatThrownBy(() -> send(bootstrap, SECURITY.clientProperties("writer"), "ocop.other", "forged"))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            // Reading a topic is not writing it (refused as the topic's or, for its producer id, the cluster's).
            assertThatThrownBy(() -> send(bootstrap, SECURITY.clientProperties("reader"), "ocop.own", "forged"))
                    .hasCauseInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> send(bootstrap, BrokerSecurity.clientProperties("writer", "wrong-password"),
                    "ocop.own", "forged"))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
            // No credentials at all: the SASL listener never answers a plain client, which gives up.
            assertThatThrownBy(() -> send(bootstrap, Map.of(), "ocop.own", "forged"))
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);

            assertThat(readKeys(bootstrap, "reader", "readers")).containsExactly("allowed");
            assertThatThrownBy(() -> readKeys(bootstrap, "reader", "someone-elses-group"))
                    .isInstanceOf(GroupAuthorizationException.class);

            // Users and ACLs live in the cluster's metadata: a restart on the kept data enforces them again.
            kafka.restart();
            assertThatThrownBy(() -> send(bootstrap, SECURITY.clientProperties("writer"), "ocop.other", "forged"))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            send(bootstrap, SECURITY.clientProperties("writer"), "ocop.own", "after-restart");
            assertThat(Files.readString(kafka.dataDir().resolve("security.properties")))
                    .as("written for the child only").contains("writer-secret");
            assertThat(Files.getPosixFilePermissions(kafka.dataDir().resolve("security.properties")))
                    .hasSize(2);
        }
    }

    private static void send(String bootstrap, Map<String, String> login, String topic, String key) throws Exception {
        Map<String, Object> p = new HashMap<>(login);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // Long enough for a slow machine; the refusals below come as answers, not as this timeout (but the last one).
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, login.isEmpty() ? 5000 : 30000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, "{}")).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> readKeys(String bootstrap, String user, String group) {
        Map<String, Object> p = new HashMap<>(SECURITY.clientProperties(user));
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("ocop.own"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    return List.of(r.key());
                }
            }
        }
        return List.of();
    }
}
