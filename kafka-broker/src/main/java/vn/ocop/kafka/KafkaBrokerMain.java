package vn.ocop.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * Entry point of the forked broker JVM started by {@link KafkaBroker}: a single-node KRaft broker (broker and
 * controller in one process) listening on 127.0.0.1 only.
 *
 * <p>Arguments: {@code --port P --controller-port C --data-dir D [--topics a,b,c] [--partitions N] [--keep-data]
 * [--security F]}; {@code F} is a {@link BrokerSecurity} file that turns on SASL/SCRAM and ACLs.
 *
 * <p>Protocol with the parent: once the broker serves clients and the requested topics have leaders, exactly one
 * line {@code OCOP-KAFKA-READY 127.0.0.1:P} is printed to stdout. Afterwards stdin is watched: the line
 * {@code keep-data} makes this run keep {@code D} on exit, and end of input (the parent closed the pipe or died,
 * even by SIGKILL) shuts the broker down. SIGTERM does the same through a shutdown hook. Unless data is kept,
 * {@code D} is deleted on exit.
 */
public final class KafkaBrokerMain {

    /** A shutdown that hangs must not leave an orphaned JVM behind once the parent is gone. */
    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(25);
    private static final Duration TOPIC_READY_LIMIT = Duration.ofSeconds(60);

    private static volatile KafkaRaftServer server;
    private static volatile boolean keepData;

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("kafka-broker: " + e.getMessage());
            System.err.println("usage: --port P --controller-port C --data-dir D [--topics a,b] [--partitions N] [--keep-data] [--security F]");
            System.exit(2);
            return;
        }
        keepData = options.keepData;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(options.dataDir), "ocop-kafka-shutdown"));
        try {
            run(options);
        } catch (Throwable t) {
            System.err.println("kafka-broker: failed to start: " + t);
            t.printStackTrace();
            System.exit(1);
        }
        watchStdin();
        System.exit(0);
    }

    private static void run(Options o) throws Exception {
        Files.createDirectories(o.dataDir);
        Properties props = serverProperties(o);
        Path propsFile = o.dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(propsFile)) {
            props.store(out, "written by " + KafkaBrokerMain.class.getName());
        }
        formatStorage(o, propsFile);

        KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server = raftServer;
        raftServer.startup();
        String bootstrap = "127.0.0.1:" + o.port;
        Map<String, Object> adminConfig = o.security == null
                ? Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        AdminClientConfig.CLIENT_ID_CONFIG, "ocop-kafka-broker-setup")
                : o.security.adminClientConfig(bootstrap);
        try (Admin admin = Admin.create(adminConfig)) {
            createTopics(admin, o);
            if (o.security != null) {
                o.security.apply(admin, bootstrap);
            }
        }

        System.out.println(KafkaBroker.READY_MARKER + " 127.0.0.1:" + o.port);
        System.out.flush();
    }

    static Properties serverProperties(Options o) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + o.controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + o.port + ",CONTROLLER://127.0.0.1:" + o.controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + o.port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", o.dataDir.resolve("logs").toString());
        p.setProperty("num.partitions", Integer.toString(o.partitions));
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions than the default 50: the first consumer group / transaction on a fresh
        // broker then has far fewer logs to create, which matters on a 2-core machine.
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.num.partitions", "10");
        // Tests join groups constantly; the default 3 s wait before the first rebalance would slow every one.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        if (o.security != null) {
            o.security.configure(p, o.port, o.controllerPort);
        }
        return p;
    }

    private static void formatStorage(Options o, Path propsFile) {
        // A kept data dir from an earlier run is already formatted; a fresh cluster id would not match it.
        if (Files.exists(o.dataDir.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        List<String> args = new ArrayList<>(List.of("format", "-t", clusterId, "-c", propsFile.toString(), "--ignore-formatted"));
        if (o.security != null) {
            args.addAll(o.security.formatArguments());
        }
        int rc = StorageTool.execute(args.toArray(String[]::new), System.out);
        if (rc != 0) {
            throw new IllegalStateException("kafka-storage format exited with " + rc);
        }
    }

    private static void createTopics(Admin admin, Options o) throws Exception {
        if (o.topics.isEmpty()) {
            return;
        }
        List<NewTopic> newTopics = new ArrayList<>();
        for (String t : o.topics) {
            newTopics.add(new NewTopic(t, o.partitions, (short) 1));
        }
        for (var entry : admin.createTopics(newTopics).values().entrySet()) {
            try {
                entry.getValue().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // Idempotent on purpose: a restart with --keep-data asks for the same topics again.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        awaitLeaders(admin, o.topics);
    }

    /** The controller has committed the topics, but clients should not see READY before the partitions are led. */
    private static void awaitLeaders(Admin admin, Collection<String> topics) throws Exception {
        long deadline = System.nanoTime() + TOPIC_READY_LIMIT.toNanos();
        while (true) {
            boolean allLed = true;
            try {
                Map<String, TopicDescription> descriptions =
                        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
                for (TopicDescription d : descriptions.values()) {
                    for (TopicPartitionInfo p : d.partitions()) {
                        allLed &= p.leader() != null && !p.leader().isEmpty();
                    }
                }
            } catch (ExecutionException | TimeoutException e) {
                allLed = false; // metadata not propagated yet (e.g. UnknownTopicOrPartition): retry
            }
            if (allLed) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topics " + topics + " have no leaders after " + TOPIC_READY_LIMIT);
            }
            Thread.sleep(100);
        }
    }

    private static void watchStdin() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (KafkaBroker.KEEP_DATA_COMMAND.equals(line.trim())) {
                    keepData = true;
                }
            }
        } catch (IOException e) {
            // A broken pipe means the same as EOF: nobody is left to talk to us.
        }
    }

    private static void shutdown(Path dataDir) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_LIMIT.toMillis());
                System.err.println("kafka-broker: shutdown took longer than " + SHUTDOWN_LIMIT + ", halting");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException ignored) {
                // shutdown finished in time
            }
        }, "ocop-kafka-shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        KafkaRaftServer s = server;
        if (s != null) {
            try {
                s.shutdown();
                s.awaitShutdown();
            } catch (Throwable t) {
                System.err.println("kafka-broker: error during shutdown: " + t);
            }
        }
        if (!keepData) {
            try {
                KafkaBroker.deleteRecursively(dataDir);
            } catch (IOException e) {
                System.err.println("kafka-broker: could not delete " + dataDir + ": " + e);
            }
        }
        watchdog.interrupt();
    }

    /** Parsed command line. */
    static final class Options {
        int port = -1;
        int controllerPort = -1;
        Path dataDir;
        List<String> topics = new ArrayList<>();
        int partitions = 3;
        boolean keepData;
        BrokerSecuritySetup security;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--keep-data" -> o.keepData = true;
                    case "--port" -> o.port = parsePort(a, value(args, ++i, a));
                    case "--controller-port" -> o.controllerPort = parsePort(a, value(args, ++i, a));
                    case "--data-dir" -> o.dataDir = Path.of(value(args, ++i, a)).toAbsolutePath();
                    case "--partitions" -> o.partitions = parsePositive(a, value(args, ++i, a));
                    case "--security" -> o.security = new BrokerSecuritySetup(readSecurity(value(args, ++i, a)));
                    case "--topics" -> {
                        for (String t : value(args, ++i, a).split(",")) {
                            if (!t.isBlank()) {
                                o.topics.add(t.trim());
                            }
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            }
            if (o.port < 0 || o.controllerPort < 0 || o.dataDir == null) {
                throw new IllegalArgumentException("--port, --controller-port and --data-dir are required");
            }
            if (o.port == o.controllerPort) {
                throw new IllegalArgumentException("--port and --controller-port must differ");
            }
            return o;
        }

        private static BrokerSecurity readSecurity(String file) {
            try {
                return BrokerSecurity.readFrom(Path.of(file));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --security " + file + ": " + e);
            }
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[i];
        }

        private static int parsePort(String name, String v) {
            int p = parsePositive(name, v);
            if (p > 65535) {
                throw new IllegalArgumentException(name + " must be a TCP port, got " + v);
            }
            return p;
        }

        private static int parsePositive(String name, String v) {
            try {
                int n = Integer.parseInt(v.trim());
                if (n <= 0) {
                    throw new IllegalArgumentException(name + " must be positive, got " + v);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, got " + v);
            }
        }
    }
}
