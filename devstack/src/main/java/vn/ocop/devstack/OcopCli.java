package vn.ocop.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Entry point of {@code ./ocop}: up, down, status, token. */
public final class OcopCli {
    static final String USAGE = """
            Usage: ./ocop <command>

              up [--fresh] [--no-demo] [--oidc]
                                           Start PostgreSQL, a Kafka broker and the four services, load the demo
                                           data, print URLs and demo tokens; a child that dies is restarted; Ctrl-C
                                           stops everything. --fresh: drop the databases and broker data first.
                                           --no-demo: load nothing. --oidc: also start Keycloak (realm ocop, see
                                           deploy/keycloak/README.md); the services then accept only its tokens.
              down                         Stop a stack started by ./ocop up in another terminal.
              status                       Show what runs: services (health), broker, PostgreSQL.
              token ROLE [claim=value ...] Print a dev bearer token, e.g. ./ocop token province-officer province=51
                                           (sub=... sets the subject, groups=a,b the roles). With a stack started
                                           with --oidc: a Keycloak token of the realm's user with that role.
              help                         This text.

            Roles: %s
            PostgreSQL: OCOP_PG_URL (+ OCOP_PG_USER, OCOP_PG_PASSWORD) if set, else 127.0.0.1:5432 as postgres,
            else an embedded PostgreSQL in .ocop/postgres on port 5433. Logs and state: .ocop/
            """.formatted(RoleTokens.Role.ids());

    private static final Duration DOWN_WAIT = Duration.ofSeconds(120);

    private OcopCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit code. {@code up} returns only if it fails. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
            out.print(USAGE);
            return 0;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "up" -> up(rest, out, err);
                case "down" -> down(out);
                case "status" -> status(out);
                case "token" -> token(rest, out, err);
                default -> {
                    err.println("ocop: unknown command '" + args[0] + "'\n");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (StackException e) {
            err.println("ocop: " + e.getMessage());
            return 1;
        }
    }

    // ---- up ----

    private static int up(List<String> args, PrintStream out, PrintStream err) {
        boolean fresh = false;
        boolean demo = true;
        boolean oidc = false;
        for (String a : args) {
            switch (a) {
                case "--fresh" -> fresh = true;
                case "--no-demo" -> demo = false;
                case "--oidc" -> oidc = true;
                default -> {
                    err.println("ocop up: unknown option '" + a + "' (options: --fresh, --no-demo, --oidc)");
                    return 2;
                }
            }
        }
        StackConfig config = StackConfig.localDev().toBuilder().keycloak(oidc).build();
        if (oidc && demo) {
            // The loader signs dev tokens, which services that trust only Keycloak refuse.
            out.println("--oidc: the demo data is not loaded now; data of an earlier ./ocop up stay in the databases.");
            demo = false;
        }
        if (fresh) {
            config = config.toBuilder().recreateDatabases(true).build();
            StackFiles.deleteQuietly(config.workDir().resolve(DemoLoader.IDS_FILE)); // ids of the dropped data
            Optional<ProcessHandle> running = new PidFile(config.pidFile()).liveLauncher();
            if (running.isEmpty()) {
                // Topics and offsets of the old databases' events would not match the emptied databases.
                StackFiles.deleteTree(config.kafkaDataDir());
            }
        }
        out.println("OCOP Suite dev stack (work dir " + config.workDir() + ")");
        Stack stack;
        try {
            stack = new Stack(config).start();
        } catch (StackException e) {
            String text = e.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (!fresh && (text.contains("flyway") || text.contains("migration"))) {
                throw new StackException(e.getMessage() + "\n\nHint: if the databases hold data of an older build"
                        + " whose migrations have since changed, ./ocop up --fresh starts from empty databases.", e);
            }
            throw e;
        }
        stack.superviseChildren();

        if (demo) {
            DemoLoader loader = DemoLoader.of(stack);
            try {
                out.println("Loading the demo data through the APIs (a first load takes a minute) ...");
                DemoLoader.Result r = loader.load(DemoData.load());
                out.println("Demo data: " + r.producers() + " producers, " + r.products() + " products, "
                        + r.certificates() + " migrated certificates (" + (r.certificatesCreated() == 0 ? "already loaded"
                        : r.certificatesCreated() + " new") + "), " + r.listings() + " listings, one revocation, one complaint,"
                        + " a council round in progress and one closed with certificate " + r.freshCertificate() + ".");
            } catch (StackException e) {
                err.println("Warning: " + e.getMessage() + "\nThe stack keeps running without (all) demo data.");
            } finally {
                DemoLoader.saveIds(config.workDir(), loader.ids());
            }
        }
        printEndpoints(stack, out);
        if (oidc) {
            printOidcHelp(stack, out);
        } else {
            printDemoTokens(demoDefaults(stack.config().workDir()), out);
        }
        out.println();
        out.println("Press Ctrl-C to stop (or run ./ocop down in another terminal).");
        watch();
        return 0;
    }

    private static void printEndpoints(Stack stack, PrintStream out) {
        out.println();
        TextTable table = new TextTable("SERVICE", "API", "SWAGGER UI", "HEALTH", "METRICS");
        for (Service s : stack.config().services()) {
            String base = stack.baseUrl(s);
            table.row(s.moduleName(), base + "/api/v1", base + "/q/swagger-ui", base + "/q/health", base + "/q/metrics");
        }
        table.print(out);
        out.println();
        out.println("Kafka:      " + stack.kafkaBootstrap());
        out.println("PostgreSQL: " + stack.postgres().describe() + ", databases "
                + stack.config().databasePrefix() + "*");
        out.println("Logs:       " + stack.config().logDir());
    }

    private static void printDemoTokens(Map<String, String> defaults, PrintStream out) {
        out.println();
        out.println("Demo bearer tokens (valid 12 h; more with ./ocop token ROLE [claim=value ...]):");
        String provinceOfficerToken = null;
        for (RoleTokens.Role role : RoleTokens.Role.values()) {
            Map<String, String> claims;
            try {
                claims = RoleTokens.claims(role, defaults, Map.of());
            } catch (IllegalArgumentException e) {
                out.println("  " + role.id() + ": not available (" + e.getMessage() + ")");
                continue;
            }
            String token = RoleTokens.mint(role, claims);
            if (role == RoleTokens.Role.PROVINCE_OFFICER) {
                provinceOfficerToken = token;
            }
            StringBuilder label = new StringBuilder("  ").append(role.id());
            claims.forEach((k, v) -> label.append("  ").append(k).append('=').append(v));
            out.println(label);
            out.println("    " + token);
        }
        if (provinceOfficerToken != null) {
            out.println();
            out.println("Try: curl -H 'Authorization: Bearer <province-officer token>' "
                    + "'http://127.0.0.1:" + Service.REGISTRY.defaultPort() + "/api/v1/producers?province=51'");
        }
    }

    private static void printOidcHelp(Stack stack, PrintStream out) {
        out.println();
        out.println("Identity provider: Keycloak " + stack.keycloakUrl() + " (realm ocop; admin console "
                + stack.keycloakUrl() + "/admin, admin/admin). The services accept only its tokens.");
        out.println("A person's token (the realm has one user per role, password '" + OidcTokens.DEV_PASSWORD
                + "'): ./ocop token ROLE, e.g. ./ocop token council-member");
        out.println("A provincial system's token (client credentials):");
        out.println("  curl -s -d grant_type=client_credentials -d client_id=" + OidcTokens.PROVINCE_51_SYSTEM
                + " -d client_secret=" + OidcTokens.PROVINCE_51_SECRET + " " + stack.tokenUrl(StackKeycloak.REALM));
    }

    /** Blocks until the JVM is stopped (its shutdown hook stops the stack); the supervisor restarts dead children. */
    private static void watch() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- down ----

    private static int down(PrintStream out) {
        StackConfig config = StackConfig.localDev();
        PidFile pids = new PidFile(config.pidFile());
        List<String> stopped = pids.stopAll(DOWN_WAIT, out);
        StackFiles.deleteQuietly(config.workDir().resolve(StackState.FILE));
        if (stopped.isEmpty()) {
            out.println("Nothing is running (no live process recorded in " + config.pidFile() + ").");
        } else {
            out.println("Stack stopped.");
        }
        return 0;
    }

    // ---- status ----

    private static int status(PrintStream out) {
        StackConfig config = StackConfig.localDev();
        Properties state = readState(config.workDir().resolve(StackState.FILE));
        PidFile pids = new PidFile(config.pidFile());
        Optional<ProcessHandle> launcher = pids.liveLauncher();
        boolean allUp = true;

        TextTable table = new TextTable("COMPONENT", "ADDRESS", "STATE");
        table.row("launcher", launcher.map(p -> "pid " + p.pid()).orElse("-"),
                launcher.isPresent() ? "running" : "not running");

        String pgAddress = state.getProperty("postgres.address", "127.0.0.1:5432");
        String[] hostPort = pgAddress.split(":");
        boolean pgUp = hostPort.length == 2 && Ports.accepts(hostPort[0], Integer.parseInt(hostPort[1]), 1_000);
        table.row("postgresql", pgAddress, (pgUp ? "accepting connections" : "not reachable")
                + (state.containsKey("postgres") ? " (" + state.getProperty("postgres") + ")" : ""));

        String kafka = state.getProperty("kafka", "127.0.0.1:" + config.kafkaPort());
        int colon = kafka.lastIndexOf(':');
        boolean kafkaUp = colon > 0 && Ports.accepts(kafka.substring(0, colon),
                Integer.parseInt(kafka.substring(colon + 1).split(",")[0]), 1_000);
        table.row("kafka", kafka, kafkaUp ? "listening" : "not listening");
        String keycloak = state.getProperty(StackState.KEYCLOAK);
        if (keycloak != null) {
            URI uri = URI.create(keycloak);
            boolean up = Ports.accepts(uri.getHost(), uri.getPort(), 1_000);
            table.row("keycloak", keycloak, up ? "listening" : "not listening");
            allUp &= up;
        }
        allUp &= kafkaUp && pgUp;

        for (Service s : Service.values()) {
            String base = state.getProperty("service." + s.shortName(), "http://127.0.0.1:" + config.servicePort(s));
            HealthProbe.State health = HealthProbe.ready(base);
            allUp &= health == HealthProbe.State.READY;
            table.row(s.moduleName(), base, switch (health) {
                case READY -> "ready";
                case NOT_READY -> "not ready (see " + base + "/q/health)";
                case DOWN -> "down";
            });
        }
        table.print(out);
        if (launcher.isEmpty() && !pids.liveChildren().isEmpty()) {
            out.println("Processes of a launcher that was killed are still running; ./ocop down stops them.");
        }
        return allUp ? 0 : 1;
    }

    private static Properties readState(Path file) {
        Properties props = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException e) {
                // fall back to the default addresses
            }
        }
        return props;
    }

    // ---- token ----

    private static int token(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("usage: ./ocop token ROLE [claim=value ...]   roles: " + RoleTokens.Role.ids());
            return 2;
        }
        try {
            RoleTokens.Role role = RoleTokens.Role.of(args.get(0));
            Optional<String> keycloak = runningKeycloak();
            if (keycloak.isPresent()) {
                if (args.size() > 1) {
                    throw new IllegalArgumentException("the stack runs Keycloak: claims come from the user's attributes"
                            + " (change them in " + keycloak.get() + "/admin), not from the command line");
                }
                out.println(OidcTokens.password(keycloak.get() + "/realms/" + StackKeycloak.REALM
                        + "/protocol/openid-connect/token", OidcTokens.devUser(role), OidcTokens.DEV_PASSWORD));
                return 0;
            }
            Map<String, String> given = new LinkedHashMap<>();
            for (String a : args.subList(1, args.size())) {
                int eq = a.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected claim=value, got '" + a + "'");
                }
                given.put(a.substring(0, eq), a.substring(eq + 1));
            }
            Map<String, String> claims = RoleTokens.claims(role, demoDefaults(savedIdsDir()), given);
            out.println(RoleTokens.mint(role, claims));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("ocop token: " + e.getMessage());
            return 2;
        }
    }

    /** Keycloak's address when a stack started with {@code --oidc} is running from this checkout. */
    private static Optional<String> runningKeycloak() {
        StackConfig config;
        try {
            config = StackConfig.localDev();
        } catch (IllegalStateException e) {
            return Optional.empty(); // not inside the repository: no stack of ours
        }
        if (new PidFile(config.pidFile()).liveLauncher().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(readState(config.workDir().resolve(StackState.FILE)).getProperty(StackState.KEYCLOAK));
    }

    /**
     * The demo province and commune (Tỏi Lý Sơn's) and, once {@code ./ocop up} has loaded the demo into {@code workDir},
     * the demo producer's and channel's ids, as default claim values.
     */
    public static Map<String, String> demoDefaults(Optional<Path> workDir) {
        DemoData data = DemoData.load();
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("province", data.demoProvince());
        defaults.put("commune", data.demoCommune());
        workDir.flatMap(dir -> DemoLoader.savedId(dir, data.demoProducer())).ifPresent(id -> defaults.put("producer_id", id));
        workDir.flatMap(dir -> DemoLoader.savedId(dir, "outlet." + data.demoChannel()))
                .ifPresent(id -> defaults.put("channel_id", id));
        return defaults;
    }

    private static Map<String, String> demoDefaults(Path workDir) {
        return demoDefaults(Optional.of(workDir));
    }

    private static Optional<Path> savedIdsDir() {
        try {
            return Optional.of(StackConfig.findRepoRoot().resolve(".ocop"));
        } catch (IllegalStateException e) {
            return Optional.empty(); // not inside the repository: no saved ids to look at
        }
    }
}
