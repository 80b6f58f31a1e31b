package vn.ocop.events.market;

import java.time.Instant;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/** A suspended listing is back under a new certificate of the product (re-rating). */
public record ListingReinstated(
        UUID listingId,
        UUID productId,
        UUID certificateId,
        Instant reinstatedAt) implements IntegrationEvent {

    public ListingReinstated {
        Require.present(listingId, "listingId");
        Require.present(productId, "productId");
        Require.present(certificateId, "certificateId");
        Require.present(reinstatedAt, "reinstatedAt");
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
