package vn.ocop.devstack;

import java.nio.file.Path;
import java.util.List;

/** The error for services that failed to start: what failed, the first error and root cause of this start, the log tail. */
final class ServiceFailure {
    private static final int LOG_TAIL_LINES = 30;

    private ServiceFailure() {
    }

    static StackException of(ServiceProcesses processes, List<Service> failed, String what) {
        StringBuilder message = new StringBuilder(what).append('.');
        for (Service s : failed) {
            Path log = processes.logFile(s);
            // The tail is often all stack trace; the first ERROR of this start usually names the cause.
            List<String> recent = StackFiles.tail(log, 2_000);
            int start = 0;
            for (int i = 0; i < recent.size(); i++) {
                if (recent.get(i).startsWith("==== ")) {
                    start = i;
                }
            }
            List<String> thisStart = recent.subList(start, recent.size());
            thisStart.stream().filter(line -> line.contains(" ERROR ")).findFirst()
                    .ifPresent(line -> message.append("\n\nFirst error of ").append(s.moduleName()).append(": ")
                            .append(line));
            thisStart.stream().filter(line -> line.startsWith("Caused by: ")).reduce((first, second) -> second)
                    .ifPresent(line -> message.append("\nRoot cause: ").append(line.substring("Caused by: ".length())));
            message.append("\n\nLast ").append(LOG_TAIL_LINES).append(" lines of ").append(Display.path(log))
                    .append(":\n");
            StackFiles.tail(log, LOG_TAIL_LINES).forEach(line -> message.append("  | ").append(line).append('\n'));
        }
        return new StackException(message.toString().stripTrailing());
    }
}
