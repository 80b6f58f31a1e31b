package vn.ocop.monitoring.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import vn.ocop.events.registry.ApplicationWithdrawn;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** A withdrawn dossier no longer counts as a re-rating filing; it may arrive before its submission (upsert). */
@ApplicationScoped
public class ApplicationWithdrawnHandler implements EventHandler<ApplicationWithdrawn> {
    @Inject
    EntityManager entityManager;

    @Override
    public Class<ApplicationWithdrawn> eventClass() {
        return ApplicationWithdrawn.class;
    }

    @Override
    public void handle(ApplicationWithdrawn event, EventContext context) {
        entityManager.createNativeQuery("""
                insert into application (id, product_id, withdrawn, updated_at) values (?1, ?2, true, now())
                on conflict (id) do update set withdrawn = true, updated_at = now()""")
                .setParameter(1, event.applicationId())
                .setParameter(2, event.productId())
                .executeUpdate();
    }
}
