package vn.ocop.platform.imports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.outbox.Outbox;

/**
 * Runs a service's queued imports ({@link ImportQueue}) on a few threads of its own, many rows per transaction: each
 * batch writes its rows, their results and the job's progress together, so a batch is applied whole or not at all and
 * no event leaves for a row that was not written. A row the service refuses (or that fails in the database) rolls its
 * batch back; the rows before it are written again with the refused row's result, and work goes on after it with
 * smaller batches, growing again while rows succeed. A cancel is honoured between batches. A batch's audit rows and
 * outbox events are written together at its end ({@link AuditLog#defer}, {@link Outbox#defer}): a few multi-row
 * inserts instead of two statements per row; its records are flushed once, at its end ({@link WriteBatch}), so that
 * their inserts leave as JDBC batches.
 *
 * @param <R> the service's result of one row
 */
public abstract class ImportWorker<R> {
    private static final Logger LOG = Logger.getLogger(ImportWorker.class);
    static final int MAX_BATCH = 250;

    /** A claimed job: who sent it, with which scope, how far it got, and its rows. */
    public record Job(UUID id, String scopeProvince, String submittedBy, int done, List<Rows.Row> rows) {
    }

    /** A row that failed, with where it sits in the batch. */
    private static final class RowFailure extends RuntimeException {
        final int index;
        final RuntimeException cause;

        RowFailure(int index, RuntimeException cause) {
            super(null, cause, false, false);
            this.index = index;
            this.cause = cause;
        }
    }

    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** A batch stops taking rows after this long, and may take this long to commit, even on a starved machine. */
    private static final Duration BATCH_TIME = Duration.ofSeconds(5);
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

    /** What a batch transaction wrote: how many rows (the refused one included), and whether a cancel was asked. */
    private record Written(int rows, boolean cancelled) {
    }

    private final AtomicInteger running = new AtomicInteger();
    private final ThreadLocal<Long> lastBeat = new ThreadLocal<>();
    private ExecutorService threads;

    protected abstract ImportQueue queue();

    protected abstract EntityManager entityManager();

    /** Reads the job (called in a transaction). */
    protected abstract Job load(UUID id);

    /**
     * Called in each batch transaction before its rows are applied, e.g. to look up what the batch's rows refer to in
     * one query rather than one per row; by default nothing.
     */
    protected void prepare(Job job, List<Rows.Row> batch) {
    }

    /**
     * Called in each batch transaction after its rows are applied, before they are flushed, e.g. to give back what
     * {@link #prepare} reserved for rows that did not use it; by default nothing.
     */
    protected void beforeFlush(Job job) {
    }

    /** Applies one row inside the batch transaction; throws when the row is refused, so the batch rolls back. */
    protected abstract R apply(Job job, Rows.Row row);

    /** The result of a row that threw {@code cause}: nothing of it was written. */
    protected abstract R failed(Job job, Rows.Row row, RuntimeException cause);

    /** Stores the results of a batch's rows (row numbers and results, in order) in the batch transaction. */
    protected abstract void store(Job job, List<Integer> rowNumbers, List<R> results);

    /** The outcome name of a result; the job table has a {@code <outcome>_count} column for each. */
    protected abstract String outcome(R result);

    protected int workers() {
        return 2;
    }

    protected Duration staleAfter() {
        return Duration.ofSeconds(90);
    }

    /** Releases stale jobs, then starts queued ones while a worker thread is free; call it from a scheduled method. */
    protected void poll() {
        QuarkusTransaction.requiringNew().run(() -> queue().releaseStale(entityManager(), staleAfter()));
        while (running.get() < workers()) {
            UUID id = QuarkusTransaction.requiringNew().call(() -> queue().claim(entityManager()));
            if (id == null) {
                return;
            }
            running.incrementAndGet();
            executor().execute(() -> {
                try {
                    run(id);
                } finally {
                    running.decrementAndGet();
                }
            });
        }
    }

    private synchronized ExecutorService executor() {
        if (threads == null) {
            AtomicInteger n = new AtomicInteger();
            threads = Executors.newFixedThreadPool(workers(), r -> {
                Thread t = new Thread(r, "ocop-import-" + getClass().getSimpleName() + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return threads;
    }

    /** Runs a claimed job to its end (COMPLETED, CANCELLED or FAILED). */
    protected void run(UUID id) {
        try {
            Job job = QuarkusTransaction.requiringNew().call(() -> load(id));
            lastBeat.set(System.nanoTime());
            List<Rows.Row> rows = job.rows();
            int next = Math.min(job.done(), rows.size());
            int size = MAX_BATCH;
            while (next < rows.size()) {
                int end = Math.min(rows.size(), next + size);
                List<Rows.Row> batch = rows.subList(next, end);
                boolean cancelled = false;
                try {
                    Written written = write(job, batch, null, null);
                    cancelled = written.cancelled();
                    next += written.rows();
                    size = written.rows() < batch.size() ? Math.max(1, written.rows()) : Math.min(MAX_BATCH, size * 2);
                } catch (RowFailure f) {
                    if (f.index < 0) {
                        size = 1; // failed on flush, row unknown: find it one row at a time
                        continue;
                    }
                    // The rows before the refused one were fine: write them again, with the refused row's result.
                    try {
                        Written written = write(job, batch.subList(0, f.index), batch.get(f.index), f.cause);
                        cancelled = written.cancelled();
                        next += written.rows();
                    } catch (RowFailure again) {
                        LOG.debugf("Import %s: replay before row %d failed; going on one row at a time", id, batch.get(f.index).number());
                    }
                    size = Math.max(1, f.index / 2);
                }
                if (cancelled) {
                    QuarkusTransaction.requiringNew().run(() -> queue().finish(entityManager(), id, "CANCELLED", null));
                    return;
                }
            }
            QuarkusTransaction.requiringNew().run(() -> queue().finish(entityManager(), id, "COMPLETED", null));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %s failed", id);
            QuarkusTransaction.requiringNew().run(() -> queue().finish(entityManager(), id, "FAILED",
                    "Unexpected error: " + e.getClass().getSimpleName()));
        }
    }

    /**
     * Beats for the job now and then from inside a batch, in a transaction of its own, so that a slow batch (a loaded
     * database) is not taken for a dead worker.
     */
    private void beat(Job job) {
        long now = System.nanoTime();
        Long last = lastBeat.get();
        if (last == null || now - last > HEARTBEAT.toNanos()) {
            lastBeat.set(now);
            if (last != null) {
                QuarkusTransaction.requiringNew().run(() -> queue().beat(entityManager(), job.id()));
            }
        }
    }

    /**
     * Writes {@code rows} and, when given, the {@code refused} row's failure, in one transaction, with the job's
     * progress; answers whether a cancel was asked meanwhile.
     */
    private Written write(Job job, List<Rows.Row> rows, Rows.Row refused, RuntimeException refusal) {
        long deadline = System.nanoTime() + BATCH_TIME.toNanos();
        return QuarkusTransaction.requiringNew().timeout((int) TRANSACTION_TIMEOUT.toSeconds()).call(() -> {
            Map<String, Integer> counts = new HashMap<>();
            List<Integer> numbers = new ArrayList<>();
            List<R> results = new ArrayList<>();
            AuditLog audit = Arc.container().instance(AuditLog.class).get();
            Outbox outbox = Arc.container().instance(Outbox.class).get();
            audit.defer();
            outbox.defer();
            Arc.container().instance(WriteBatch.class).get().begin();
            {
                prepare(job, rows);
                for (int i = 0; i < rows.size(); i++) {
                    if (refused == null && i > 0 && System.nanoTime() > deadline) {
                        break; // a slow database: commit what is done rather than hold the transaction long
                    }
                    beat(job);
                    try {
                        results.add(apply(job, rows.get(i)));
                    } catch (RuntimeException e) {
                        throw new RowFailure(i, e);
                    }
                    numbers.add(rows.get(i).number());
                }
                if (refused != null) {
                    results.add(failed(job, refused, refusal));
                    numbers.add(refused.number());
                }
                try {
                    beforeFlush(job);
                    entityManager().flush();
                    audit.flush();
                    outbox.flush();
                } catch (RuntimeException e) {
                    throw new RowFailure(rows.size() == 1 && refused == null ? 0 : -1, e);
                }
            }
            results.forEach(result -> counts.merge(outcome(result), 1, Integer::sum));
            store(job, numbers, results);
            int last = numbers.get(numbers.size() - 1);
            return new Written(numbers.size(), queue().progress(entityManager(), job.id(), last, counts));
        });
    }
}
