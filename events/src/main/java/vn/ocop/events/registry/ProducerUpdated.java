package vn.ocop.events.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/**
 * A registered producer was corrected. Carries the producer's whole new state; {@code version} is the registry row's
 * version after the change ({@link ProducerRegistered} is version 0), so a consumer ignores an older version that
 * arrives after a newer one. {@code changed} names the fields that changed (API field names); {@code reason} is the
 * officer's stated reason where the change needed one (a tax code or an area), else null. Like
 * {@link ProducerRegistered}, it carries of the representative only what the statistics count.
 */
public record ProducerUpdated(
        UUID producerId,
        String name,
        String kind,
        String taxCode,
        String provinceCode,
        String communeCode,
        String representativeGender,
        boolean representativeEthnicMinority,
        long version,
        List<String> changed,
        String reason,
        Instant updatedAt) implements IntegrationEvent {

    public ProducerUpdated {
        Require.present(producerId, "producerId");
        Require.present(name, "name");
        Require.present(kind, "kind");
        Require.present(provinceCode, "provinceCode");
        Require.present(changed, "changed");
        Require.present(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version of an update must be 1 or more, was " + version);
        }
        changed = List.copyOf(changed);
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
