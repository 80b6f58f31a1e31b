package vn.ocop.monitoring.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.events.registry.ProducerRegistered;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/**
 * Keeps the producer (chủ thể) read model for the programme statistics (kind, women- and ethnic-minority-led) and
 * counts the registration by month. The same producer announced again under another event id counts once; when a
 * correction arrived first, its newer state stays and the registration only adds the date (and the count).
 */
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
        Producer producer = Producer.findById(event.producerId());
        if (producer != null) {
            if (producer.registeredAt == null) {
                producer.registeredAt = event.registeredAt();
                statistics.countProducer(producer, 1);
            }
            return;
        }
        producer = new Producer();
        producer.id = event.producerId();
        producer.kind = event.kind();
        producer.provinceCode = event.provinceCode();
        producer.womanLed = Producer.womanLed(event.representativeGender());
        producer.ethnicMinorityLed = event.representativeEthnicMinority();
        producer.registeredAt = event.registeredAt();
        producer.version = 0;
        producer.persist();
        statistics.countProducer(producer, 1);
    }
}
