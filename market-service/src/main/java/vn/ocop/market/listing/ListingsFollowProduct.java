package vn.ocop.market.listing;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import vn.ocop.projection.product.ProductChanged;

/**
 * A product moved to another province or passed to another producer (a registry correction applied to the product
 * projection): its listings follow, so the right province is escalated to and the right producer may manage them.
 * Each listing's version moves too, so an ETag read before the move no longer matches. Names are never copied onto
 * listings: views read them from the projection.
 */
@ApplicationScoped
public class ListingsFollowProduct {

    @Inject
    Clock clock;

    void follow(@Observes ProductChanged change) {
        if (!change.movedOrTransferred()) {
            return;
        }
        List<Listing> listings = Listing.list("productId", change.after().id());
        for (Listing listing : listings) {
            listing.producerId = change.after().producerId();
            listing.provinceCode = change.after().provinceCode();
            listing.updatedAt = clock.instant();
        }
    }
}
