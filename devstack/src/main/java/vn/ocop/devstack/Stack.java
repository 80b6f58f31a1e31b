package vn.ocop.devstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 *
 * <p>This class orders the steps and holds the public API; the parts are {@link StackBroker} (Kafka),
 * {@link PostgresDiscovery} (PostgreSQL and the databases), {@link ServiceProcesses} and {@link ServiceLaunch} (the
 * services' JVMs, their options and environment), {@link ReadinessWait} (waiting and reporting) and {@link StackState}
 * (pid and state files).
 */
public final class Stack implements AutoCloseable {
    private static final String BROKER = "kafka";

    private final StackConfig config;
    private final PrintStream out;
    private final PidFile pidFile;
    private final StackState state;
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final ServiceProcesses services;

    private PostgresServer postgres;
    /** Null with an external broker. */
    private StackBroker broker;
    /** Null unless the configuration asks for an identity provider. */
    private StackKeycloak keycloak;
    private Supervisor supervisor;
    private Thread shutdownHook;
    private boolean started;
    private boolean closed;
    /** Set by the shutdown hook without taking the lock, so that a start-up in progress gives up at once. */
    private volatile boolean closing;

    public Stack(StackConfig config) {
        this.config = config;
        this.out = config.out();
        this.pidFile = new PidFile(config.pidFile());
        this.state = new StackState(config, pidFile);
        this.services = new ServiceProcesses(config);
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
            new StackWorkDir(config, pidFile).prepare();
            resolvePorts();
            shutdownHook = new Thread(() -> {
                closing = true;
                close();
            }, "ocop-stack-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            recordPids();
            startPostgres();
            startKafka();
            if (keycloak != null) {
                keycloak.start(postgres, false); // the services start while it does
            }
            startServices(config.services(), false);
            if (keycloak != null) {
                keycloak.awaitReady(() -> closing);
                recordPids();
            }
            out.println("Stack ready in " + Display.seconds(Duration.between(begin, Instant.now())) + ".");
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
        if (config.externalKafka() != null) {
            return config.externalKafka();
        }
        if (broker == null) {
            throw new IllegalStateException("the stack is not started");
        }
        return broker.bootstrapServers();
    }

    /**
     * The identity provider's root URL ({@code http://127.0.0.1:<port>}, realms under {@code /realms/<name>}) when the
     * stack runs Keycloak ({@link StackConfig#keycloak()}): the services then accept tokens of its realm
     * {@value StackKeycloak#REALM} only.
     */
    public String keycloakUrl() {
        if (keycloak == null) {
            throw new IllegalStateException("this stack runs no identity provider (StackConfig.keycloak)");
        }
        return keycloak.baseUrl();
    }

    /** The token endpoint of a Keycloak realm (client credentials, password grant). */
    public String tokenUrl(String realm) {
        keycloakUrl();
        return keycloak.tokenUrl(realm);
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
        return services.logFile(service);
    }

    public synchronized boolean isRunning(String service) {
        return services.isRunning(Service.of(service));
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
        if (services.stop(service)) {
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
        if (broker.stop()) {
            out.println("Kafka broker stopped (data kept for startBroker).");
        }
        recordPids();
    }

    /** Starts the broker again on the same ports and data directory: topics and records are back. */
    public synchronized void startBroker() {
        requireOwnBroker();
        if (broker.isAlive()) {
            return;
        }
        broker.start("The Kafka broker did not start again");
        recordPids();
    }

    /**
     * From now on, a child that dies (broker or service, not one stopped on purpose) is reported and restarted, with
     * back-off, and given up after repeated failures; see {@link Supervisor}.
     */
    public synchronized void superviseChildren() {
        superviseChildren(Supervisor.Policy.defaults());
    }

    synchronized void superviseChildren(Supervisor.Policy policy) {
        if (!started || closed || supervisor != null) {
            throw new IllegalStateException("supervision needs a running stack, once");
        }
        supervisor = new Supervisor(this, policy, out);
        supervisor.start();
    }

    /** A child that should run but has exited: its name for messages and {@link #restartChild}, how, its log. */
    record DeadChild(String name, String how, Path log) {
    }

    synchronized List<DeadChild> deadChildren() {
        List<DeadChild> dead = new ArrayList<>();
        if (closing) {
            return dead;
        }
        if (broker != null && broker.hasDied()) {
            dead.add(new DeadChild(BROKER, "exited", broker.logFile()));
        }
        if (keycloak != null && keycloak.hasDied()) {
            dead.add(new DeadChild(StackState.KEYCLOAK, "exited", keycloak.logFile()));
        }
        services.exited().forEach((s, code) -> dead.add(new DeadChild(s.shortName(), "exit code " + code
                + (code == 137 ? ", killed" : ""), services.logFile(s))));
        return dead;
    }

    /** Starts a dead child again at the same address and waits until it is ready. */
    synchronized void restartChild(String name) {
        if (closing) {
            throw new IllegalStateException("the stack is closing");
        }
        if (name.equals(BROKER)) {
            broker.start("The Kafka broker did not start again");
            recordPids();
        } else if (name.equals(StackState.KEYCLOAK)) {
            keycloak.start(postgres, true);
            recordPids();
            keycloak.awaitReady(() -> closing);
            recordPids();
        } else {
            startServices(List.of(Service.of(name)), true);
        }
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
        if (supervisor != null) {
            supervisor.stop();
        }
        boolean announced = false;
        if (services.anyRunning()) {
            out.println("Stopping services ...");
            announced = true;
        }
        services.stopAll();
        if (keycloak != null) {
            keycloak.stop();
        }
        if (broker != null && broker.isAlive() && !announced) {
            out.println("Stopping ...");
            announced = true;
        }
        if (broker != null) {
            broker.stop();
        }
        if (config.externalKafka() == null && !config.keepBrokerData()) {
            StackFiles.deleteTree(config.kafkaDataDir());
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (state.ownedByThisJvm()) {
            state.delete();
        }
        removeShutdownHook();
        if (announced) {
            out.println("Stack stopped.");
        }
    }

    // ---- start-up steps ----

    private void resolvePorts() {
        Set<Integer> taken = new LinkedHashSet<>();
        if (config.externalKafka() == null) {
            int kafkaPort = Ports.pick(config.kafkaPort(), "Kafka broker", taken);
            int controllerPort = Ports.pick(config.kafkaControllerPort(), "Kafka controller", taken);
            broker = new StackBroker(config, kafkaPort, controllerPort);
        }
        if (config.keycloak()) {
            keycloak = new StackKeycloak(config, Ports.pick(config.keycloakPort(), "Keycloak", taken));
        }
        for (Service s : config.services()) {
            ports.put(s, Ports.pick(config.servicePort(s), s.moduleName(), taken));
        }
    }

    private void startPostgres() {
        postgres = PostgresDiscovery.forStack(config).find();
        out.println("PostgreSQL: " + postgres.describe());
        recordPids();
        List<String> names = new ArrayList<>(config.services().stream().map(config::databaseName).toList());
        if (keycloak != null) {
            names.add(config.keycloakDatabaseName());
        }
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
            StackFiles.deleteTree(config.kafkaDataDir());
        }
        broker.start("The Kafka broker did not start");
        recordPids();
    }

    private void startServices(List<Service> toStart, boolean appendLogs) {
        out.println("Starting " + toStart.stream().map(s -> s.moduleName() + " :" + ports.get(s))
                .collect(Collectors.joining(", ")) + " (logs in " + Display.path(config.logDir()) + ")");
        for (Service s : toStart) {
            Ports.requireFree(ports.get(s), s.moduleName());
            services.start(s, new ServiceLaunch.Wiring(ports.get(s), postgres, kafkaBootstrap(), tokenIssuer()),
                    appendLogs);
            recordPids();
        }
        new ReadinessWait(config, services, this::baseUrl, () -> closing).await(toStart);
    }

    private ServiceLaunch.TokenIssuer tokenIssuer() {
        return keycloak == null ? ServiceLaunch.TokenIssuer.DEV_KEY
                : new ServiceLaunch.TokenIssuer(keycloak.jwksUrl(), keycloak.issuer(StackKeycloak.REALM));
    }

    // ---- shutdown and records ----

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

    private synchronized void recordPids() {
        Map<Service, String> urls = new EnumMap<>(Service.class);
        ports.keySet().forEach(s -> urls.put(s, baseUrl(s)));
        boolean kafkaKnown = config.externalKafka() != null || broker != null;
        state.record(new StackState.Snapshot(postgres, broker == null ? null : broker.process().orElse(null),
                kafkaKnown ? kafkaBootstrap() : null, keycloak == null ? null : keycloak.handle(),
                keycloak == null ? null : keycloak.baseUrl(), services.running(), urls));
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
}
