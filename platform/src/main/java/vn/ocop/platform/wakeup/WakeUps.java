package vn.ocop.platform.wakeup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Wakes background workers (the outbox relay, the webhook sender) as soon as a transaction that gave them work commits,
 * instead of letting the work wait for the next poll (the Quarkus scheduler cannot tick faster than once a second).
 *
 * <p>Two paths, both needed: {@link #signalOnCommit} registers a JTA synchronization that wakes this JVM's worker after
 * the commit; and a database trigger on the work table sends {@code NOTIFY ocop_wakeup, '<worker>'}, which PostgreSQL
 * delivers at commit to every replica's {@link WakeUpListener}, so that the replica holding the advisory lock or the
 * rows runs too. A slow poll in each worker remains the safety net (missed notifications, retries that fall due).
 */
@ApplicationScoped
public class WakeUps {

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final Map<String, Worker> workers = new ConcurrentHashMap<>();

    /** Creates (once) the worker of this name; {@code work} runs on the worker's own thread, never concurrently. */
    public Worker register(String name, Runnable work) {
        return workers.computeIfAbsent(name, n -> new Worker(n, work));
    }

    /** Wakes the named worker after the current transaction commits (once per transaction, nothing on rollback). */
    public void signalOnCommit(String name) {
        String key = "ocop.wakeup." + name;
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to prepare: the signal only matters once the rows are visible
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake(name);
                }
            }
        });
    }

    /** Wakes the named worker now, if this JVM has one (an unknown name comes from another service's table). */
    public void wake(String name) {
        Worker worker = workers.get(name);
        if (worker != null) {
            worker.wake();
        }
    }

    /** Wakes every worker (after notifications may have been missed). */
    public void wakeAll() {
        workers.values().forEach(Worker::wake);
    }

    void stopAll(@Observes ShutdownEvent event) {
        workers.values().forEach(Worker::stop);
        workers.clear();
    }
}
