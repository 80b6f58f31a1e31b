package vn.ocop.monitoring.market;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import vn.ocop.events.market.ListingCreated;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/**
 * A listing's producer and outlet. Its status is left alone when a later suspension or reinstatement was seen first
 * (events can arrive out of order after a rebuild or across partitions). The producer and province are the product's
 * as this service knows them when it does (a correction may be newer than what the market saw when it listed the
 * product); {@link ListingsFollowProduct} keeps them so afterwards.
 */
@ApplicationScoped
public class ListingCreatedHandler implements EventHandler<ListingCreated> {

    @Inject
    EntityManager entityManager;

    @Override
    public Class<ListingCreated> eventClass() {
        return ListingCreated.class;
    }

    @Override
    public void handle(ListingCreated event, EventContext context) {
        entityManager.createNativeQuery("""
                insert into listing (id, product_id, producer_id, province_code, channel_id, point_of_sale_id, outlet_kind,
                                     modern_channel, created, status, status_at, updated_at)
                values (?1, ?2, coalesce((select p.producer_id from product p where p.id = ?2), ?3),
                        coalesce((select p.province_code from product p where p.id = ?2), ?4), ?5, ?6, ?7, ?8, true, 'ACTIVE', ?9, now())
                on conflict (id) do update set producer_id = excluded.producer_id, province_code = excluded.province_code,
                    channel_id = excluded.channel_id, point_of_sale_id = excluded.point_of_sale_id,
                    outlet_kind = excluded.outlet_kind, modern_channel = excluded.modern_channel, created = true,
                    status = case when listing.status_at < excluded.status_at then excluded.status else listing.status end,
                    status_at = greatest(listing.status_at, excluded.status_at), updated_at = now()""")
                .setParameter(1, event.listingId())
                .setParameter(2, event.productId())
                .setParameter(3, event.producerId())
                .setParameter(4, event.provinceCode())
                .setParameter(5, event.channelId())
                .setParameter(6, event.pointOfSaleId())
                .setParameter(7, event.outletKind())
                .setParameter(8, event.modernChannel())
                .setParameter(9, event.createdAt())
                .executeUpdate();
    }
}
