package vn.ocop.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The stack's identity provider: Keycloak as a child JVM on 127.0.0.1, its data in the stack's PostgreSQL, the realm
 * exports imported at start (existing realms are kept). Started straight with {@code java} rather than through
 * {@code kc.sh}, so that the process the stack holds (and may kill) is the server itself.
 */
final class StackKeycloak {
    /** The realm whose tokens the services accept. */
    static final String REALM = "ocop";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(6);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackConfig config;
    private final int port;
    private final KeycloakDistribution distribution;
    private Process process;
    private Instant startedAt;

    StackKeycloak(StackConfig config, int port) {
        this.config = config;
        this.port = port;
        this.distribution = new KeycloakDistribution(config.keycloakHome(), config.out());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The {@code iss} of the realm's tokens. */
    String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    String jwksUrl() {
        return issuer(REALM) + "/protocol/openid-connect/certs";
    }

    String tokenUrl(String realm) {
        return issuer(realm) + "/protocol/openid-connect/token";
    }

    Path logFile() {
        return config.logDir().resolve("keycloak.log");
    }

    /** Starts the server without waiting (see {@link #awaitReady}): the services start meanwhile. */
    void start(PostgresServer postgres, boolean appendLog) {
        Path home = distribution.prepare();
        List<String> command = new ArrayList<>(ServiceLaunch.ownSession());
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms64m", "-Xmx384m", "-XX:MaxMetaspaceSize=256m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.base/java.security=ALL-UNNAMED", "-Duser.language=en", "-Duser.country=US",
                "-Djava.util.concurrent.ForkJoinPool.common.threadFactory="
                        + "io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory",
                "-Dkc.home.dir=" + home, "-Djboss.server.config.dir=" + home.resolve("conf"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Dpicocli.disable.closures=true",
                "-cp", home.resolve("lib/quarkus-run.jar").toString(),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint",
                "start", "--optimized", "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                "--hostname-strict=false", "--import-realm",
                "--db-url=" + postgres.jdbcUrl(config.keycloakDatabaseName()),
                "--db-username=" + postgres.user(), "--db-password=" + postgres.password()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        // The console's admin, created on the first start only (dev stack: a known password).
        pb.environment().putAll(Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"));
        try {
            Files.writeString(logFile(), "==== " + Instant.now() + " starting Keycloak on port " + port + " ====\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    appendLog ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            process = pb.start();
            startedAt = Instant.now();
        } catch (IOException e) {
            throw new StackException("Cannot start Keycloak: " + e.getMessage(), e);
        }
    }

    /** Waits until the realm answers its discovery document; fails with the log's end if the server exits. */
    void awaitReady(BooleanSupplier cancelled) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer(REALM) + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new StackException("Start-up cancelled: the launcher is shutting down.");
            }
            if (!isAlive()) {
                throw new StackException("Keycloak exited with code " + process.exitValue() + " while starting. Last"
                        + " lines of " + Display.path(logFile()) + ":\n  | "
                        + String.join("\n  | ", StackFiles.tail(logFile(), 30)));
            }
            try {
                if (HTTP.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    config.out().println("Keycloak: " + baseUrl() + " ready in "
                            + Display.seconds(Duration.between(startedAt, Instant.now())) + " (realm " + REALM
                            + ", admin console " + baseUrl() + "/admin, admin/admin)");
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for Keycloak");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackException("Keycloak did not become ready within " + STARTUP_TIMEOUT.toSeconds()
                        + " s; see " + logFile());
            }
            sleep();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    boolean hasDied() {
        return process != null && !process.isAlive();
    }

    ProcessHandle handle() {
        return isAlive() ? process.toHandle() : null;
    }

    void stop() {
        if (process != null) {
            PidFile.terminate(process.toHandle(), Duration.ofSeconds(20));
            process = null;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for Keycloak");
        }
    }
}
