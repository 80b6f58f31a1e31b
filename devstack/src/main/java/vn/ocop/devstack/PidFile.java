package vn.ocop.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes a stack started, recorded in {@code <workdir>/pids} so that {@code ./ocop down} in another terminal
 * can stop them, and so that a stack can clean up after a launcher that was killed without running its hooks.
 *
 * <p>One line per process: {@code <name> <pid> <start-epoch-millis>}. The start time guards against pid reuse: a
 * recorded pid whose current process started at another time is someone else's and is never signalled.
 */
public final class PidFile {
    /** The entry of the JVM that runs the stack; stopping it lets its shutdown hook stop the rest in order. */
    public static final String LAUNCHER = "launcher";
    /** The entry of the embedded postmaster, which wants SIGINT (fast shutdown) rather than SIGTERM. */
    public static final String POSTGRES = "postgres";

    private static final long START_TIME_TOLERANCE_MILLIS = 2_000;
    private static final Duration CHILD_STOP_WAIT = Duration.ofSeconds(20);

    private final Path file;

    public PidFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** One recorded process. {@code startMillis} is 0 when the start time was unknown. */
    public record Entry(String name, long pid, long startMillis) {
        public static Entry of(String name, ProcessHandle process) {
            long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            return new Entry(name, process.pid(), start);
        }

        /** The process if it still runs and is the one recorded (same start time). */
        public Optional<ProcessHandle> live() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> {
                if (startMillis == 0) {
                    return true;
                }
                Optional<Instant> started = p.info().startInstant();
                return started.isEmpty()
                        || Math.abs(started.get().toEpochMilli() - startMillis) <= START_TIME_TOLERANCE_MILLIS;
            });
        }

        String line() {
            return name + " " + pid + " " + startMillis;
        }
    }

    /** Replaces the file with these entries, atomically so that a reader never sees half of it. */
    public void write(List<Entry> entries) {
        StringBuilder text = new StringBuilder("# processes of an OCOP stack: name pid start-epoch-millis\n");
        for (Entry e : entries) {
            text.append(e.line()).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The recorded entries; empty if there is no file. Malformed lines are skipped. */
    public List<Entry> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+");
            if (line.isBlank() || line.startsWith("#") || parts.length != 3) {
                continue;
            }
            try {
                entries.add(new Entry(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
            } catch (NumberFormatException e) {
                // not ours to interpret
            }
        }
        return entries;
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /** The launcher recorded in the file, if it still runs. */
    public Optional<ProcessHandle> liveLauncher() {
        return read().stream().filter(e -> e.name().equals(LAUNCHER)).findFirst().flatMap(Entry::live);
    }

    /** The recorded processes that still run, launcher excluded, in the order they were recorded. */
    public List<Entry> liveChildren() {
        List<Entry> alive = new ArrayList<>();
        for (Entry e : read()) {
            if (!e.name().equals(LAUNCHER) && e.live().isPresent()) {
                alive.add(e);
            }
        }
        return alive;
    }

    /**
     * What {@code ./ocop down} does: asks a live launcher to stop (SIGTERM, so its shutdown hook stops its children
     * in order) and waits for it; then stops whatever recorded process still runs (a launcher killed with SIGKILL
     * leaves its services behind), newest first; then removes the file.
     *
     * @return the names of the processes that were running, empty if nothing was
     */
    public List<String> stopAll(Duration launcherWait, PrintStream out) {
        List<Entry> entries = read();
        if (entries.isEmpty()) {
            delete();
            return List.of();
        }
        List<String> stopped = new ArrayList<>();
        for (Entry e : entries) {
            if (e.name().equals(LAUNCHER)) {
                Optional<ProcessHandle> launcher = e.live();
                if (launcher.isPresent()) {
                    out.println("Stopping the stack launched by pid " + e.pid() + " ...");
                    stopped.add(LAUNCHER);
                    terminate(launcher.get(), launcherWait);
                }
            }
        }
        // SIGTERM to every leftover at once so that they shut down in parallel; PostgreSQL last, once its clients
        // are gone.
        List<ProcessHandle> terminating = new ArrayList<>();
        Optional<ProcessHandle> postmaster = Optional.empty();
        List<Entry> rest = new ArrayList<>(entries);
        rest.removeIf(e -> e.name().equals(LAUNCHER));
        Collections.reverse(rest);
        for (Entry e : rest) {
            Optional<ProcessHandle> p = e.live();
            if (p.isEmpty()) {
                continue;
            }
            out.println("Stopping " + e.name() + " (pid " + e.pid() + ")");
            stopped.add(e.name());
            if (e.name().equals(POSTGRES)) {
                postmaster = p;
            } else {
                p.get().destroy();
                terminating.add(p.get());
            }
        }
        terminating.forEach(p -> terminate(p, CHILD_STOP_WAIT));
        if (postmaster.isPresent()) {
            try {
                EmbeddedPostgresServer.stopPostmaster(postmaster.get());
            } catch (IOException ex) {
                out.println("  " + ex.getMessage());
            }
        }
        delete();
        return stopped;
    }

    /** SIGTERM, then SIGKILL if it is still there after the wait. */
    static void terminate(ProcessHandle p, Duration wait) {
        p.destroy();
        try {
            p.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        } catch (Exception e) {
            p.destroyForcibly();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            } catch (Exception ignored) {
                // SIGKILL was sent; there is nothing stronger to try.
            }
        }
    }
}
