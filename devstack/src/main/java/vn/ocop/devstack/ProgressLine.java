package vn.ocop.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The "waiting for services" line: rewritten in place on a terminal, printed on changes otherwise. */
final class ProgressLine {
    private static final Duration INTERVAL_WITHOUT_CONSOLE = Duration.ofSeconds(15);

    private final PrintStream out;
    private final boolean console;
    private String lastShown = "";
    private Instant lastPrinted = Instant.EPOCH;
    private int lastLength;

    ProgressLine(PrintStream out, boolean console) {
        this.out = out;
        this.console = console;
    }

    void show(Duration elapsed, Set<Service> ready, Set<Service> pending) {
        String state = "ready: " + names(ready) + "  |  starting: " + names(pending);
        String line = String.format(Locale.ROOT, "  [%3ds] %s", elapsed.toSeconds(), state);
        if (console) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            out.flush();
            lastLength = line.length();
        } else if (!state.equals(lastShown)
                || Duration.between(lastPrinted, Instant.now()).compareTo(INTERVAL_WITHOUT_CONSOLE) >= 0) {
            out.println(line);
            lastPrinted = Instant.now();
        }
        lastShown = state;
    }

    void end() {
        if (console && lastLength > 0) {
            out.println();
            lastLength = 0;
        }
    }

    private static String names(Set<Service> services) {
        return services.isEmpty() ? "-" : services.stream().map(Service::shortName).collect(Collectors.joining(", "));
    }
}
