package vn.ocop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes ({@code sleep}) stand in for the launcher and the services. */
class PidFileTest {
    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    private Process sleeper() throws Exception {
        Process p = new ProcessBuilder("sleep", "120").start();
        started.add(p);
        return p;
    }

    @Test
    void roundTripsEntries() throws Exception {
        PidFile file = new PidFile(work.resolve("pids"));
        Process p = sleeper();
        file.write(List.of(PidFile.Entry.of(PidFile.LAUNCHER, ProcessHandle.current()),
                PidFile.Entry.of("registry-service", p.toHandle())));

        List<PidFile.Entry> read = file.read();
        assertThat(read).extracting(PidFile.Entry::name).containsExactly("launcher", "registry-service");
        assertThat(read.get(1).pid()).isEqualTo(p.pid());
        assertThat(read.get(1).live()).isPresent();
        assertThat(file.liveLauncher()).map(ProcessHandle::pid).contains(ProcessHandle.current().pid());
    }

    @Test
    void downWithoutAPidFileSaysNothingRuns() {
        PidFile file = new PidFile(work.resolve("pids"));
        assertThat(file.stopAll(Duration.ofSeconds(5), out)).isEmpty();
        assertThat(file.path()).doesNotExist();
    }

    @Test
    void downStopsALiveLauncherAndWhatItLeftBehind() throws Exception {
        Process launcher = sleeper();
        Process service = sleeper();
        PidFile file = new PidFile(work.resolve("pids"));
        file.write(List.of(PidFile.Entry.of(PidFile.LAUNCHER, launcher.toHandle()),
                PidFile.Entry.of("market-service", service.toHandle())));

        List<String> stopped = file.stopAll(Duration.ofSeconds(10), out);

        assertThat(stopped).containsExactly("launcher", "market-service");
        assertThat(launcher.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(service.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(file.path()).doesNotExist();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("pid " + launcher.pid());
    }

    @Test
    void leftoversOfAKilledLauncherAreStoppedAndTheDeadLauncherIsIgnored() throws Exception {
        Process deadLauncher = new ProcessBuilder("true").start();
        PidFile.Entry launcherEntry = PidFile.Entry.of(PidFile.LAUNCHER, deadLauncher.toHandle());
        deadLauncher.waitFor();
        Process service = sleeper();
        PidFile file = new PidFile(work.resolve("pids"));
        file.write(List.of(launcherEntry, PidFile.Entry.of("registry-service", service.toHandle())));

        assertThat(file.liveLauncher()).isEmpty();
        assertThat(file.liveChildren()).extracting(PidFile.Entry::name).containsExactly("registry-service");
        assertThat(file.stopAll(Duration.ofSeconds(5), out)).containsExactly("registry-service");
        assertThat(service.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aReusedPidIsNeverSignalled() throws Exception {
        Process unrelated = sleeper();
        PidFile file = new PidFile(work.resolve("pids"));
        // Same pid, but the recorded process started at another time: it is not the one we launched.
        long otherStart = unrelated.info().startInstant().orElseThrow().toEpochMilli() - 3_600_000;
        file.write(List.of(new PidFile.Entry("evaluation-service", unrelated.pid(), otherStart)));

        assertThat(file.stopAll(Duration.ofSeconds(5), out)).isEmpty();
        assertThat(unrelated.isAlive()).isTrue();
    }
}
