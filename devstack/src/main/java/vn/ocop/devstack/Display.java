package vn.ocop.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** How the stack's messages show paths and durations. */
final class Display {
    private Display() {
    }

    /** Relative to the current directory when inside it, so that messages stay short. */
    static String path(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
