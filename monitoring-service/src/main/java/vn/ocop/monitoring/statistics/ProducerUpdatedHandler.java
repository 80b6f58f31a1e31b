package vn.ocop.monitoring.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.events.registry.ProducerUpdated;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/**
 * Applies a producer correction (kind, province, representative) to the statistics' producer read model and moves its
 * registration count to what the corrected facts say. Only a version newer than the one held is applied (a late older
 * correction or a duplicate changes nothing); a correction before the registration creates the producer uncounted.
 */
@ApplicationScoped
public class ProducerUpdatedHandler implements EventHandler<ProducerUpdated> {

    @Inject
    RegistrationStatistics statistics;

    @Override
    public Class<ProducerUpdated> eventClass() {
        return ProducerUpdated.class;
    }

    @Override
    public void handle(ProducerUpdated event, EventContext context) {
        Producer producer = Producer.findById(event.producerId());
        if (producer == null) {
            producer = new Producer();
            producer.id = event.producerId();
        } else if (event.version() <= producer.version) {
            return;
        } else {
            statistics.countProducer(producer, -1);
        }
        producer.kind = event.kind();
        producer.provinceCode = event.provinceCode();
        producer.womanLed = Producer.womanLed(event.representativeGender());
        producer.ethnicMinorityLed = event.representativeEthnicMinority();
        producer.version = event.version();
        producer.persist();
        statistics.countProducer(producer, 1);
    }
}
