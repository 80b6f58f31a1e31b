package vn.ocop.events.market;

import java.time.Instant;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/**
 * A certified product was listed on a sales channel or at a point of sale (exactly one of the two).
 * {@code modernChannel} says whether the outlet is a modern channel (kênh phân phối hiện đại: e-commerce platform,
 * supermarket or convenience-store chain, or a point of sale in a mall/supermarket), which the programme's
 * "≥ 50% of producers in modern channels" target counts (OCOP.md §6).
 */
public record ListingCreated(
        UUID listingId,
        UUID productId,
        UUID producerId,
        String provinceCode,
        UUID certificateId,
        UUID channelId,
        UUID pointOfSaleId,
        String outletKind,
        boolean modernChannel,
        Instant createdAt) implements IntegrationEvent {

    public ListingCreated {
        Require.present(listingId, "listingId");
        Require.present(productId, "productId");
        Require.present(producerId, "producerId");
        Require.present(provinceCode, "provinceCode");
        Require.present(certificateId, "certificateId");
        Require.present(outletKind, "outletKind");
        Require.present(createdAt, "createdAt");
        if ((channelId == null) == (pointOfSaleId == null)) {
            throw new IllegalArgumentException("exactly one of channelId and pointOfSaleId must be given");
        }
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
