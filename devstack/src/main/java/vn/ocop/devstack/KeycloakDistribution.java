package vn.ocop.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak's server distribution ({@code org.keycloak:keycloak-quarkus-dist}, a zip that Maven fetches from Maven
 * Central as a dependency of this module), unpacked under {@code .ocop/keycloak} and built once for PostgreSQL
 * ({@code kc.sh build}), so that each start is {@code start --optimized}. The realm exports are copied to its import
 * directory before each start.
 */
final class KeycloakDistribution {
    /** The realm of the OCOP Suite, and one of another identity provider (whose tokens the services must refuse). */
    static final List<String> REALM_FILES = List.of("ocop-realm.json", "elsewhere-realm.json");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    private final Path root;
    private final PrintStream out;
    private final String version;
    private final Path zip;

    KeycloakDistribution(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
        Properties props = new Properties();
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("keycloak/keycloak.properties")) {
            props.load(in);
        } catch (IOException | NullPointerException e) {
            throw new StackException("devstack's keycloak/keycloak.properties is missing: rebuild the devstack module");
        }
        this.version = props.getProperty("version");
        this.zip = Path.of(props.getProperty("zip"));
    }

    /** The unpacked server, e.g. {@code .ocop/keycloak/keycloak-26.5.6}. */
    Path home() {
        return root.resolve("keycloak-" + version);
    }

    String version() {
        return version;
    }

    /** Unpacks and builds the server if not done yet (under a lock: two stacks may start at once), copies the realms. */
    Path prepare() {
        try {
            Files.createDirectories(root);
            try (FileChannel lockFile = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                Path built = home().resolve(".ocop-built");
                if (!Files.exists(built)) {
                    unpack();
                    build();
                    Files.writeString(built, Instant.now() + "\n");
                }
                copyRealms();
            }
            return home();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Keycloak in " + root, e);
        }
    }

    private void unpack() throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new StackException("The Keycloak distribution " + zip + " is missing. Build the devstack module"
                    + " (./mvnw -B -q -pl devstack -am package -DskipTests) so that Maven fetches it.");
        }
        out.println("Keycloak: unpacking " + zip.getFileName() + " into " + Display.path(root) + " (once) ...");
        StackFiles.deleteTree(home());
        Path target = root.normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path file = target.resolve(e.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        home().resolve("bin/kc.sh").toFile().setExecutable(true);
    }

    /** {@code kc.sh build}: the build-time options (database kind) are fixed here, so every start skips this step. */
    private void build() throws IOException {
        out.println("Keycloak: building the server for PostgreSQL (once, about a minute) ...");
        Path log = root.resolve("build.log");
        Process p = new ProcessBuilder(home().resolve("bin/kc.sh").toString(), "build", "--db=postgres")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new StackException("kc.sh build failed; see " + log + ":\n"
                        + String.join("\n", StackFiles.tail(log, 20)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new StackException("interrupted while building Keycloak");
        }
    }

    private void copyRealms() throws IOException {
        Path imports = home().resolve("data").resolve("import");
        Files.createDirectories(imports);
        for (String name : REALM_FILES) {
            try (InputStream in = KeycloakDistribution.class.getResourceAsStream("keycloak/" + name)) {
                if (in == null) {
                    throw new StackException("devstack resource keycloak/" + name + " is missing");
                }
                Files.write(imports.resolve(name), in.readAllBytes());
            }
        }
    }

    /** The realm export as committed (for tests and for printing). */
    static String realmExport(String name) {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("keycloak/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
