package vn.ocop.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import vn.ocop.events.Topics;
import vn.ocop.kafka.KafkaBroker;

/**
 * The Kafka broker of this test JVM: forked once, shared by every test class, stopped when the JVM exits
 * (and by itself if the JVM is killed). {@code OCOP_KAFKA_BOOTSTRAP} reuses a running broker instead, which must have
 * the {@link LocalKafka} users (as the one of {@code ./ocop up} has). Clients log in: see {@link LocalKafka}.
 */
public final class TestBroker {
    private static KafkaBroker broker;
    private static String bootstrap;

    private TestBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrap == null) {
            bootstrap = KafkaBroker.externalBootstrap().orElseGet(TestBroker::fork);
        }
        return bootstrap;
    }

    /** The forked broker, for tests that stop and restart it; empty when an external broker is used. */
    public static synchronized java.util.Optional<KafkaBroker> forked() {
        bootstrapServers();
        return java.util.Optional.ofNullable(broker);
    }

    private static String fork() {
        try {
            Path logDir = Files.createDirectories(Path.of("target", "kafka"));
            broker = KafkaBroker.builder()
                    .topics(Topics.ALL)
                    .security(LocalKafka.security())
                    .logFile(logDir.resolve("broker.log"))
                    // Users and ACLs are applied before READY; on a loaded 2-core machine that took over 90 s.
                    .startupTimeout(java.time.Duration.ofMinutes(3))
                    .start();
            return broker.bootstrapServers();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test Kafka broker", e);
        }
    }
}
