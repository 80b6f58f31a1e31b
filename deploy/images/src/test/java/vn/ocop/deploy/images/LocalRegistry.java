package vn.ocop.deploy.images;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real OCI distribution registry (Debian's {@code docker-registry}, the CNCF Distribution server) on a free
 * loopback port, storing under the test's directory: the place Jib pushes to, as it pushes to a province's registry.
 */
final class LocalRegistry implements AutoCloseable {
    private static final String MANIFEST_TYPES = "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String address;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalRegistry(Process process, String address) {
        this.process = process;
        this.address = address;
    }

    /** The registry binary: {@code OCOP_REGISTRY_BINARY}, or {@code docker-registry} on the PATH. */
    static Optional<Path> binary() {
        String configured = System.getenv("OCOP_REGISTRY_BINARY");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "docker-registry")).filter(Files::isExecutable).findFirst();
    }

    static LocalRegistry start(Path binary, Path workDir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String address = "127.0.0.1:" + port;
        Path storage = Files.createDirectories(workDir.resolve("registry-storage"));
        Path config = Files.writeString(workDir.resolve("registry.yml"), """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: %s
                """.formatted(storage, address));
        Process process = new ProcessBuilder(binary.toString(), "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("registry.log").toFile())
                .start();
        LocalRegistry registry = new LocalRegistry(process, address);
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try {
                if (registry.get("/v2/", "application/json").statusCode() == 200) {
                    return registry;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                registry.close();
                throw new IllegalStateException("docker-registry did not start; see " + workDir.resolve("registry.log"));
            }
            Thread.sleep(200);
        }
    }

    String address() {
        return address;
    }

    /** The image manifest of {@code repository:tag} (Docker v2.2 or OCI). */
    JsonNode manifest(String repository, String tag) throws Exception {
        return json(get("/v2/" + repository + "/manifests/" + tag, MANIFEST_TYPES), repository + ":" + tag);
    }

    JsonNode configOf(String repository, JsonNode manifest) throws Exception {
        return json(blob(repository, manifest.path("config").path("digest").asText()), repository + " config");
    }

    HttpResponse<byte[]> blob(String repository, String digest) throws Exception {
        return get("/v2/" + repository + "/blobs/" + digest, "*/*");
    }

    private HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + path)).header("Accept", accept)
                .timeout(Duration.ofMinutes(1)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> response, String what) throws IOException {
        if (response.statusCode() != 200) {
            throw new AssertionError(what + ": registry answered " + response.statusCode() + " " + new String(response.body()));
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
