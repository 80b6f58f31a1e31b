package vn.ocop.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The services' JVM options as the images get them: read from their one place,
 * {@code quarkus.jib.jvm-additional-arguments} in the platform's {@code microprofile-config.properties} (beside the
 * environment variables the images give the JVM), so that a local stack runs (and {@code bench/} measures) the JVM
 * that production runs.
 */
final class ServiceJvmOptions {
    static final Path SOURCE = Path.of("platform/src/main/resources/META-INF/microprofile-config.properties");
    static final String PROPERTY = "quarkus.jib.jvm-additional-arguments";
    /** Prefix of the images' environment variables, {@code quarkus.jib.environment-variables."NAME"=value}. */
    static final String ENVIRONMENT_PREFIX = "quarkus.jib.environment-variables.";
    /** Where the repository is not at hand (a jar copied elsewhere): the heap cap and collector of that list. */
    static final List<String> FALLBACK = List.of("-Xmx192m", "-XX:+UseSerialGC");

    private ServiceJvmOptions() {
    }

    static List<String> of(Path repoRoot) {
        Path file = repoRoot.resolve(SOURCE);
        if (!Files.isRegularFile(file)) {
            return FALLBACK;
        }
        String list = load(file).getProperty(PROPERTY);
        if (list == null || list.isBlank()) {
            throw new IllegalStateException(file + " has no " + PROPERTY);
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The environment variables the images set for the JVM (such as glibc's MALLOC_ARENA_MAX); none where the
     * repository is not at hand.
     */
    static Map<String, String> environment(Path repoRoot) {
        Path file = repoRoot.resolve(SOURCE);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Map<String, String> env = new TreeMap<>();
        load(file).forEach((key, value) -> {
            String name = key.toString();
            if (name.startsWith(ENVIRONMENT_PREFIX)) {
                env.put(name.substring(ENVIRONMENT_PREFIX.length()).replace("\"", ""), value.toString().strip());
            }
        });
        return env;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the services' JVM options from " + file, e);
        }
        return properties;
    }
}
