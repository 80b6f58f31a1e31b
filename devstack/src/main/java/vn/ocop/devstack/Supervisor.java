package vn.ocop.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Watches a running stack's children (broker, services, identity provider) and restarts one that died, saying so.
 * Restarts back off (1 s, 2 s, 4 s, ... up to a limit); a child that keeps dying soon after each restart is given up
 * after {@link Policy#maxRestarts()} attempts, with a message saying so, while the rest keeps running.
 */
final class Supervisor {

    /**
     * How to supervise: how often to look, the first and longest wait before a restart, how many restarts in a row
     * before giving up, and how long a restarted child must stay up for its count to start again.
     */
    record Policy(Duration pollInterval, Duration firstDelay, Duration maxDelay, int maxRestarts, Duration stableAfter) {
        static Policy defaults() {
            return new Policy(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30), 5,
                    Duration.ofMinutes(2));
        }

        /** The wait before the n-th restart in a row (1-based). */
        Duration delay(int attempt) {
            long millis = firstDelay.toMillis() << Math.min(attempt - 1, 20);
            return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
        }
    }

    /** A child's restarts in a row and when it was last restarted. */
    private static final class Record {
        int restarts;
        Instant lastRestart = Instant.EPOCH;
        boolean gaveUp;
    }

    private final Stack stack;
    private final Policy policy;
    private final PrintStream out;
    private final Map<String, Record> records = new HashMap<>();
    private final Thread thread;
    private volatile boolean stopped;

    Supervisor(Stack stack, Policy policy, PrintStream out) {
        this.stack = stack;
        this.policy = policy;
        this.out = out;
        this.thread = new Thread(this::run, "ocop-stack-supervisor");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops watching (the stack is closing). Does not wait for a restart in progress: it sees the stack closing. */
    void stop() {
        stopped = true;
        thread.interrupt();
    }

    private void run() {
        while (!stopped && !stack.isClosing()) {
            if (!sleep(policy.pollInterval())) {
                return;
            }
            for (Stack.DeadChild dead : stack.deadChildren()) {
                if (stopped || stack.isClosing()) {
                    return;
                }
                handle(dead);
            }
        }
    }

    private void handle(Stack.DeadChild dead) {
        Record record = records.computeIfAbsent(dead.name(), k -> new Record());
        if (record.gaveUp) {
            return;
        }
        boolean stableSinceLastRestart = Duration.between(record.lastRestart, Instant.now())
                .compareTo(policy.stableAfter()) >= 0;
        record.restarts = stableSinceLastRestart ? 1 : record.restarts + 1;
        if (record.restarts > policy.maxRestarts()) {
            record.gaveUp = true;
            out.println("Supervisor: " + dead.name() + " died again (" + dead.how() + "); giving up after "
                    + policy.maxRestarts() + " restarts in a row. See " + dead.log() + "; the rest keeps running"
                    + " (Ctrl-C and ./ocop up to start again).");
            return;
        }
        Duration delay = policy.delay(record.restarts);
        out.println("Supervisor: " + dead.name() + " died (" + dead.how() + "); restarting in "
                + Display.seconds(delay) + " (attempt " + record.restarts + " of " + policy.maxRestarts() + ").");
        if (!sleep(delay) || stack.isClosing()) {
            return;
        }
        record.lastRestart = Instant.now();
        try {
            stack.restartChild(dead.name());
            out.println("Supervisor: " + dead.name() + " restarted and ready.");
        } catch (StackException | IllegalStateException e) {
            if (!stack.isClosing()) {
                out.println("Supervisor: restarting " + dead.name() + " failed: " + e.getMessage().lines().findFirst()
                        .orElse(""));
            }
        }
    }

    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
