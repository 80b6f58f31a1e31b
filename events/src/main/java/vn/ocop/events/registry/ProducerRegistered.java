package vn.ocop.events.registry;

import java.time.Instant;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/**
 * A producer (chủ thể OCOP: cooperative, enterprise, household…) entered the programme.
 * The representative's gender and ethnic-minority flag feed the programme statistics (women- and minority-led
 * producers); nothing else personal is carried (Decree 13/2023): {@code taxCode} is null for a household or farm, whose
 * tax code is its owner's ID number. Events of before carry a representativeDisabled
 * flag too, which consumers ignore.
 */
public record ProducerRegistered(
        UUID producerId,
        String name,
        String kind,
        String taxCode,
        String provinceCode,
        String communeCode,
        String representativeGender,
        boolean representativeEthnicMinority,
        Instant registeredAt) implements IntegrationEvent {

    public ProducerRegistered {
        Require.present(producerId, "producerId");
        Require.present(name, "name");
        Require.present(kind, "kind");
        Require.present(provinceCode, "provinceCode");
        Require.present(registeredAt, "registeredAt");
    }

    @Override
    public String aggregateKey() {
        return producerId.toString();
    }

    @Override
    public String subject() {
        return "producer/" + producerId;
    }
}
