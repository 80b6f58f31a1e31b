package vn.ocop.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Waits for services to report ready, showing progress; a service that exits or stays unready fails the wait. */
final class ReadinessWait {
    private final StackConfig config;
    private final PrintStream out;
    private final ServiceProcesses processes;
    private final Function<Service, String> baseUrl;
    private final BooleanSupplier cancelled;

    ReadinessWait(StackConfig config, ServiceProcesses processes, Function<Service, String> baseUrl,
            BooleanSupplier cancelled) {
        this.config = config;
        this.out = config.out();
        this.processes = processes;
        this.baseUrl = baseUrl;
        this.cancelled = cancelled;
    }

    /** Polls the readiness endpoints until all are ready, one exits, or time runs out. */
    void await(List<Service> services) {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(config.readyTimeout());
        Set<Service> pending = new LinkedHashSet<>(services);
        Set<Service> ready = new LinkedHashSet<>();
        ProgressLine progress = new ProgressLine(out, config.out() == System.out && System.console() != null);
        try {
            while (!pending.isEmpty()) {
                if (cancelled.getAsBoolean()) {
                    throw new StackException("Start-up cancelled: the launcher is shutting down.");
                }
                for (Service s : List.copyOf(pending)) {
                    Optional<Process> p = processes.process(s);
                    if (p.isEmpty() || !p.get().isAlive()) {
                        progress.end();
                        throw ServiceFailure.of(processes, List.of(s), s.moduleName() + " exited"
                                + p.map(process -> " with code " + process.exitValue()).orElse("") + " while starting");
                    }
                    if (HealthProbe.ready(baseUrl.apply(s)) == HealthProbe.State.READY) {
                        pending.remove(s);
                        ready.add(s);
                    }
                }
                progress.show(Duration.between(begin, Instant.now()), ready, pending);
                if (!pending.isEmpty() && Instant.now().isAfter(deadline)) {
                    progress.end();
                    throw ServiceFailure.of(processes, List.copyOf(pending), pending.stream()
                            .map(Service::moduleName).collect(Collectors.joining(", ")) + " did not become ready within "
                            + config.readyTimeout().toSeconds() + " s (GET /q/health/ready)");
                }
                if (!pending.isEmpty()) {
                    sleep(Duration.ofMillis(500));
                }
            }
        } finally {
            progress.end();
        }
        out.println((services.size() == 1 ? services.get(0).moduleName() + " is" : "All " + services.size()
                + " services are") + " ready (" + Display.seconds(Duration.between(begin, Instant.now())) + ").");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for the services");
        }
    }
}
