package vn.ocop.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import vn.ocop.events.EventJson;
import vn.ocop.events.EventType;
import vn.ocop.events.IntegrationEvent;
import vn.ocop.platform.observability.TraceContext;
import vn.ocop.platform.wakeup.WakeUps;

/**
 * Records an integration event in the service's {@code outbox_event} table, inside the caller's transaction:
 * the event exists exactly when the data change commits. {@link OutboxRelay} publishes it as soon as that transaction
 * commits.
 * The current trace context (when tracing is on) is stored with it, so that the publish joins the request's trace.
 *
 * <p>A transaction that writes many records (an import batch) may {@link #defer} its events: they are then kept in
 * memory and written by {@link #flush} as one multi-row insert, which the transaction must call before it commits.
 */
@ApplicationScoped
public class Outbox {
    private static final String DEFERRED = "ocop.outbox.deferred";
    private static final int COLUMNS = 10;
    /** Rows per insert statement: PostgreSQL takes at most 65,535 parameters. */
    private static final int ROWS_PER_INSERT = 1000;

    @Inject
    EntityManager entityManager;

    @Inject
    WakeUps wakeUps;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Appends the event; must run inside the transaction that makes the change the event reports. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(IntegrationEvent event) {
        EventType type = EventType.of(event);
        UUID eventId = UUID.randomUUID();
        TraceContext trace = TraceContext.current();
        Object[] row = {eventId, type.eventName(), type.topic(), event.aggregateKey(), event.subject(),
                type.dataSchema().toString(), EventJson.write(event), Instant.now(),
                trace == null ? null : trace.traceParent(), trace == null ? null : trace.traceState()};
        List<Object[]> deferred = deferred();
        if (deferred != null) {
            deferred.add(row);
        } else {
            insert(List.<Object[]>of(row));
        }
        wakeUps.signalOnCommit(OutboxRelay.WAKEUP);
        return eventId;
    }

    /** From now on, this transaction's events wait in memory for {@link #flush} (in the order appended). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void defer() {
        if (deferred() == null) {
            transactions.putResource(DEFERRED, new ArrayList<Object[]>());
        }
    }

    /** Writes the events deferred so far, in the order appended, with one insert per thousand. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flush() {
        List<Object[]> deferred = deferred();
        if (deferred == null || deferred.isEmpty()) {
            return;
        }
        for (int from = 0; from < deferred.size(); from += ROWS_PER_INSERT) {
            insert(deferred.subList(from, Math.min(deferred.size(), from + ROWS_PER_INSERT)));
        }
        deferred.clear();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> deferred() {
        return (List<Object[]>) transactions.getResource(DEFERRED);
    }

    private void insert(List<Object[]> rows) {
        StringBuilder sql = new StringBuilder("insert into outbox_event (event_id, event_type, topic, message_key, subject,"
                + " data_schema, payload, occurred_at, trace_parent, trace_state) values ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "(" : ", (");
            for (int c = 1; c <= COLUMNS; c++) {
                sql.append(c == 1 ? "?" : ", ?").append(i * COLUMNS + c);
            }
            sql.append(')');
        }
        NativeQuery<?> insert = entityManager.createNativeQuery(sql.toString()).unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("outbox_event"); // invalidates that table only, not the whole second-level cache
        int p = 1;
        for (Object[] row : rows) {
            for (int c = 0; c < COLUMNS; c++) {
                // typed, because PostgreSQL cannot infer the type of an untyped null
                if (row[c] == null) {
                    insert.setParameter(p++, null, String.class);
                } else {
                    insert.setParameter(p++, row[c]);
                }
            }
        }
        insert.executeUpdate();
    }
}
