package vn.ocop.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks before a stack starts: the service jars are built, no other stack runs from the work dir, leftovers stop. */
final class StackWorkDir {
    private final StackConfig config;
    private final PidFile pidFile;
    private final PrintStream out;

    StackWorkDir(StackConfig config, PidFile pidFile) {
        this.config = config;
        this.pidFile = pidFile;
        this.out = config.out();
    }

    void prepare() {
        requireJars();
        cleanUpAfterEarlierLauncher();
    }

    private void requireJars() {
        List<String> missing = new ArrayList<>();
        for (Service s : config.services()) {
            if (!Files.isRegularFile(s.jar(config.repoRoot()))) {
                missing.add(config.repoRoot().relativize(s.jar(config.repoRoot())).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new StackException("Service jar(s) missing: " + String.join(", ", missing)
                    + ". Build them with ./mvnw -B install -DskipTests (./ocop up does that when they are missing).");
        }
    }

    private void cleanUpAfterEarlierLauncher() {
        try {
            Files.createDirectories(config.logDir());
        } catch (IOException e) {
            throw new StackException("Cannot create the work dir " + config.workDir() + ": " + e, e);
        }
        Optional<ProcessHandle> launcher = pidFile.liveLauncher();
        if (launcher.isPresent()) {
            throw new StackException("A stack is already running from " + config.workDir() + " (launcher pid "
                    + launcher.get().pid() + "). See ./ocop status; stop it with ./ocop down.");
        }
        List<PidFile.Entry> leftovers = pidFile.liveChildren();
        if (!leftovers.isEmpty()) {
            out.println("Stopping processes left by an earlier launcher that did not shut down: " + leftovers.stream()
                    .map(e -> e.name() + " (pid " + e.pid() + ")").collect(Collectors.joining(", ")));
            pidFile.stopAll(Duration.ofSeconds(5), out);
        }
        pidFile.delete();
    }
}
