package vn.ocop.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The services' JVM options as the images get them: read from their one place,
 * {@code quarkus.jib.jvm-additional-arguments} in the platform's {@code microprofile-config.properties}, so that a local
 * stack runs (and {@code bench/} measures) the JVM that production runs.
 */
final class ServiceJvmOptions {
    static final Path SOURCE = Path.of("platform/src/main/resources/META-INF/microprofile-config.properties");
    static final String PROPERTY = "quarkus.jib.jvm-additional-arguments";
    /** Where the repository is not at hand (a jar copied elsewhere): the heap cap and collector of that list. */
    static final List<String> FALLBACK = List.of("-Xmx192m", "-XX:+UseSerialGC");

    private ServiceJvmOptions() {
    }

    static List<String> of(Path repoRoot) {
        Path file = repoRoot.resolve(SOURCE);
        if (!Files.isRegularFile(file)) {
            return FALLBACK;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the services' JVM options from " + file, e);
        }
        String list = properties.getProperty(PROPERTY);
        if (list == null || list.isBlank()) {
            throw new IllegalStateException(file + " has no " + PROPERTY);
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
