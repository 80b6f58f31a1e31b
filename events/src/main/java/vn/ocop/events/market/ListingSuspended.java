package vn.ocop.events.market;

import java.time.Instant;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/** A listing lost its right to show the OCOP mark because the product's certificate was revoked or expired. */
public record ListingSuspended(
        UUID listingId,
        UUID productId,
        UUID certificateId,
        UUID channelId,
        UUID pointOfSaleId,
        String reason,
        Instant suspendedAt) implements IntegrationEvent {

    public ListingSuspended {
        Require.present(listingId, "listingId");
        Require.present(productId, "productId");
        Require.present(certificateId, "certificateId");
        Require.present(reason, "reason");
        Require.present(suspendedAt, "suspendedAt");
    }

    @Override
    public String aggregateKey() {
        return productId.toString();
    }

    @Override
    public String subject() {
        return "listing/" + listingId;
    }
}
