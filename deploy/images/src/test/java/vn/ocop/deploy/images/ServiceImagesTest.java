package vn.ocop.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.ocop.testkit.LocalKafka;
import vn.ocop.testkit.TestBroker;
import vn.ocop.testkit.TestDatabases;

/**
 * The release images, built the way deploy/k8s/README.md says (Jib through {@code quarkus-container-image-jib}, no
 * Docker daemon, pushed to a registry), then pulled back and started as a pod would start them. The base is
 * {@link JreBaseImage}, since this build cannot reach the release base image's registry; everything Jib adds on top
 * (layers, user, port, entrypoint, labels) is what a release gets.
 * <p>
 * Needs Debian's {@code docker-registry} (CI installs it) and, for starting images, root (namespaces and mounts).
 * Outside CI the check may be skipped with {@code -Dimages.check.skip=true}; with {@code CI=true} it cannot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceImagesTest {
    private static final List<String> SERVICES = List.of("registry-service", "evaluation-service", "market-service",
            "monitoring-service");
    private static final String TAG = "images-test";
    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path repoRoot = Path.of(System.getProperty("ocop.repo.root", "../..")).toAbsolutePath().normalize();
    private final Path workDir = Path.of("target", "images").toAbsolutePath();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private LocalRegistry registry;

    @BeforeAll
    void buildAndPushImages() throws Exception {
        if (!CI && Boolean.getBoolean("images.check.skip")) {
            Assumptions.abort("images.check.skip=true: the service images were not built");
        }
        Path binary = LocalRegistry.binary().orElseThrow(() -> new IllegalStateException("""
                The image check needs a local OCI registry: Debian's docker-registry (apt-get install docker-registry),
                or OCOP_REGISTRY_BINARY naming one. .ci/run installs it. Outside CI you may skip this check explicitly
                with -Dimages.check.skip=true (refused when CI=true)."""));
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        registry = LocalRegistry.start(binary, workDir);
        Path base = JreBaseImage.build(workDir);

        // The services' own build with the release switches, as in the README; only the registry and base differ.
        List<String> command = new ArrayList<>(List.of(repoRoot.resolve("mvnw").toString(), "-B", "-ntp", "-o", "package",
                "-pl", String.join(",", SERVICES), "-am", "-Dmaven.test.skip=true", "-Dopenapi.lint.skip=true",
                "-Dquarkus.container-image.build=true", "-Dquarkus.container-image.push=true",
                "-Dquarkus.container-image.registry=" + registry.address(), "-Dquarkus.container-image.insecure=true",
                "-Dquarkus.container-image.tag=" + TAG, "-Dquarkus.jib.base-jvm-image=tar://" + base));
        String localRepo = System.getProperty("maven.repo.local");
        if (localRepo != null) {
            command.add("-Dmaven.repo.local=" + localRepo);
        }
        Path log = workDir.resolve("image-build.log");
        Process build = new ProcessBuilder(command).directory(repoRoot.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!build.waitFor(20, TimeUnit.MINUTES) || build.exitValue() != 0) {
            build.destroyForcibly();
            List<String> lines = Files.readAllLines(log);
            throw new AssertionError("The image build failed (" + log + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        }
    }

    @AfterAll
    void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "registry-service", "evaluation-service", "market-service", "monitoring-service" })
    void imageRunsAsTheManifestsUserOnTheServicePort(String service) throws Exception {
        JsonNode manifest = registry.manifest("ocop/" + service, TAG);
        JsonNode config = registry.configOf("ocop/" + service, manifest).path("config");

        // runAsUser 185 in the manifests, and runAsNonRoot: the image itself must not default to root either.
        assertThat(config.path("User").asText()).isEqualTo("185");
        // The Service and probes target the port the application listens on; the image says the same.
        assertThat(fieldNames(config.path("ExposedPorts"))).containsExactly(httpPort(service) + "/tcp");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/home/jboss");
        assertThat(config.path("Entrypoint").toString()).contains("quarkus-run.jar");
        // Jib's layering: dependencies apart from the application, so a code change ships a small layer.
        JsonNode baseManifest = JSON.readTree(base(workDir).toFile());
        assertThat(manifest.path("layers").size()).isGreaterThanOrEqualTo(baseManifest.get(0).path("Layers").size() + 3);
    }

    @Test
    void eachImageMigratesAsTheJobAndServesAsThePod() throws Exception {
        if (!isRoot()) {
            Assumptions.assumeTrue(!CI, "CI must run as root: images are started in namespaces of their own");
            Assumptions.abort("not root: images are built and inspected, not started");
        }
        Path keys = Files.createDirectories(workDir.resolve("jwt"));
        Files.copy(repoRoot.resolve("platform/src/main/resources/dev-keys/ocop-dev-public.pem"), keys.resolve("public-key.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String broker = TestBroker.bootstrapServers();

        ExecutorService pool = Executors.newFixedThreadPool(SERVICES.size());
        try {
            List<Future<String>> results = new ArrayList<>();
            for (String service : SERVICES) {
                results.add(pool.submit(() -> migrateThenServe(service, keys, broker)));
            }
            for (Future<String> result : results) {
                assertThat(result.get(10, TimeUnit.MINUTES)).isEqualTo("UP");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The Job's run (QUARKUS_INIT_AND_EXIT, migrations) then the Deployment's (no migration); returns readiness. */
    private String migrateThenServe(String service, Path keys, String broker) throws Exception {
        String shortName = service.replace("-service", "");
        String database = "ocop_images_" + shortName + System.getenv().getOrDefault("TEST_PG_DATABASE_SUFFIX", "");
        String jdbcUrl = TestDatabases.recreate(database);
        ContainerRun image = ContainerRun.unpack(registry, "ocop/" + service, registry.manifest("ocop/" + service, TAG),
                workDir.resolve("rootfs-" + shortName));
        int port = freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "OCOP_DB_URL", jdbcUrl, "OCOP_DB_USER", TestDatabases.user(), "OCOP_DB_PASSWORD", TestDatabases.password(),
                "KAFKA_BOOTSTRAP_SERVERS", broker, "QUARKUS_HTTP_PORT", Integer.toString(port),
                "OCOP_JWT_PUBLIC_KEY_LOCATION", "file:" + ContainerRun.JWT_DIR + "/public-key.pem",
                "JAVA_TOOL_OPTIONS", "-Xmx256m -XX:TieredStopAtLevel=1"));
        env.putAll(LocalKafka.serviceEnvironment(shortName)); // production names its Kafka credentials

        Map<String, String> job = new HashMap<>(env);
        job.put("QUARKUS_INIT_AND_EXIT", "true");
        job.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "true");
        Path jobLog = workDir.resolve(shortName + "-migrate.log");
        Process migration = image.start(job, keys, jobLog);
        boolean ended = migration.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            ContainerRun.stop(migration);
        }
        assertThat(ended).as("%s migration Job ends; log %s", service, jobLog).isTrue();
        assertThat(migration.exitValue()).as("%s migration exit code; log %s", service, jobLog).isZero();
        assertThat(appliedMigrations(jdbcUrl)).as("%s migrations applied by the Job", service).isPositive();

        Map<String, String> pod = new HashMap<>(env);
        pod.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
        Path podLog = workDir.resolve(shortName + ".log");
        Process server = image.start(pod, keys, podLog);
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            String status = "not answering";
            while (Instant.now().isBefore(deadline) && server.isAlive()) {
                try {
                    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    status = JSON.readTree(ready.body()).path("status").asText();
                    if ("UP".equals(status)) {
                        // Read-only root: anything the service writes must go to /tmp; it still serves its API.
                        HttpResponse<String> openapi = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/openapi"))
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(openapi.statusCode()).as("%s /q/openapi", service).isEqualTo(200);
                        return status;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(1000);
            }
            throw new AssertionError(service + " started from its image is not ready (" + status + "); log " + podLog + ":\n"
                    + tail(podLog));
        } finally {
            ContainerRun.stop(server);
        }
    }

    private static int appliedMigrations(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, TestDatabases.user(), TestDatabases.password());
                ResultSet rs = c.createStatement().executeQuery("select count(*) from flyway_schema_history where success")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int httpPort(String service) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(repoRoot.resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return Integer.parseInt(properties.getProperty("quarkus.http.port"));
    }

    private static Path base(Path workDir) throws IOException {
        // The archive's own manifest.json (docker save format): one entry, with the base's layers.
        Path extracted = Files.createDirectories(workDir.resolve("base-manifest"));
        JreBaseImage.run(List.of("tar", "-xf", workDir.resolve("jre-base.tar").toString(), "-C", extracted.toString(), "manifest.json"));
        return extracted.resolve("manifest.json");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean isRoot() {
        try {
            return "0".equals(JreBaseImage.run(List.of("id", "-u")).trim());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            JreBaseImage.run(List.of("rm", "-rf", dir.toString()));
        }
    }
}
