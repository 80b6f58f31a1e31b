package vn.ocop.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    WakeUps wakeUps;

    /** Appends the event; must run inside the transaction that makes the change the event reports. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(IntegrationEvent event) {
        EventType type = EventType.of(event);
        UUID eventId = UUID.randomUUID();
        TraceContext trace = TraceContext.current();
        entityManager.createNativeQuery("""
                insert into outbox_event (event_id, event_type, topic, message_key, subject, data_schema, payload, occurred_at,
                                          trace_parent, trace_state)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .unwrap(NativeQuery.class)
                .setParameter(1, eventId)
                .setParameter(2, type.eventName())
                .setParameter(3, type.topic())
                .setParameter(4, event.aggregateKey())
                .setParameter(5, event.subject())
                .setParameter(6, type.dataSchema().toString())
                .setParameter(7, EventJson.write(event))
                .setParameter(8, Instant.now())
                // typed, because PostgreSQL cannot infer the type of an untyped null
                .setParameter(9, trace == null ? null : trace.traceParent(), String.class)
                .setParameter(10, trace == null ? null : trace.traceState(), String.class)
                .executeUpdate();
        wakeUps.signalOnCommit(OutboxRelay.WAKEUP);
        return eventId;
    }
}
