package vn.ocop.monitoring.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import vn.ocop.events.registry.ProducerRegistered;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/**
 * Keeps the producer (chủ thể) read model for the programme statistics (kind, women- and ethnic-minority-led) and
 * counts the registration by month. The same producer announced again under another event id counts once.
 */
@ApplicationScoped
public class ProducerRegisteredHandler implements EventHandler<ProducerRegistered> {

    @Inject
    RegistrationStatistics statistics;

    @Inject
    EntityManager entityManager;

    @Override
    public Class<ProducerRegistered> eventClass() {
        return ProducerRegistered.class;
    }

    @Override
    public void handle(ProducerRegistered event, EventContext context) {
        boolean womanLed = "FEMALE".equals(event.representativeGender());
        int inserted = entityManager.createNativeQuery("""
                insert into producer (id, kind, province_code, woman_led, ethnic_minority_led, registered_at)
                values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (id) do nothing""")
                .setParameter(1, event.producerId())
                .setParameter(2, event.kind())
                .setParameter(3, event.provinceCode())
                .setParameter(4, womanLed)
                .setParameter(5, event.representativeEthnicMinority())
                .setParameter(6, event.registeredAt())
                .executeUpdate();
        if (inserted == 1) {
            statistics.countProducer(event.provinceCode(), event.registeredAt(), womanLed, event.representativeEthnicMinority());
        }
    }
}
