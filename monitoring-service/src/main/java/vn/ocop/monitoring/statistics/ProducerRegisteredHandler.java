package vn.ocop.monitoring.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.events.registry.ProducerRegistered;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** Counts a new producer, and whether a woman or an ethnic-minority person represents it (programme statistics). */
@ApplicationScoped
public class ProducerRegisteredHandler implements EventHandler<ProducerRegistered> {

    @Inject
    RegistrationStatistics statistics;

    @Override
    public Class<ProducerRegistered> eventClass() {
        return ProducerRegistered.class;
    }

    @Override
    public void handle(ProducerRegistered event, EventContext context) {
        statistics.countProducer(event.provinceCode(), event.registeredAt(),
                "FEMALE".equals(event.representativeGender()), event.representativeEthnicMinority());
    }
}
