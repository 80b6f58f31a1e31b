package vn.ocop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Application class data sharing for a service's JVM: the first start writes an archive of the classes it loaded when
 * it stops ({@code -XX:ArchiveClassesAtExit}); later starts map it ({@code -XX:SharedArchiveFile}) instead of loading,
 * verifying and laying out some 13,000 classes again: about half the CPU time to ready (bench/footprint.sh).
 *
 * <p>The archive is named after the JVM and its options (an archive is refused by a JVM with another collector or heap
 * mode) and is made again when the jar is newer. It is mapped at the address it was written for
 * ({@code ArchiveRelocationMode=0}; the JDK's default relocates it to a random address, which rewrites, and so copies,
 * every page): its read-only part stays clean file pages instead of about 50 MB of private memory per service. A stale
 * or unreadable archive only costs the speed: the JVM warns and loads the classes itself. Delete {@code <work dir>/cds}
 * to force a new one.
 */
final class ClassDataSharing {
    private final Path directory;

    ClassDataSharing(Path workDir) {
        this.directory = workDir.resolve("cds");
    }

    /** The options that write the service's archive at exit, or map it when it is there and newer than the jar. */
    List<String> options(Service service, Path jar, List<String> javaOptions) {
        Path archive = archive(service, javaOptions);
        if (usable(archive, jar)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+UnlockDiagnosticVMOptions",
                    "-XX:ArchiveRelocationMode=0");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        // Writing the archive logs a warning for each class it leaves out (thousands): not for the service's log.
        return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    Path archive(Service service, List<String> javaOptions) {
        int jvm = Objects.hash(System.getProperty("java.home"), System.getProperty("java.vm.version"), javaOptions);
        return directory.resolve(service.moduleName() + "-" + Integer.toHexString(jvm) + ".jsa");
    }

    private static boolean usable(Path archive, Path jar) {
        try {
            return Files.size(archive) > 0
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
