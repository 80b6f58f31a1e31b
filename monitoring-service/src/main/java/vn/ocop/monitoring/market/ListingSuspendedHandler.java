package vn.ocop.monitoring.market;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.events.market.ListingSuspended;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** A suspended listing no longer counts towards the modern-channel target. */
@ApplicationScoped
public class ListingSuspendedHandler implements EventHandler<ListingSuspended> {

    @Inject
    ListingStatuses statuses;

    @Override
    public Class<ListingSuspended> eventClass() {
        return ListingSuspended.class;
    }

    @Override
    public void handle(ListingSuspended event, EventContext context) {
        statuses.change(event.listingId(), event.productId(), "SUSPENDED", event.suspendedAt());
    }
}
