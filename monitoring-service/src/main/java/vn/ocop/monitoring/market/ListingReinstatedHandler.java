package vn.ocop.monitoring.market;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.events.market.ListingReinstated;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** A reinstated listing counts again. */
@ApplicationScoped
public class ListingReinstatedHandler implements EventHandler<ListingReinstated> {

    @Inject
    ListingStatuses statuses;

    @Override
    public Class<ListingReinstated> eventClass() {
        return ListingReinstated.class;
    }

    @Override
    public void handle(ListingReinstated event, EventContext context) {
        statuses.change(event.listingId(), event.productId(), "ACTIVE", event.reinstatedAt());
    }
}
