package vn.ocop.deploy.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;

/**
 * A Java 17 runtime image made on this machine, standing in for the release base image
 * ({@code registry.access.redhat.com/ubi9/openjdk-17-runtime}), which this build cannot download: a {@code jlink}ed
 * runtime, the shared libraries it links against, and the {@code jboss} user (uid 185) the release base has. Written
 * as an image archive, which Jib takes as a base through {@code tar://}.
 */
final class JreBaseImage {
    static final String JAVA_HOME = "/opt/java/openjdk";
    /** The modules a Quarkus service with Hibernate, Kafka and JWT uses, and nothing for development. */
    private static final String MODULES = "java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.naming.dns,jdk.management";
    private static final Pattern LINKED_LIBRARY = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x");

    private JreBaseImage() {
    }

    /** Builds the archive under {@code workDir} and returns its path. */
    static Path build(Path workDir) throws Exception {
        Path jdk = Path.of(System.getProperty("java.home"));
        Path jmods = jdk.resolve("jmods");
        if (!Files.isDirectory(jmods)) {
            throw new IllegalStateException("jlink needs the JDK's jmods (" + jmods + "): on Debian install openjdk-17-jmods");
        }
        Path runtime = workDir.resolve("jre");
        run(List.of(jdk.resolve("bin/jlink").toString(), "--module-path", jmods.toString(), "--add-modules", MODULES,
                "--strip-debug", "--no-header-files", "--no-man-pages", "--output", runtime.toString()));

        FileEntriesLayer.Builder jre = FileEntriesLayer.builder().setName("jre");
        List<Path> binaries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(runtime)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    // Keep the modes jlink gave (bin/java must stay executable).
                    jre.addEntry(file, AbsoluteUnixPath.get(JAVA_HOME).resolve(runtime.relativize(file).toString()),
                            FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(file)), Instant.EPOCH);
                    if (file.toString().endsWith(".so") || file.getParent().endsWith("bin")) {
                        binaries.add(file);
                    }
                }
            }
        }

        // The C libraries the runtime links against, at the paths the loader looks them up.
        TreeSet<String> libraries = new TreeSet<>();
        for (Path binary : binaries) {
            Matcher m = LINKED_LIBRARY.matcher(run(List.of("ldd", binary.toString())));
            while (m.find()) {
                Path library = Path.of(m.group(1)).normalize();
                if (!library.startsWith(runtime)) { // the runtime's own (libjli.so) are in its layer already
                    libraries.add(library.toString());
                }
            }
        }
        FileEntriesLayer.Builder libs = FileEntriesLayer.builder().setName("system-libraries");
        for (String library : libraries) {
            libs.addEntry(Path.of(library).toRealPath(), AbsoluteUnixPath.get(library), FilePermissions.fromOctalString("755"),
                    Instant.EPOCH);
        }

        Path etc = Files.createDirectories(workDir.resolve("etc"));
        Path empty = Files.createDirectories(workDir.resolve("empty"));
        FileEntriesLayer.Builder system = FileEntriesLayer.builder().setName("system")
                .addEntry(write(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\njboss:x:185:0:JBoss user:/home/jboss:/sbin/nologin\n"),
                        AbsoluteUnixPath.get("/etc/passwd"))
                .addEntry(write(etc.resolve("group"), "root:x:0:\njboss:x:185:\n"), AbsoluteUnixPath.get("/etc/group"))
                .addEntry(write(etc.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost\n"), AbsoluteUnixPath.get("/etc/hosts"))
                .addEntry(write(etc.resolve("nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n"),
                        AbsoluteUnixPath.get("/etc/nsswitch.conf"));
        // Mount points: the runtime mounts /proc and /dev, the pod an emptyDir on /tmp.
        for (String dir : List.of("/proc", "/dev", "/tmp")) {
            system.addEntry(empty, AbsoluteUnixPath.get(dir), FilePermissions.fromOctalString(dir.equals("/tmp") ? "777" : "755"),
                    Instant.EPOCH);
        }

        Path archive = workDir.resolve("jre-base.tar");
        Jib.fromScratch()
                .addFileEntriesLayer(libs.build())
                .addFileEntriesLayer(system.build())
                .addFileEntriesLayer(jre.build())
                .setEnvironment(Map.of("JAVA_HOME", JAVA_HOME, "PATH", JAVA_HOME + "/bin:/usr/bin:/bin"))
                .setUser("185")
                .containerize(Containerizer.to(TarImage.at(archive).named("ocop/test-jre-base:17")));
        return archive;
    }

    private static Path write(Path file, String content) throws IOException {
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
