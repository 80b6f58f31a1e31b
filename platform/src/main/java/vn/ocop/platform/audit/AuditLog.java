package vn.ocop.platform.audit;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import vn.ocop.platform.security.Actor;
import vn.ocop.platform.security.CurrentUser;

/**
 * Writes the audit trail: one row per state change, in the transaction of the change. A transaction that writes many
 * records (an import batch) may {@link #defer} its rows: they are then written by {@link #flush} as multi-row inserts,
 * which the transaction must call before it commits.
 */
@ApplicationScoped
public class AuditLog {
    private static final String DEFERRED = "ocop.audit.deferred";
    /** Rows per insert statement: PostgreSQL takes at most 65,535 parameters. */
    private static final int ROWS_PER_INSERT = 1000;

    /** One audit row; {@code reason} null where the service's table has no reason column. */
    private record Entry(String actor, String roles, String action, String entityType, String entityId,
                         String before, String after, String reason) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * @param before the state before the change (a DTO), or null on creation
     * @param after  the state after the change, or null on deletion
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        String actor = "system";
        String roles = null;
        // Event handlers run outside any HTTP request: their changes are the system's.
        if (Arc.container().requestContext().isActive()) {
            CurrentUser user = Arc.container().instance(CurrentUser.class).get();
            actor = user.actor();
            roles = String.join(",", user.roles());
        }
        write(new Entry(actor, roles, action, entityType, String.valueOf(entityId), toJson(before), toJson(after), null));
    }

    /**
     * A change made by a known actor (also outside a request, e.g. a bulk import job), with the reason they gave.
     * The {@code reason} column exists where a service's migrations add it (registry V12); pass null elsewhere.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, String entityType, Object entityId, Object before, Object after, String reason) {
        write(new Entry(actor.name(), actor.rolesText(), action, entityType, String.valueOf(entityId), toJson(before),
                toJson(after), reason));
    }

    /** From now on, this transaction's audit rows wait in memory for {@link #flush} (in the order recorded). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void defer() {
        if (deferred() == null) {
            transactions.putResource(DEFERRED, new ArrayList<Entry>());
        }
    }

    /** Writes the rows deferred so far in the order recorded: one insert per run of rows with or without a reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flush() {
        List<Entry> deferred = deferred();
        if (deferred == null || deferred.isEmpty()) {
            return;
        }
        int from = 0;
        for (int i = 1; i <= deferred.size(); i++) {
            if (i == deferred.size() || i - from == ROWS_PER_INSERT
                    || (deferred.get(i).reason() == null) != (deferred.get(from).reason() == null)) {
                insert(deferred.subList(from, i));
                from = i;
            }
        }
        deferred.clear();
    }

    private void write(Entry entry) {
        List<Entry> deferred = deferred();
        if (deferred != null) {
            deferred.add(entry);
        } else {
            insert(List.of(entry));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Entry> deferred() {
        return (List<Entry>) transactions.getResource(DEFERRED);
    }

    /** Inserts rows that all have a reason or all have none. */
    private void insert(List<Entry> entries) {
        boolean withReason = entries.get(0).reason() != null;
        int columns = withReason ? 8 : 7;
        StringBuilder sql = new StringBuilder("insert into audit_entry (actor, actor_roles, action, entity_type, entity_id,"
                + " before_state, after_state" + (withReason ? ", reason" : "") + ") values ");
        for (int i = 0; i < entries.size(); i++) {
            int p = i * columns;
            sql.append(i == 0 ? "" : ", ").append("(?%d, ?%d, ?%d, ?%d, ?%d, cast(?%d as jsonb), cast(?%d as jsonb)"
                    .formatted(p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7)).append(withReason ? ", ?" + (p + 8) : "").append(')');
        }
        NativeQuery<?> insert = entityManager.createNativeQuery(sql.toString()).unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("audit_entry"); // invalidates that table only, not the whole second-level cache
        int p = 1;
        for (Entry e : entries) {
            insert.setParameter(p++, e.actor()).setParameter(p++, e.roles(), String.class).setParameter(p++, e.action())
                    .setParameter(p++, e.entityType()).setParameter(p++, e.entityId())
                    .setParameter(p++, e.before(), String.class).setParameter(p++, e.after(), String.class);
            if (withReason) {
                insert.setParameter(p++, e.reason());
            }
        }
        insert.executeUpdate();
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit state is not serialisable", e);
        }
    }
}
