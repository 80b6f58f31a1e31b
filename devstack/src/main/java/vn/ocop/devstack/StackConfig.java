package vn.ocop.devstack;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a {@link Stack} starts and where. Immutable; build one with {@link #localDev()} (what {@code ./ocop up} uses)
 * or {@link #forTests()} (free ports, fresh databases, throw-away broker data), then adjust with {@link #toBuilder()}.
 *
 * <p>A port of 0 means "pick a free port when the stack starts".
 */
public final class StackConfig {
    /** Set by the {@code ocop} script; otherwise the root is searched upwards from the working directory. */
    public static final String REPO_ROOT_PROPERTY = "ocop.repo.root";

    private final Path repoRoot;
    private final Path workDir;
    private final String databasePrefix;
    private final boolean recreateDatabases;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final boolean keepBrokerData;
    private final String externalKafka;
    private final Map<Service, Integer> servicePorts;
    private final Set<Service> services;
    private final Duration readyTimeout;
    private final List<String> javaOptions;
    private final Map<String, String> serviceEnv;
    private final int embeddedPostgresPort;
    private final boolean keycloak;
    private final int keycloakPort;
    private final Function<String, String> env;
    private final PrintStream out;

    private StackConfig(Builder b) {
        this.repoRoot = b.repoRoot.toAbsolutePath().normalize();
        this.workDir = (b.workDir != null ? b.workDir : repoRoot.resolve(".ocop")).toAbsolutePath().normalize();
        this.databasePrefix = b.databasePrefix;
        this.recreateDatabases = b.recreateDatabases;
        this.kafkaPort = b.kafkaPort;
        this.kafkaControllerPort = b.kafkaControllerPort;
        this.keepBrokerData = b.keepBrokerData;
        this.externalKafka = b.externalKafka;
        this.servicePorts = Map.copyOf(b.servicePorts);
        this.services = Set.copyOf(b.services);
        this.readyTimeout = b.readyTimeout;
        this.javaOptions = List.copyOf(b.javaOptions);
        this.serviceEnv = Map.copyOf(b.serviceEnv);
        this.keycloak = b.keycloak;
        this.keycloakPort = b.keycloakPort;
        this.embeddedPostgresPort = b.embeddedPostgresPort;
        this.env = b.env;
        this.out = b.out;
    }

    /**
     * Defaults of {@code ./ocop up}: work dir {@code <repo>/.ocop}, databases {@code ocop_*} kept across restarts,
     * broker on 9092 (controller 9093) with its data kept under {@code .ocop/kafka}, services on 8081–8084,
     * embedded PostgreSQL (if needed) on 5433.
     */
    public static StackConfig localDev() {
        return builder().build();
    }

    /**
     * Defaults for test suites such as e2e: free ports everywhere, databases {@code ocop_e2e_*} dropped and recreated
     * (a separate prefix so a run never wipes the data of a running {@code ./ocop up}), broker data deleted on close,
     * work dir {@code target/ocop-stack} under the current directory (the module's, under Surefire/Failsafe).
     */
    public static StackConfig forTests() {
        return builder()
                .workDir(Path.of("target", "ocop-stack"))
                // Several runs sharing one PostgreSQL (CI beside a developer) keep apart with TEST_PG_DATABASE_SUFFIX.
                .databasePrefix("ocop_e2e" + Optional.ofNullable(System.getenv("TEST_PG_DATABASE_SUFFIX")).orElse("") + "_")
                .recreateDatabases(true)
                .kafkaPort(0).kafkaControllerPort(0)
                .keepBrokerData(false)
                .allServicePorts(0)
                .embeddedPostgresPort(0)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration, to change a few settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.repoRoot = repoRoot;
        b.workDir = workDir;
        b.databasePrefix = databasePrefix;
        b.recreateDatabases = recreateDatabases;
        b.kafkaPort = kafkaPort;
        b.kafkaControllerPort = kafkaControllerPort;
        b.keepBrokerData = keepBrokerData;
        b.externalKafka = externalKafka;
        b.servicePorts.putAll(servicePorts);
        b.services.clear();
        b.services.addAll(services);
        b.readyTimeout = readyTimeout;
        b.javaOptions = new ArrayList<>(javaOptions);
        b.serviceEnv.putAll(serviceEnv);
        b.embeddedPostgresPort = embeddedPostgresPort;
        b.keycloak = keycloak;
        b.keycloakPort = keycloakPort;
        b.env = env;
        b.out = out;
        return b;
    }

    public Path repoRoot() {
        return repoRoot;
    }

    public Path workDir() {
        return workDir;
    }

    public Path logDir() {
        return workDir.resolve("logs");
    }

    public Path pidFile() {
        return workDir.resolve("pids");
    }

    /** Where the broker keeps its data; deleted on close unless {@link #keepBrokerData()}. */
    public Path kafkaDataDir() {
        return workDir.resolve("kafka");
    }

    /** Data directory of the embedded PostgreSQL, used only when no other server is found. */
    public Path embeddedPostgresDataDir() {
        return workDir.resolve("postgres");
    }

    public String databasePrefix() {
        return databasePrefix;
    }

    /** {@code <prefix><service>}, e.g. {@code ocop_registry}. */
    public String databaseName(Service service) {
        return databasePrefix + service.shortName();
    }

    /** {@code <prefix>keycloak}: the identity provider's own database, when the stack runs one. */
    public String keycloakDatabaseName() {
        return databasePrefix + "keycloak";
    }

    /** Whether the stack runs Keycloak and the services accept only its tokens ({@code ./ocop up --oidc}). */
    public boolean keycloak() {
        return keycloak;
    }

    public int keycloakPort() {
        return keycloakPort;
    }

    /** Where the Keycloak distribution is unpacked and built: shared by every stack of this checkout. */
    public Path keycloakHome() {
        return repoRoot.resolve(".ocop").resolve("keycloak");
    }

    public boolean recreateDatabases() {
        return recreateDatabases;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    public boolean keepBrokerData() {
        return keepBrokerData;
    }

    /** Bootstrap address of a broker someone else runs; {@code null} when the stack starts its own. */
    public String externalKafka() {
        return externalKafka;
    }

    public int servicePort(Service service) {
        return servicePorts.get(service);
    }

    /** The services to start (all four by default), in declaration order. */
    public List<Service> services() {
        List<Service> ordered = new ArrayList<>();
        for (Service s : Service.values()) {
            if (services.contains(s)) {
                ordered.add(s);
            }
        }
        return ordered;
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }

    public List<String> javaOptions() {
        return javaOptions;
    }

    /** Extra environment variables for every service process (e.g. shorter scheduler intervals in tests). */
    public Map<String, String> serviceEnv() {
        return serviceEnv;
    }

    public int embeddedPostgresPort() {
        return embeddedPostgresPort;
    }

    /** Environment lookup used for PostgreSQL discovery; {@code System::getenv} unless a test replaces it. */
    public Function<String, String> env() {
        return env;
    }

    /** Where progress and the chosen PostgreSQL are reported. */
    public PrintStream out() {
        return out;
    }

    /**
     * The repository root: {@value #REPO_ROOT_PROPERTY} if set, else the nearest directory upwards from the working
     * directory that holds both {@code mvnw} and {@code pom.xml} (module directories have no {@code mvnw}).
     */
    public static Path findRepoRoot() {
        String configured = System.getProperty(REPO_ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the OCOP repository root (a directory with mvnw and pom.xml)"
                + " above " + start + "; set -D" + REPO_ROOT_PROPERTY + "=<path>");
    }

    /** Mutable counterpart of {@link StackConfig}. */
    public static final class Builder {
        private Path repoRoot;
        private Path workDir;
        private String databasePrefix = "ocop_";
        private boolean recreateDatabases;
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private boolean keepBrokerData = true;
        private String externalKafka;
        private final Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
        private final Set<Service> services = EnumSet.allOf(Service.class);
        private Duration readyTimeout = Duration.ofSeconds(180);
        private List<String> javaOptions;
        private final Map<String, String> serviceEnv = new LinkedHashMap<>();
        private int embeddedPostgresPort = 5433;
        private boolean keycloak;
        private int keycloakPort = 8180;
        private Function<String, String> env = System::getenv;
        private PrintStream out = System.out;

        private Builder() {
            for (Service s : Service.values()) {
                servicePorts.put(s, s.defaultPort());
            }
        }

        /** Where the service jars are found ({@code <root>/<service>-service/target/quarkus-app}). */
        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = Objects.requireNonNull(repoRoot);
            return this;
        }

        /** Logs, pid file, broker and embedded PostgreSQL data; default {@code <repoRoot>/.ocop}. */
        public Builder workDir(Path workDir) {
            this.workDir = workDir;
            return this;
        }

        public Builder databasePrefix(String prefix) {
            if (prefix == null || !prefix.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("database prefix must match [a-z][a-z0-9_]*, got '" + prefix + "'");
            }
            this.databasePrefix = prefix;
            return this;
        }

        /** Drop and create the databases on start (tests); otherwise existing data is kept. */
        public Builder recreateDatabases(boolean recreate) {
            this.recreateDatabases = recreate;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = checkPort(port);
            return this;
        }

        /** Fixed by default so that a kept broker data dir always meets the same controller address. */
        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = checkPort(port);
            return this;
        }

        public Builder keepBrokerData(boolean keep) {
            this.keepBrokerData = keep;
            return this;
        }

        /** Use a broker that is already running instead of starting one ({@code stopBroker} is then refused). */
        public Builder externalKafka(String bootstrapServers) {
            this.externalKafka = bootstrapServers == null || bootstrapServers.isBlank() ? null : bootstrapServers.trim();
            return this;
        }

        public Builder servicePort(Service service, int port) {
            servicePorts.put(service, checkPort(port));
            return this;
        }

        public Builder allServicePorts(int port) {
            for (Service s : Service.values()) {
                servicePorts.put(s, checkPort(port));
            }
            return this;
        }

        /** Start only these services (others are neither started nor waited for). */
        public Builder services(Service... selected) {
            if (selected.length == 0) {
                throw new IllegalArgumentException("at least one service");
            }
            services.clear();
            services.addAll(List.of(selected));
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("readyTimeout must be positive");
            }
            this.readyTimeout = timeout;
            return this;
        }

        /** JVM options of each service process; by default those of the images (see {@link ServiceJvmOptions}). */
        public Builder javaOptions(List<String> options) {
            javaOptions = new ArrayList<>(options);
            return this;
        }

        public Builder serviceEnv(String name, String value) {
            serviceEnv.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** Port of the embedded PostgreSQL fallback; 0 lets it pick a free one. */
        public Builder embeddedPostgresPort(int port) {
            this.embeddedPostgresPort = checkPort(port);
            return this;
        }

        /** Also run Keycloak (see {@link KeycloakDistribution}); the services then accept only its tokens. */
        public Builder keycloak(boolean enabled) {
            this.keycloak = enabled;
            return this;
        }

        /** Keycloak's HTTP port (8180 by default); 0 picks a free one. */
        public Builder keycloakPort(int port) {
            this.keycloakPort = checkPort(port);
            return this;
        }

        public Builder env(Function<String, String> env) {
            this.env = Objects.requireNonNull(env);
            return this;
        }

        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out);
            return this;
        }

        public StackConfig build() {
            if (repoRoot == null) {
                repoRoot = findRepoRoot();
            }
            if (javaOptions == null) {
                javaOptions = ServiceJvmOptions.of(repoRoot);
            }
            return new StackConfig(this);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a TCP port: " + port);
            }
            return port;
        }
    }
}
