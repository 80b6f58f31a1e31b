package vn.ocop.events.registry;

import java.time.Instant;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/** A producer withdrew a dossier; evaluation drops it from its round. */
public record ApplicationWithdrawn(
        UUID applicationId,
        UUID productId,
        String reason,
        Instant withdrawnAt) implements IntegrationEvent {

    public ApplicationWithdrawn {
        Require.present(applicationId, "applicationId");
        Require.present(productId, "productId");
        Require.present(withdrawnAt, "withdrawnAt");
    }

    @Override
    public String aggregateKey() {
        return productId.toString();
    }

    @Override
    public String subject() {
        return "application/" + applicationId;
    }
}
