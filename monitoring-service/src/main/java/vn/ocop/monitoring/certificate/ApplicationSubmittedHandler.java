package vn.ocop.monitoring.certificate;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import vn.ocop.events.registry.ApplicationSubmitted;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;
import vn.ocop.platform.time.VietnamTime;

/**
 * Keeps the dossiers the registry accepted, so the register can tell which certificates in their re-rating window
 * have not been filed for. An upsert: the withdrawal of the same dossier may have arrived first.
 */
@ApplicationScoped
public class ApplicationSubmittedHandler implements EventHandler<ApplicationSubmitted> {
    @Inject
    EntityManager entityManager;

    @Override
    public Class<ApplicationSubmitted> eventClass() {
        return ApplicationSubmitted.class;
    }

    @Override
    public void handle(ApplicationSubmitted event, EventContext context) {
        LocalDate acceptedOn = event.acceptedAt().atZone(VietnamTime.ZONE).toLocalDate();
        entityManager.createNativeQuery("""
                insert into application (id, product_id, kind, current_certificate_number, accepted_on, updated_at)
                values (?1, ?2, ?3, ?4, ?5, now())
                on conflict (id) do update set kind = excluded.kind,
                    current_certificate_number = excluded.current_certificate_number,
                    accepted_on = excluded.accepted_on, updated_at = now()""")
                .setParameter(1, event.applicationId())
                .setParameter(2, event.productId())
                .setParameter(3, event.kind())
                .setParameter(4, event.currentCertificateNumber())
                .setParameter(5, acceptedOn)
                .executeUpdate();
    }
}
