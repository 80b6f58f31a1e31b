package vn.ocop.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The services' child JVMs of one stack: started with their log file, stopped with SIGTERM then SIGKILL. */
final class ServiceProcesses {
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final StackConfig config;
    private final ServiceLaunch launch;
    private final Map<Service, Process> processes = new EnumMap<>(Service.class);

    ServiceProcesses(StackConfig config) {
        this.config = config;
        this.launch = new ServiceLaunch(config);
    }

    Path logFile(Service service) {
        return config.logDir().resolve(service.moduleName() + ".log");
    }

    /** Starts the service, its log beginning with a header line (appended to the old log when asked). */
    void start(Service service, ServiceLaunch.Wiring wiring, boolean appendLog) {
        ProcessBuilder pb = launch.processBuilder(service, wiring);
        Path log = logFile(service);
        try {
            String header = "==== " + Instant.now() + " starting " + service.moduleName() + " on port "
                    + wiring.httpPort() + " ====\n";
            Files.writeString(log, header, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    appendLog ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            processes.put(service, pb.start());
        } catch (IOException e) {
            throw new StackException("Cannot start " + service.moduleName() + " (" + String.join(" ", pb.command())
                    + "): " + e.getMessage(), e);
        }
    }

    Optional<Process> process(Service service) {
        return Optional.ofNullable(processes.get(service));
    }

    boolean isRunning(Service service) {
        Process p = processes.get(service);
        return p != null && p.isAlive();
    }

    /** Services started and not stopped on purpose whose process has exited, with their exit codes. */
    Map<Service, Integer> exited() {
        Map<Service, Integer> exited = new EnumMap<>(Service.class);
        processes.forEach((s, p) -> {
            if (!p.isAlive()) {
                exited.put(s, p.exitValue());
            }
        });
        return exited;
    }

    boolean anyRunning() {
        return processes.values().stream().anyMatch(Process::isAlive);
    }

    /** The live processes, for the pid file. */
    Map<Service, ProcessHandle> running() {
        Map<Service, ProcessHandle> running = new EnumMap<>(Service.class);
        processes.forEach((s, p) -> {
            if (p.isAlive()) {
                running.put(s, p.toHandle());
            }
        });
        return running;
    }

    /** Stops one service; whether it had a process to stop. */
    boolean stop(Service service) {
        Process p = processes.remove(service);
        if (p == null) {
            return false;
        }
        PidFile.terminate(p.toHandle(), STOP_WAIT);
        return true;
    }

    void stopAll() {
        List<Process> running = processes.values().stream().filter(Process::isAlive).toList();
        running.forEach(Process::destroy); // SIGTERM to all first: they shut down in parallel
        for (Process p : running) {
            PidFile.terminate(p.toHandle(), STOP_WAIT);
        }
        processes.clear();
    }
}
