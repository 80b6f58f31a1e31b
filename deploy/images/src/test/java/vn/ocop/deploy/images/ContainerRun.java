package vn.ocop.deploy.images;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs an image pulled from the {@link LocalRegistry} the way a container runtime with the manifests' security context
 * does, without one: its layers unpacked into a root filesystem, mounted read-only in a mount and PID namespace of its
 * own, {@code /proc} and {@code /dev} mounted, an empty {@code /tmp} (the pod's emptyDir), the JWT key directory
 * mounted read-only (the pod's secret volume), the image's working directory, and uid/gid 185 with no supplementary
 * groups and no capabilities. The network is the host's, so the process reaches the test's PostgreSQL and broker.
 */
final class ContainerRun {
    static final String JWT_DIR = "/etc/ocop/jwt";

    private final Path rootfs;
    private final JsonNode config;

    private ContainerRun(Path rootfs, JsonNode config) {
        this.rootfs = rootfs;
        this.config = config;
    }

    /** Pulls each layer (checking its digest) and unpacks it, in order, into {@code rootfs}. */
    static ContainerRun unpack(LocalRegistry registry, String repository, JsonNode manifest, Path rootfs) throws Exception {
        Files.createDirectories(rootfs);
        for (JsonNode layer : manifest.path("layers")) {
            String digest = layer.path("digest").asText();
            HttpResponse<byte[]> blob = registry.blob(repository, digest);
            if (blob.statusCode() != 200) {
                throw new AssertionError(repository + " layer " + digest + ": registry answered " + blob.statusCode());
            }
            String actual = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob.body()));
            if (!actual.equals(digest)) {
                throw new AssertionError(repository + " layer " + digest + " has content " + actual);
            }
            Path archive = Files.write(rootfs.resolveSibling(rootfs.getFileName() + "-layer.tar.gz"), blob.body());
            JreBaseImage.run(List.of("tar", "-xzf", archive.toString(), "-C", rootfs.toString()));
            Files.delete(archive);
        }
        // Where the pod's secret volume is mounted; a container runtime creates mount points the same way.
        Files.createDirectories(rootfs.resolve(JWT_DIR.substring(1)));
        return new ContainerRun(rootfs, registry.configOf(repository, manifest).path("config"));
    }

    JsonNode config() {
        return config;
    }

    /**
     * Starts the image's entrypoint with its environment plus {@code env}; output goes to {@code log}. The shell stays
     * the namespace's first process rather than exec'ing the entrypoint: switching to uid 185 clears the parent-death
     * signal, so only a root first process, killed with its parent, takes the whole namespace down when stopped.
     */
    Process start(Map<String, String> env, Path jwtKeyDir, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child", "sh", "-c", """
                set -e
                root="$1"; keys="$2"; wd="$3"; shift 3
                mount --bind "$root" "$root"
                mount -o remount,bind,ro "$root"
                mount -t proc proc "$root/proc"
                mount --rbind /dev "$root/dev"
                mount -t tmpfs -o size=256m,mode=1777 tmpfs "$root/tmp"
                mount --bind "$keys" "$root%s"
                mount -o remount,bind,ro "$root%s"
                unshare --root="$root" --wd="$wd" --setuid 185 --setgid 185 "$@"
                """.formatted(JWT_DIR, JWT_DIR), "container", rootfs.toString(), jwtKeyDir.toString(),
                config.path("WorkingDir").asText("/")));
        config.path("Entrypoint").forEach(part -> command.add(part.asText()));
        config.path("Cmd").forEach(part -> command.add(part.asText()));

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        config.path("Env").forEach(entry -> {
            String[] pair = entry.asText().split("=", 2);
            builder.environment().put(pair[0], pair.length > 1 ? pair[1] : "");
        });
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Kills the run: {@code unshare --fork} ignores SIGTERM, and its death takes the namespace's processes with it. */
    static void stop(Process process) throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
}
