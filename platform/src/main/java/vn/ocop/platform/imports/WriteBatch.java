package vn.ocop.platform.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.quarkus.arc.Unremovable;

/**
 * Marks a transaction that writes many records (an import batch, {@link ImportWorker}) as flushing once, at its end,
 * rather than after each record: its inserts then leave as a few JDBC batches instead of one statement per row. A
 * service's write method that flushes a new record only to learn of a refusal early (a unique key) skips that flush in
 * such a transaction; the batch's flush then reports the refusal, and the worker finds the row one at a time.
 */
@ApplicationScoped
@Unremovable // looked up by ImportWorker, and in a service whose write methods do not inject it
public class WriteBatch {
    private static final String ACTIVE = "ocop.write-batch";

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** From now on, this transaction flushes once at its end. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void begin() {
        transactions.putResource(ACTIVE, Boolean.TRUE);
    }

    /** Whether the transaction in hand (if any) flushes once at its end, so a write method need not flush. */
    public boolean active() {
        return transactions.getTransactionKey() != null && transactions.getResource(ACTIVE) != null;
    }
}
