package vn.ocop.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ocop.testkit.LocalKafka;

/**
 * How one service's child JVM is launched: its command line (JVM options) and its environment. The one place to add
 * a JVM flag or an environment variable that every service of a local stack gets.
 */
final class ServiceLaunch {
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /** What the stack has started for the service to connect to. */
    record Wiring(int httpPort, PostgresServer postgres, String kafkaBootstrap, TokenIssuer tokenIssuer) {
    }

    /** Whose tokens the services accept: a key (PEM file or JWKS URL) and, unless the default, the issuer. */
    record TokenIssuer(String keyLocation, String issuer) {
        /** The dev key pair that {@code ./ocop token} and the tests sign with (issuer: the platform's default). */
        static final TokenIssuer DEV_KEY = new TokenIssuer("dev-keys/ocop-dev-public.pem", null);
    }

    private final StackConfig config;
    private final ClassDataSharing classDataSharing;

    ServiceLaunch(StackConfig config) {
        this.config = config;
        this.classDataSharing = new ClassDataSharing(config.workDir());
    }

    /** A process builder for the service, not started yet; its output goes where the caller redirects it. */
    ProcessBuilder processBuilder(Service service, Wiring wiring) {
        ProcessBuilder pb = new ProcessBuilder(command(service))
                // Not the repo root: a Quarkus app reads .env and config/application.properties from its cwd.
                .directory(config.workDir().toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(environment(service, wiring));
        return pb;
    }

    List<String> command(Service service) {
        List<String> command = new ArrayList<>(ownSession());
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config.javaOptions());
        Path jar = service.jar(config.repoRoot());
        command.addAll(classDataSharing.options(service, jar, config.javaOptions()));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /**
     * The prefix that runs a child in a session of its own: Ctrl-C in the terminal reaches only the launcher, which
     * then stops the services before the broker and the database instead of everything dying at once.
     */
    static List<String> ownSession() {
        return Files.isExecutable(SETSID) ? List.of(SETSID.toString()) : List.of();
    }

    /** The variables added to the launcher's own environment; {@link StackConfig#serviceEnv()} has the last word. */
    Map<String, String> environment(Service service, Wiring wiring) {
        // The images' environment first (MALLOC_ARENA_MAX), from the same one place as the JVM options.
        Map<String, String> env = new LinkedHashMap<>(ServiceJvmOptions.environment(config.repoRoot()));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(wiring.httpPort()));
        env.put("OCOP_DB_URL", wiring.postgres().jdbcUrl(config.databaseName(service)));
        env.put("OCOP_DB_USER", wiring.postgres().user());
        env.put("OCOP_DB_PASSWORD", wiring.postgres().password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", wiring.kafkaBootstrap());
        // Its own Kafka principal on the local broker (StackBroker starts it with the LocalKafka users and ACLs).
        env.putAll(LocalKafka.serviceEnvironment(service.shortName()));
        env.put("OCOP_JWT_PUBLIC_KEY_LOCATION", wiring.tokenIssuer().keyLocation());
        if (wiring.tokenIssuer().issuer() != null) {
            env.put("OCOP_JWT_ISSUER", wiring.tokenIssuer().issuer());
        }
        // The jars run in the prod profile, which logs JSON lines; a developer reads text (and ServiceFailure greps it).
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // A local stack is development: partners' test receivers listen on this machine, over http (production allows
        // only public https webhook targets, see WebhookTargetPolicy).
        env.put("MARKET_WEBHOOK_REQUIRE_HTTPS", "false");
        env.put("MARKET_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1,localhost");
        // The demo loader and the e2e scenarios file complaints, search and verify from one address far faster than people
        // do; the limits themselves are tested in the services (ComplaintRateLimitTest).
        env.put("OCOP_RATE_LIMIT_ENABLED", "false");
        env.putAll(config.serviceEnv());
        return env;
    }
}
