package vn.ocop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a running stack leaves in its work dir for other commands: the pid file (what {@code ./ocop down} stops) and
 * the state file (the addresses {@code ./ocop status} shows, possibly from another terminal).
 */
final class StackState {
    /** Written next to the pid file while the stack runs. */
    static final String FILE = "stack.properties";
    /** Name of Keycloak in the pid file and key of its address in the state file. */
    static final String KEYCLOAK = "keycloak";

    /** The running parts of a stack, as recorded. */
    record Snapshot(PostgresServer postgres, ProcessHandle broker, String kafkaBootstrap,
            ProcessHandle keycloak, String keycloakUrl, Map<Service, ProcessHandle> services,
            Map<Service, String> baseUrls) {
    }

    private final StackConfig config;
    private final PidFile pidFile;

    StackState(StackConfig config, PidFile pidFile) {
        this.config = config;
        this.pidFile = pidFile;
    }

    void record(Snapshot snapshot) {
        List<PidFile.Entry> entries = new ArrayList<>();
        entries.add(PidFile.Entry.of(PidFile.LAUNCHER, ProcessHandle.current()));
        if (snapshot.postgres() instanceof EmbeddedPostgresServer embedded) {
            embedded.pid().ifPresent(pid -> ProcessHandle.of(pid)
                    .ifPresent(p -> entries.add(PidFile.Entry.of(PidFile.POSTGRES, p))));
        }
        if (snapshot.broker() != null) {
            entries.add(PidFile.Entry.of("kafka", snapshot.broker()));
        }
        if (snapshot.keycloak() != null) {
            entries.add(PidFile.Entry.of(KEYCLOAK, snapshot.keycloak()));
        }
        snapshot.services().forEach((s, p) -> entries.add(PidFile.Entry.of(s.moduleName(), p)));
        pidFile.write(entries);
        writeAddresses(snapshot);
    }

    /** Whether this JVM is the launcher the pid file names (and so may delete it). */
    boolean ownedByThisJvm() {
        return pidFile.read().stream().anyMatch(e -> e.name().equals(PidFile.LAUNCHER)
                && e.pid() == ProcessHandle.current().pid());
    }

    void delete() {
        pidFile.delete();
        StackFiles.deleteQuietly(config.workDir().resolve(FILE));
    }

    private void writeAddresses(Snapshot snapshot) {
        Properties state = new Properties();
        if (snapshot.kafkaBootstrap() != null) {
            state.setProperty("kafka", snapshot.kafkaBootstrap());
        }
        if (snapshot.postgres() != null) {
            state.setProperty("postgres", snapshot.postgres().describe());
            state.setProperty("postgres.address", snapshot.postgres().address());
        }
        if (snapshot.keycloakUrl() != null) {
            state.setProperty(KEYCLOAK, snapshot.keycloakUrl());
        }
        snapshot.baseUrls().forEach((s, url) -> state.setProperty("service." + s.shortName(), url));
        Path file = config.workDir().resolve(FILE);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            state.store(w, "addresses of the running OCOP stack");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
