package vn.ocop.market.listing;

import java.util.UUID;

import vn.ocop.market.channel.SalesChannel;
import vn.ocop.market.pointofsale.PointOfSale;
import vn.ocop.market.webhook.NotificationEndpoint;

/** Where a listing is offered: its kind (for the delivery log) and notification endpoint. */
final class Outlets {
    private Outlets() {
    }

    static String kind(Listing l) {
        return l.channelId != null ? "CHANNEL" : "POINT_OF_SALE";
    }

    static NotificationEndpoint endpoint(Listing l) {
        if (l.channelId != null) {
            SalesChannel c = SalesChannel.findById(l.channelId);
            return c == null ? null : c.endpoint;
        }
        PointOfSale p = PointOfSale.findById(l.pointOfSaleId);
        return p == null ? null : p.endpoint;
    }

    static UUID id(Listing l) {
        return l.outletId();
    }
}
