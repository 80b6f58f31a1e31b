package vn.ocop.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import vn.ocop.events.Topics;
import vn.ocop.kafka.KafkaBroker;

/**
 * Runs the whole suite locally: a PostgreSQL server with one database per service, a Kafka broker, and the four
 * packaged services as child JVMs. {@code ./ocop up} uses it with {@link StackConfig#localDev()}, the e2e tests with
 * {@link StackConfig#forTests()}.
 *
 * <pre>{@code
 * try (Stack stack = Stack.launch(StackConfig.forTests())) {
 *     String registry = stack.apiUrl("registry");      // http://127.0.0.1:<port>/api/v1
 *     stack.stopBroker();  ...  stack.startBroker();   // a broker outage, same address and data
 * }
 * }</pre>
 *
 * <p>Everything started is stopped by {@link #close()} in reverse order, and by a shutdown hook when the JVM exits
 * (Ctrl-C, SIGTERM, end of a test run). A JVM killed with SIGKILL cannot run hooks: the pid file in the work dir
 * then lets {@code ./ocop down}, or the next start, stop what was left.
 */
public final class Stack implements AutoCloseable {
    private static final int LOG_TAIL_LINES = 30;
    private static final Duration SERVICE_STOP_WAIT = Duration.ofSeconds(20);
    private static final Duration BROKER_STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PROGRESS_INTERVAL_WITHOUT_CONSOLE = Duration.ofSeconds(15);
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    /** Written next to the pid file while the stack runs: its addresses, as {@code ./ocop status} reads them. */
    public static final String STATE_FILE = "stack.properties";

    private final StackConfig config;
    private final PrintStream out;
    private final PidFile pidFile;
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, Process> processes = new EnumMap<>(Service.class);

    private PostgresServer postgres;
    private KafkaBroker broker;
    private int kafkaPort;
    private int kafkaControllerPort;
    private Thread shutdownHook;
    private boolean started;
    private boolean closed;
    /** Set by the shutdown hook without taking the lock, so that a start-up in progress gives up at once. */
    private volatile boolean closing;

    public Stack(StackConfig config) {
        this.config = config;
        this.out = config.out();
        this.pidFile = new PidFile(config.pidFile());
    }

    /** {@code new Stack(config).start()}. */
    public static Stack launch(StackConfig config) {
        return new Stack(config).start();
    }

    /**
     * Starts PostgreSQL (or finds one), creates the databases, starts the broker and the services, and waits until
     * every service reports ready. On failure, whatever was started is stopped again and a {@link StackException}
     * says what failed (with the end of the failing service's log).
     */
    public synchronized Stack start() {
        if (started) {
            throw new IllegalStateException("this stack was already started; create a new Stack to start again");
        }
        started = true;
        Instant begin = Instant.now();
        try {
            requireJars();
            prepareWorkDir();
            resolvePorts();
            shutdownHook = new Thread(() -> {
                closing = true;
                close();
            }, "ocop-stack-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            recordPids();
            startPostgres();
            startKafka();
            startServices(config.services(), false);
            out.println("Stack ready in " + seconds(Duration.between(begin, Instant.now())) + ".");
            return this;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    public StackConfig config() {
        return config;
    }

    /** Root URL of a service, e.g. {@code http://127.0.0.1:8081}; add {@code /q/health}, {@code /api/v1/...}. */
    public String baseUrl(String service) {
        return baseUrl(Service.of(service));
    }

    public String baseUrl(Service service) {
        return "http://127.0.0.1:" + port(service);
    }

    /** {@code baseUrl(service) + "/api/v1"}. */
    public String apiUrl(String service) {
        return baseUrl(service) + "/api/v1";
    }

    public int port(String service) {
        return port(Service.of(service));
    }

    public int port(Service service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalStateException(service.moduleName() + " is not part of this stack (or it is not started)");
        }
        return port;
    }

    /** {@code 127.0.0.1:<port>}, valid across {@link #stopBroker()}/{@link #startBroker()}. */
    public String kafkaBootstrap() {
        return config.externalKafka() != null ? config.externalKafka() : "127.0.0.1:" + kafkaPort;
    }

    /** The server holding the service databases (for assertions straight on a service's tables). */
    public PostgresServer postgres() {
        return postgres;
    }

    /** JDBC URL of a service's database; connect with {@code postgres().user()} / {@code password()}. */
    public String jdbcUrl(String service) {
        return postgres.jdbcUrl(config.databaseName(Service.of(service)));
    }

    public Path logFile(String service) {
        return logFile(Service.of(service));
    }

    public Path logFile(Service service) {
        return config.logDir().resolve(service.moduleName() + ".log");
    }

    public synchronized boolean isRunning(String service) {
        Process p = processes.get(Service.of(service));
        return p != null && p.isAlive();
    }

    /** Whether {@link #close()} has begun, e.g. from the shutdown hook: processes going away is then expected. */
    public boolean isClosing() {
        return closing;
    }

    public synchronized boolean isBrokerRunning() {
        return config.externalKafka() != null || (broker != null && broker.isAlive());
    }

    /** Stops one service (SIGTERM, then SIGKILL after 20 s). Its port, database and log stay. */
    public synchronized void stopService(String name) {
        Service service = Service.of(name);
        port(service);
        Process p = processes.remove(service);
        if (p != null) {
            PidFile.terminate(p.toHandle(), SERVICE_STOP_WAIT);
            out.println(service.moduleName() + " stopped.");
        }
        recordPids();
    }

    /** Starts a stopped service again on the same port and waits until it is ready. */
    public synchronized void startService(String name) {
        Service service = Service.of(name);
        port(service);
        if (isRunning(name)) {
            return;
        }
        startServices(List.of(service), true);
    }

    /**
     * Stops the broker, keeping its data, so that services see Kafka go away (their outboxes must hold events until
     * it is back). Not available with an external broker.
     */
    public synchronized void stopBroker() {
        requireOwnBroker();
        if (broker != null) {
            broker.stop();
            broker = null;
            out.println("Kafka broker stopped (data kept for startBroker).");
        }
        recordPids();
    }

    /** Starts the broker again on the same ports and data directory: topics and records are back. */
    public synchronized void startBroker() {
        requireOwnBroker();
        if (broker != null && broker.isAlive()) {
            return;
        }
        try {
            launchBroker();
        } catch (IOException e) {
            throw new StackException("The Kafka broker did not start again: " + e.getMessage(), e);
        }
        recordPids();
    }

    /**
     * Stops what this stack started: services, then the broker (deleting its data unless kept), then an embedded
     * PostgreSQL; databases stay. Safe to call more than once.
     */
    @Override
    public synchronized void close() {
        if (closed || !started) {
            return;
        }
        closed = true;
        closing = true;
        boolean announced = false;
        if (processes.values().stream().anyMatch(Process::isAlive)) {
            out.println("Stopping services ...");
            announced = true;
        }
        stopAllServices();
        if (broker != null) {
            if (!announced) {
                out.println("Stopping ...");
                announced = true;
            }
            broker.stop();
            broker = null;
        }
        if (config.externalKafka() == null && !config.keepBrokerData()) {
            deleteTree(config.kafkaDataDir());
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (ownsPidFile()) {
            pidFile.delete();
            deleteQuietly(config.workDir().resolve(STATE_FILE));
        }
        removeShutdownHook();
        if (announced) {
            out.println("Stack stopped.");
        }
    }

    // ---- start-up steps ----

    private void requireJars() {
        List<String> missing = new ArrayList<>();
        for (Service s : config.services()) {
            if (!Files.isRegularFile(s.jar(config.repoRoot()))) {
                missing.add(config.repoRoot().relativize(s.jar(config.repoRoot())).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new StackException("Service jar(s) missing: " + String.join(", ", missing)
                    + ". Build them with ./mvnw -B install -DskipTests (./ocop up does that when they are missing).");
        }
    }

    private void prepareWorkDir() {
        try {
            Files.createDirectories(config.logDir());
        } catch (IOException e) {
            throw new StackException("Cannot create the work dir " + config.workDir() + ": " + e, e);
        }
        Optional<ProcessHandle> launcher = pidFile.liveLauncher();
        if (launcher.isPresent()) {
            throw new StackException("A stack is already running from " + config.workDir() + " (launcher pid "
                    + launcher.get().pid() + "). See ./ocop status; stop it with ./ocop down.");
        }
        List<PidFile.Entry> leftovers = pidFile.liveChildren();
        if (!leftovers.isEmpty()) {
            out.println("Stopping processes left by an earlier launcher that did not shut down: " + leftovers.stream()
                    .map(e -> e.name() + " (pid " + e.pid() + ")").collect(Collectors.joining(", ")));
            pidFile.stopAll(Duration.ofSeconds(5), out);
        }
        pidFile.delete();
    }

    private void resolvePorts() {
        Set<Integer> taken = new LinkedHashSet<>();
        if (config.externalKafka() == null) {
            kafkaPort = pickPort(config.kafkaPort(), "Kafka broker", taken);
            kafkaControllerPort = pickPort(config.kafkaControllerPort(), "Kafka controller", taken);
        }
        for (Service s : config.services()) {
            ports.put(s, pickPort(config.servicePort(s), s.moduleName(), taken));
        }
    }

    /** A configured port must be free now; 0 becomes a free port not handed out to another component. */
    private static int pickPort(int configured, String purpose, Set<Integer> taken) {
        int port;
        if (configured == 0) {
            do {
                port = Ports.freePort();
            } while (taken.contains(port));
        } else {
            if (taken.contains(configured)) {
                throw new StackException("Port " + configured + " is configured twice (again for " + purpose + ")");
            }
            Ports.requireFree(configured, purpose);
            port = configured;
        }
        taken.add(port);
        return port;
    }

    private void startPostgres() {
        postgres = PostgresDiscovery.forStack(config).find();
        out.println("PostgreSQL: " + postgres.describe());
        recordPids();
        List<String> names = config.services().stream().map(config::databaseName).toList();
        List<String> created = postgres.ensureDatabases(names, config.recreateDatabases());
        out.println("Databases: " + String.join(", ", names) + (config.recreateDatabases() ? " (recreated)"
                : created.isEmpty() ? " (existing, data kept)" : " (created: " + String.join(", ", created) + ")"));
    }

    private void startKafka() {
        if (config.externalKafka() != null) {
            out.println("Kafka: external broker " + config.externalKafka());
            return;
        }
        if (!config.keepBrokerData()) {
            deleteTree(config.kafkaDataDir());
        }
        try {
            launchBroker();
        } catch (IOException e) {
            throw new StackException("The Kafka broker did not start: " + e.getMessage(), e);
        }
        recordPids();
    }

    private void launchBroker() throws IOException {
        Instant begin = Instant.now();
        // Data are always kept when the broker stops, so that stopBroker/startBroker keeps topics and records;
        // close() deletes them when the configuration says so.
        broker = KafkaBroker.builder()
                .port(kafkaPort)
                .controllerPort(kafkaControllerPort)
                .dataDir(config.kafkaDataDir())
                .keepData(true)
                .topics(Topics.ALL)
                .logFile(config.logDir().resolve("kafka.log"))
                .startupTimeout(BROKER_STARTUP_TIMEOUT)
                .start();
        out.println("Kafka: broker on " + broker.bootstrapServers() + " ready in "
                + seconds(Duration.between(begin, Instant.now())) + " (data in " + display(config.kafkaDataDir())
                + (config.keepBrokerData() ? ", kept" : ", deleted on stop") + ")");
    }

    private void startServices(List<Service> services, boolean appendLogs) {
        out.println("Starting " + services.stream().map(s -> s.moduleName() + " :" + ports.get(s))
                .collect(Collectors.joining(", ")) + " (logs in " + display(config.logDir()) + ")");
        for (Service s : services) {
            Ports.requireFree(ports.get(s), s.moduleName());
            processes.put(s, launchService(s, appendLogs));
            recordPids();
        }
        awaitReady(services);
    }

    private Process launchService(Service service, boolean appendLog) {
        List<String> command = new ArrayList<>();
        // A session of its own: Ctrl-C in the terminal reaches only the launcher, which then stops the services
        // before the broker and the database instead of everything dying at once.
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config.javaOptions());
        command.add("-jar");
        command.add(service.jar(config.repoRoot()).toString());

        ProcessBuilder pb = new ProcessBuilder(command)
                // Not the repo root: a Quarkus app reads .env and config/application.properties from its cwd.
                .directory(config.workDir().toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
        env.put("OCOP_DB_URL", postgres.jdbcUrl(config.databaseName(service)));
        env.put("OCOP_DB_USER", postgres.user());
        env.put("OCOP_DB_PASSWORD", postgres.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
        env.put("OCOP_JWT_PUBLIC_KEY_LOCATION", "dev-keys/ocop-dev-public.pem");
        // The jars run in the prod profile, which logs JSON lines; a developer reads text (and serviceFailure greps it).
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // A local stack is development: partners' test receivers listen on this machine, over http (production allows
        // only public https webhook targets, see WebhookTargetPolicy).
        env.put("MARKET_WEBHOOK_REQUIRE_HTTPS", "false");
        env.put("MARKET_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1,localhost");
        // The demo loader and the e2e scenarios file complaints, search and verify from one address far faster than people
        // do; the limits themselves are tested in the services (RateLimitTest).
        env.put("OCOP_RATE_LIMIT_ENABLED", "false");
        env.putAll(config.serviceEnv());

        Path log = logFile(service);
        try {
            String header = "==== " + Instant.now() + " starting " + service.moduleName() + " on port "
                    + ports.get(service) + " ====\n";
            Files.writeString(log, header, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    appendLog ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return pb.start();
        } catch (IOException e) {
            throw new StackException("Cannot start " + service.moduleName() + " (" + String.join(" ", command)
                    + "): " + e.getMessage(), e);
        }
    }

    /** Polls the readiness endpoints, showing progress, until all are ready, one exits, or time runs out. */
    private void awaitReady(List<Service> services) {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(config.readyTimeout());
        Set<Service> pending = new LinkedHashSet<>(services);
        Set<Service> ready = new LinkedHashSet<>();
        Progress progress = new Progress(out, config.out() == System.out && System.console() != null);
        while (!pending.isEmpty()) {
            if (closing) {
                progress.end();
                throw new StackException("Start-up cancelled: the launcher is shutting down.");
            }
            for (Service s : List.copyOf(pending)) {
                Process p = processes.get(s);
                if (p == null || !p.isAlive()) {
                    progress.end();
                    throw serviceFailure(List.of(s), s.moduleName() + " exited"
                            + (p == null ? "" : " with code " + p.exitValue()) + " while starting");
                }
                if (HealthProbe.ready(baseUrl(s)) == HealthProbe.State.READY) {
                    pending.remove(s);
                    ready.add(s);
                }
            }
            Duration elapsed = Duration.between(begin, Instant.now());
            progress.show(elapsed, ready, pending);
            if (pending.isEmpty()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                progress.end();
                throw serviceFailure(List.copyOf(pending), pending.stream().map(Service::moduleName)
                        .collect(Collectors.joining(", ")) + " did not become ready within "
                        + config.readyTimeout().toSeconds() + " s (GET /q/health/ready)");
            }
            sleep(Duration.ofMillis(500));
        }
        progress.end();
        out.println((services.size() == 1 ? services.get(0).moduleName() + " is" : "All " + services.size()
                + " services are") + " ready (" + seconds(Duration.between(begin, Instant.now())) + ").");
    }

    private StackException serviceFailure(List<Service> failed, String what) {
        StringBuilder message = new StringBuilder(what).append('.');
        for (Service s : failed) {
            Path log = logFile(s);
            // The tail is often all stack trace; the first ERROR of this start usually names the cause.
            List<String> recent = tail(log, 2_000);
            int start = 0;
            for (int i = 0; i < recent.size(); i++) {
                if (recent.get(i).startsWith("==== ")) {
                    start = i;
                }
            }
            List<String> thisStart = recent.subList(start, recent.size());
            thisStart.stream().filter(line -> line.contains(" ERROR ")).findFirst()
                    .ifPresent(line -> message.append("\n\nFirst error of ").append(s.moduleName()).append(": ")
                            .append(line));
            thisStart.stream().filter(line -> line.startsWith("Caused by: ")).reduce((first, second) -> second)
                    .ifPresent(line -> message.append("\nRoot cause: ").append(line.substring("Caused by: ".length())));
            message.append("\n\nLast ").append(LOG_TAIL_LINES).append(" lines of ").append(display(log)).append(":\n");
            tail(log, LOG_TAIL_LINES).forEach(line -> message.append("  | ").append(line).append('\n'));
        }
        return new StackException(message.toString().stripTrailing());
    }

    // ---- shutdown ----

    private void stopAllServices() {
        List<Process> running = processes.values().stream().filter(Process::isAlive).toList();
        running.forEach(Process::destroy); // SIGTERM to all first: they shut down in parallel
        for (Process p : running) {
            PidFile.terminate(p.toHandle(), SERVICE_STOP_WAIT);
        }
        processes.clear();
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is exiting; the hook is this call or has nothing left to do.
            }
        }
    }

    private boolean ownsPidFile() {
        return pidFile.read().stream().anyMatch(e -> e.name().equals(PidFile.LAUNCHER)
                && e.pid() == ProcessHandle.current().pid());
    }

    // ---- pid file ----

    private synchronized void recordPids() {
        List<PidFile.Entry> entries = new ArrayList<>();
        entries.add(PidFile.Entry.of(PidFile.LAUNCHER, ProcessHandle.current()));
        if (postgres instanceof EmbeddedPostgresServer embedded) {
            embedded.pid().ifPresent(pid -> ProcessHandle.of(pid)
                    .ifPresent(p -> entries.add(PidFile.Entry.of(PidFile.POSTGRES, p))));
        }
        if (broker != null && broker.isAlive()) {
            brokerProcess().ifPresent(p -> entries.add(PidFile.Entry.of("kafka", p)));
        }
        processes.forEach((s, p) -> {
            if (p.isAlive()) {
                entries.add(PidFile.Entry.of(s.moduleName(), p.toHandle()));
            }
        });
        pidFile.write(entries);
        writeState();
    }

    /** Addresses of the running stack for {@code ./ocop status} (which may run in another terminal). */
    private void writeState() {
        java.util.Properties state = new java.util.Properties();
        if (config.externalKafka() != null || kafkaPort != 0) {
            state.setProperty("kafka", kafkaBootstrap());
        }
        if (postgres != null) {
            state.setProperty("postgres", postgres.describe());
            state.setProperty("postgres.address", postgres.address());
        }
        ports.forEach((s, port) -> state.setProperty("service." + s.shortName(), baseUrl(s)));
        Path file = config.workDir().resolve(STATE_FILE);
        try (java.io.Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            state.store(w, "addresses of the running OCOP stack");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The broker JVM among this JVM's children (KafkaBroker does not expose its process). */
    private Optional<ProcessHandle> brokerProcess() {
        String portArgument = Integer.toString(kafkaPort);
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

    private void requireOwnBroker() {
        if (config.externalKafka() != null) {
            throw new IllegalStateException("this stack uses an external broker (" + config.externalKafka()
                    + "); it cannot stop or start it");
        }
        if (!started || closed) {
            throw new IllegalStateException("the stack is not running");
        }
    }

    // ---- helpers ----

    /** The last lines of a file, read from its end so that a long-running service's big log costs nothing. */
    static List<String> tail(Path file, int lines) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            int chunk = (int) Math.min(length, 256 * 1024);
            byte[] bytes = new byte[chunk];
            f.seek(length - chunk);
            f.readFully(bytes);
            List<String> all = List.of(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    private String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for the services");
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale state file is harmless: status probes what it names
        }
    }

    static void deleteTree(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** The "waiting for services" line: rewritten in place on a terminal, printed on changes otherwise. */
    private static final class Progress {
        private final PrintStream out;
        private final boolean console;
        private String lastShown = "";
        private Instant lastPrinted = Instant.EPOCH;
        private int lastLength;

        Progress(PrintStream out, boolean console) {
            this.out = out;
            this.console = console;
        }

        void show(Duration elapsed, Set<Service> ready, Set<Service> pending) {
            String state = "ready: " + names(ready) + "  |  starting: " + names(pending);
            String line = String.format(java.util.Locale.ROOT, "  [%3ds] %s", elapsed.toSeconds(), state);
            if (console) {
                out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
                out.flush();
                lastLength = line.length();
            } else if (!state.equals(lastShown)
                    || Duration.between(lastPrinted, Instant.now()).compareTo(PROGRESS_INTERVAL_WITHOUT_CONSOLE) >= 0) {
                out.println(line);
                lastPrinted = Instant.now();
            }
            lastShown = state;
        }

        void end() {
            if (console && lastLength > 0) {
                out.println();
                lastLength = 0;
            }
        }

        private static String names(Set<Service> services) {
            return services.isEmpty() ? "-" : services.stream().map(Service::shortName).collect(Collectors.joining(", "));
        }
    }
}
