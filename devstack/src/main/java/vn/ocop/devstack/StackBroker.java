package vn.ocop.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import vn.ocop.events.Topics;
import vn.ocop.kafka.KafkaBroker;

import vn.ocop.testkit.LocalKafka;

/**
 * The stack's own Kafka broker (a child JVM, see {@link KafkaBroker}): started on fixed ports so that it can be stopped
 * and started again at the same address with the same data.
 */
final class StackBroker {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final StackConfig config;
    private final PrintStream out;
    private final int port;
    private final int controllerPort;
    private KafkaBroker broker;

    StackBroker(StackConfig config, int port, int controllerPort) {
        this.config = config;
        this.out = config.out();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    boolean isAlive() {
        return broker != null && broker.isAlive();
    }

    /** Starts the broker and waits until it answers; {@code what} names the occasion in an error. */
    void start(String failure) {
        Instant begin = Instant.now();
        try {
            // Data are always kept when the broker stops, so that stop/start keeps topics and records;
            // the stack deletes them on close when the configuration says so.
            broker = KafkaBroker.builder()
                    .port(port)
                    .controllerPort(controllerPort)
                    .dataDir(config.kafkaDataDir())
                    .keepData(true)
                    .topics(Topics.ALL)
                    // Authenticated, with one principal per service and its ACLs, as in production.
                    .security(LocalKafka.security())
                    .logFile(logFile())
                    .startupTimeout(STARTUP_TIMEOUT)
                    .start();
        } catch (IOException e) {
            throw new StackException(failure + ": " + e.getMessage(), e);
        }
        out.println("Kafka: broker on " + broker.bootstrapServers() + " ready in "
                + Display.seconds(Duration.between(begin, Instant.now())) + " (data in "
                + Display.path(config.kafkaDataDir()) + (config.keepBrokerData() ? ", kept" : ", deleted on stop") + ")");
    }

    /** Whether the broker was started and has exited without being stopped (killed, crashed). */
    boolean hasDied() {
        return broker != null && !broker.isAlive();
    }

    Path logFile() {
        return config.logDir().resolve("kafka.log");
    }

    /** Stops the broker, keeping its data; whether there was one to stop. */
    boolean stop() {
        if (broker == null) {
            return false;
        }
        broker.stop();
        broker = null;
        return true;
    }

    /** The broker JVM among this JVM's children (KafkaBroker does not expose its process). */
    Optional<ProcessHandle> process() {
        if (!isAlive()) {
            return Optional.empty();
        }
        String portArgument = Integer.toString(port);
        return ProcessHandle.current().children().filter(p -> {
            List<String> args = arguments(p);
            int i = args.indexOf("--port");
            return args.contains("vn.ocop.kafka.KafkaBrokerMain") && i >= 0 && i + 1 < args.size()
                    && args.get(i + 1).equals(portArgument);
        }).findFirst();
    }

    /**
     * A process's arguments. Read from /proc first: the JDK reports none for command lines longer than 4 KiB,
     * and the broker's classpath alone is longer.
     */
    private static List<String> arguments(ProcessHandle p) {
        Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            return List.of(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException e) {
            return p.info().arguments().map(Arrays::asList).orElse(List.of());
        }
    }
}
