package vn.ocop.platform.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Business counters on {@code /q/metrics} (certificates issued, webhooks delivered…). A count made inside a transaction
 * is added only when that transaction commits, so a rolled-back write never shows up as done.
 */
@ApplicationScoped
public class BusinessMetrics {

    @Inject
    MeterRegistry meters;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Adds one to counter {@code name} with the given tag key/value pairs, on commit (or now, outside a transaction). */
    public void countOnCommit(String name, String... tags) {
        Counter counter = meters.counter(name, tags);
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            counter.increment();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }
}
