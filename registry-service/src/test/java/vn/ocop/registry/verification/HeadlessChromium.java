package vn.ocop.registry.verification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's chromium run headless, one process per page: {@code --dump-dom} gives the document as the browser built
 * it, {@code --screenshot} what a phone screen shows. Absent outside CI the browser tests are skipped with a message
 * saying how to install it; in CI (variable CI set, .ci/run installs the package) its absence fails them.
 */
final class HeadlessChromium {
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    /** A common phone viewport: the page must read well there. */
    static final String PHONE = "412,915";

    private final String binary;

    private HeadlessChromium(String binary) {
        this.binary = binary;
    }

    static HeadlessChromium require() {
        String configured = System.getenv("CHROMIUM");
        for (String candidate : configured != null ? List.of(configured) : CANDIDATES) {
            if (Files.isExecutable(Path.of(candidate))) {
                return new HeadlessChromium(candidate);
            }
        }
        String message = "chromium is not installed (apt-get install chromium, or set CHROMIUM to its path)";
        if (System.getenv("CI") != null) {
            throw new AssertionError(message + "; .ci/run installs it");
        }
        Assumptions.abort("Browser checks skipped: " + message);
        return null;
    }

    String dumpDom(String url, String... options) throws IOException, InterruptedException {
        Path out = Files.createTempFile("chromium-dom", ".html");
        try {
            List<String> arguments = new ArrayList<>(List.of(options));
            arguments.addAll(List.of("--dump-dom", url));
            run(out, arguments.toArray(String[]::new));
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    void screenshot(String url, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        run(null, "--screenshot=" + file.toAbsolutePath(), "--window-size=" + PHONE, "--hide-scrollbars", url);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("chromium wrote no screenshot for " + url);
        }
    }

    private void run(Path stdout, String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process process = builder.start();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("chromium did not finish within 90 s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("chromium exited with " + process.exitValue() + ": " + command);
            }
        } finally {
            process.destroyForcibly();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
