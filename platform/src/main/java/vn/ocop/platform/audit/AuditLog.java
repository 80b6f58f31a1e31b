package vn.ocop.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import vn.ocop.platform.security.Actor;
import vn.ocop.platform.security.CurrentUser;

/** Writes the audit trail: one row per state change, in the transaction of the change. */
@ApplicationScoped
public class AuditLog {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

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
        insert(actor, roles, action, entityType, entityId, before, after);
    }

    /**
     * A change made by a known actor (also outside a request, e.g. a bulk import job), with the reason they gave.
     * The {@code reason} column exists where a service's migrations add it (registry V12); pass null elsewhere.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, String entityType, Object entityId, Object before, Object after, String reason) {
        if (reason == null) {
            insert(actor.name(), actor.rolesText(), action, entityType, entityId, before, after);
            return;
        }
        entityManager.createNativeQuery("""
                insert into audit_entry (actor, actor_roles, action, entity_type, entity_id, before_state, after_state, reason)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), cast(?7 as jsonb), ?8)""")
                .setParameter(1, actor.name())
                .setParameter(2, actor.rolesText())
                .setParameter(3, action)
                .setParameter(4, entityType)
                .setParameter(5, String.valueOf(entityId))
                .setParameter(6, toJson(before))
                .setParameter(7, toJson(after))
                .setParameter(8, reason)
                .executeUpdate();
    }

    private void insert(String actor, String roles, String action, String entityType, Object entityId, Object before, Object after) {
        entityManager.createNativeQuery("""
                insert into audit_entry (actor, actor_roles, action, entity_type, entity_id, before_state, after_state)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), cast(?7 as jsonb))""")
                .setParameter(1, actor)
                .setParameter(2, roles)
                .setParameter(3, action)
                .setParameter(4, entityType)
                .setParameter(5, String.valueOf(entityId))
                .setParameter(6, toJson(before))
                .setParameter(7, toJson(after))
                .executeUpdate();
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
