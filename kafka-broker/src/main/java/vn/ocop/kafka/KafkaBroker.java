package vn.ocop.kafka;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Apache Kafka (KRaft) broker running in a child JVM, for tests and local development.
 *
 * <p>This class uses JDK classes only: callers may depend on the {@code kafka-broker} artifact with all of its
 * transitive dependencies excluded. The child's classpath was recorded when this module was built and points into
 * the local Maven repository.
 *
 * <pre>{@code
 * try (KafkaBroker kafka = KafkaBroker.builder().topics(List.of("orders")).start()) {
 *     String bootstrap = kafka.bootstrapServers(); // "127.0.0.1:<port>"
 * }
 * }</pre>
 *
 * <p>The child listens on 127.0.0.1 only and dies with this JVM: it exits when its stdin reaches end of file, which
 * happens on {@link #stop()} and also when this JVM is killed, even with SIGKILL. A JVM shutdown hook stops it on
 * normal exit. Unless data is kept, the data directory is deleted when the broker stops.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Printed by the child on stdout, followed by {@code " 127.0.0.1:<port>"}, once clients can use it. */
    static final String READY_MARKER = "OCOP-KAFKA-READY";
    /** Sent to the child's stdin before closing it when the data dir must survive this stop. */
    static final String KEEP_DATA_COMMAND = "keep-data";
    /** Name of the environment variable that points tests and tools at an already running broker. */
    public static final String EXTERNAL_BOOTSTRAP_ENV = "OCOP_KAFKA_BOOTSTRAP";

    /** By name, not as a class literal: this JVM must never load a class whose code refers to Kafka. */
    private static final String MAIN_CLASS = "vn.ocop.kafka.KafkaBrokerMain";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 40;
    private static final int PORT_ATTEMPTS = 3;

    private final Builder config;
    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final Path logFile;

    private Process process;
    private Thread outputPump;
    private Thread shutdownHook;
    private final Deque<String> tail = new ArrayDeque<>();

    private KafkaBroker(Builder config, int port, int controllerPort, Path dataDir, Path logFile) {
        this.config = config;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    /** Starts configuring a broker; every setting has a default, so {@code builder().start()} works. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The bootstrap address of an externally managed broker from {@value #EXTERNAL_BOOTSTRAP_ENV}, if that
     * variable is set and not blank; callers then use it instead of starting their own.
     */
    public static Optional<String> externalBootstrap() {
        String value = System.getenv(EXTERNAL_BOOTSTRAP_ENV);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The client bootstrap address, {@code "127.0.0.1:<port>"}; unchanged by {@link #restart()}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The client port (PLAINTEXT, or SASL_PLAINTEXT with {@link Builder#security}). */
    public int port() {
        return port;
    }

    /** The KRaft controller port (not for clients). */
    public int controllerPort() {
        return controllerPort;
    }

    /** The broker's data directory (server.properties and the logs); may no longer exist after {@link #stop()}. */
    public Path dataDir() {
        return dataDir;
    }

    /** Users and ACLs the broker enforces; empty when it is open to any client. */
    public Optional<BrokerSecurity> security() {
        return Optional.ofNullable(config.security);
    }

    /** Whether the child JVM is running. */
    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Stops the broker: closes the child's stdin so it shuts down cleanly, waits up to 30 s, then kills it. Deletes
     * the data directory unless {@code keepData} was set. Idempotent.
     */
    public synchronized void stop() {
        stop(config.keepData);
    }

    /**
     * Stops the broker but keeps its data, whatever {@code keepData} says: simulates an outage that {@link #restart()}
     * ends with the same address, topics and records. Idempotent.
     */
    public synchronized void stopKeepingData() {
        stop(true);
    }

    /**
     * Stops the broker keeping its data (if it still runs), then starts it again with the same ports, data directory and topics, so
     * that the bootstrap address stays valid and topics and records survive.
     *
     * @return this broker, running again
     * @throws IOException if the broker does not come back
     */
    public synchronized KafkaBroker restart() throws IOException {
        stop(true);
        launch();
        return this;
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** The child JVM, for tests of the lifecycle protocol; {@code null} when stopped. */
    synchronized Process process() {
        return process;
    }

    /** Closes the child's stdin without waiting, as the OS does when this JVM is killed. For tests. */
    synchronized void closeChildStdin() throws IOException {
        if (process != null) {
            process.getOutputStream().close();
        }
    }

    private void stop(boolean keepData) {
        Process p = process;
        process = null;
        if (p == null) {
            return;
        }
        removeShutdownHook();
        try {
            terminate(p, keepData);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // The child deletes its data on a clean exit; this covers a child that had to be killed.
        if (!keepData) {
            deleteQuietly(dataDir);
        }
    }

    private void terminate(Process p, boolean keepData) throws InterruptedException {
        try (OutputStream stdin = p.getOutputStream()) {
            if (keepData && p.isAlive()) {
                stdin.write((KEEP_DATA_COMMAND + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            }
        } catch (IOException e) {
            // The child is already gone (or closed its end); waiting below sorts it out.
        }
        if (!p.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (outputPump != null) {
            outputPump.join(5_000);
        }
    }

    private void launch() throws IOException {
        String classpath = BrokerClasspath.resolve();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(), "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", classpath, MAIN_CLASS,
                "--port", Integer.toString(port),
                "--controller-port", Integer.toString(controllerPort),
                "--data-dir", dataDir.toString(),
                "--partitions", Integer.toString(config.partitions)));
        if (!config.topics.isEmpty()) {
            command.add("--topics");
            command.add(String.join(",", config.topics));
        }
        if (config.keepData) {
            command.add("--keep-data");
        }
        if (config.security != null) {
            // In a file, not on the command line, where every local user could read the passwords.
            Path securityFile = Files.createDirectories(dataDir).resolve("security.properties");
            config.security.writeTo(securityFile);
            command.add("--security");
            command.add(securityFile.toString());
        }
        if (logFile.getParent() != null) {
            Files.createDirectories(logFile.getParent());
        }
        synchronized (tail) {
            tail.clear();
        }
        // Opened before forking: a child must never run without someone draining its output.
        BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            log.close();
            throw e;
        }
        process = p;
        CompletableFuture<Void> ready = new CompletableFuture<>();
        outputPump = startOutputPump(p, log, ready);
        addShutdownHook();
        awaitReady(p, ready);
    }

    private Thread startOutputPump(Process p, BufferedWriter log, CompletableFuture<Void> ready) {
        String readyLine = READY_MARKER + " " + bootstrapServers();
        Thread t = new Thread(() -> {
            try (log; BufferedReader out = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    log.write(line);
                    log.newLine();
                    log.flush();
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > LOG_TAIL_LINES) {
                            tail.removeFirst();
                        }
                    }
                    if (line.equals(readyLine)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                // Stream closed because the child ended; nothing more to copy.
            }
        }, "ocop-kafka-output-" + port);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void awaitReady(Process p, CompletableFuture<Void> ready) throws IOException {
        String failure;
        try {
            CompletableFuture.anyOf(ready, p.onExit()).get(config.startupTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (ready.isDone()) {
                return;
            }
            failure = "the Kafka broker JVM exited with code " + p.waitFor() + " before it was ready";
        } catch (TimeoutException e) {
            failure = "the Kafka broker did not become ready within " + config.startupTimeout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAfterFailedStart();
            throw new InterruptedIOException("interrupted while waiting for the Kafka broker");
        } catch (ExecutionException e) {
            failure = "waiting for the Kafka broker failed: " + e.getCause();
        }
        stopAfterFailedStart();
        throw new IOException(failure + " (ports " + port + "/" + controllerPort + ", data dir " + dataDir
                + ", log " + logFile + "). Last log lines:\n" + logTail());
    }

    private void stopAfterFailedStart() {
        Process p = process;
        process = null;
        removeShutdownHook();
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
                if (outputPump != null) {
                    outputPump.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String logTail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    private void addShutdownHook() {
        Thread hook = new Thread(this::stop, "ocop-kafka-stop-" + port);
        Runtime.getRuntime().addShutdownHook(hook);
        shutdownHook = hook;
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook is running or will find nothing left to stop.
            }
        }
    }

    /**
     * Deletes a directory tree; a missing path is fine, and anything but a directory (say, a file passed as data
     * dir by mistake) is left alone. Used by the child as well.
     */
    static void deleteRecursively(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException e) {
            System.err.println("kafka-broker: could not delete " + dir + ": " + e);
        }
    }

    private static int freePort(int avoid) throws IOException {
        for (int i = 0; i < 10; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (s.getLocalPort() != avoid) {
                    return s.getLocalPort();
                }
            }
        }
        throw new IOException("no free port on 127.0.0.1");
    }

    /** Configuration of a broker to start. Not thread-safe; one builder may start several brokers. */
    public static final class Builder {
        private int port;
        private int controllerPort;
        private Path dataDir;
        private List<String> topics = List.of();
        private int partitions = 3;
        private boolean keepData;
        private Path logFile;
        private Duration startupTimeout = Duration.ofSeconds(90);
        private BrokerSecurity security;

        private Builder() {
        }

        /** Client port on 127.0.0.1; 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = checkPort(port);
            return this;
        }

        /** KRaft controller port on 127.0.0.1; 0 (the default) picks a free port. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = checkPort(controllerPort);
            return this;
        }

        /** Data directory, created if missing; {@code null} (the default) uses a fresh temporary directory. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Topics to create before the broker reports ready (others are auto-created on first use). */
        public Builder topics(Collection<String> topics) {
            List<String> copy = new ArrayList<>();
            for (String t : Objects.requireNonNull(topics, "topics")) {
                if (t == null || t.isBlank() || t.contains(",")) {
                    throw new IllegalArgumentException("invalid topic name: '" + t + "'");
                }
                copy.add(t.trim());
            }
            this.topics = List.copyOf(copy);
            return this;
        }

        /** Partitions of the created and auto-created topics; default 3. */
        public Builder partitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
            }
            this.partitions = partitions;
            return this;
        }

        /** Keep the data directory when the broker stops (default false: it is deleted). */
        public Builder keepData(boolean keepData) {
            this.keepData = keepData;
            return this;
        }

        /**
         * File receiving the child's stdout and stderr (appended to). {@code null} (the default) uses
         * {@code <dataDir>.log} next to the data directory, so it survives the data directory's deletion.
         */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /**
         * Authenticates clients (SASL/SCRAM-SHA-512) and authorises them with ACLs; {@code null} (the default) leaves
         * the broker open. The super user also creates the topics.
         */
        public Builder security(BrokerSecurity security) {
            this.security = security;
            return this;
        }

        /** How long {@link #start()} waits for the broker to be ready; default 90 s. */
        public Builder startupTimeout(Duration startupTimeout) {
            if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
                throw new IllegalArgumentException("startupTimeout must be positive");
            }
            this.startupTimeout = startupTimeout;
            return this;
        }

        /**
         * Forks the broker JVM and waits until it is ready and the topics exist.
         *
         * @throws IOException if it cannot be started in time; the message ends with the last lines of its log
         */
        public KafkaBroker start() throws IOException {
            Builder snapshot = copy();
            boolean freshDir = snapshot.dataDir == null;
            Path dir = freshDir ? Files.createTempDirectory("ocop-kafka-") : snapshot.dataDir.toAbsolutePath();
            Path log = snapshot.logFile != null
                    ? snapshot.logFile.toAbsolutePath()
                    : dir.resolveSibling(dir.getFileName() + ".log");
            boolean autoPorts = snapshot.port == 0 || snapshot.controllerPort == 0;
            for (int attempt = 1; ; attempt++) {
                int p = snapshot.port != 0 ? snapshot.port : freePort(snapshot.controllerPort);
                int c = snapshot.controllerPort != 0 ? snapshot.controllerPort : freePort(p);
                KafkaBroker broker = new KafkaBroker(snapshot, p, c, dir, log);
                try {
                    synchronized (broker) {
                        broker.launch();
                    }
                    return broker;
                } catch (IOException e) {
                    // A free port can be taken between probing it and the child binding it; pick others.
                    boolean portClash = broker.logTail().contains("Address already in use");
                    if (!(autoPorts && portClash && attempt < PORT_ATTEMPTS)) {
                        if (freshDir && !snapshot.keepData) {
                            deleteQuietly(dir);
                        }
                        throw e;
                    }
                    if (freshDir) {
                        // Start the next attempt from an empty directory, as the first one did.
                        deleteQuietly(dir);
                        Files.createDirectories(dir);
                    }
                }
            }
        }

        private Builder copy() {
            Builder b = new Builder();
            b.port = port;
            b.controllerPort = controllerPort;
            b.dataDir = dataDir;
            b.topics = topics;
            b.partitions = partitions;
            b.keepData = keepData;
            b.logFile = logFile;
            b.startupTimeout = startupTimeout;
            b.security = security;
            return b;
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a TCP port: " + port);
            }
            return port;
        }
    }
}
