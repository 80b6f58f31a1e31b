package vn.ocop.market.sales;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Totals of one group (a product, producer, province or outlet) over the requested months. */
@Schema(name = "SalesAggregate")
public record SalesAggregate(String key, long quantity, long revenueVnd, long reports) {

    /** What the totals are grouped by. */
    public enum GroupBy {
        PRODUCT("l.product_id::text"),
        PRODUCER("l.producer_id::text"),
        PROVINCE("l.province_code"),
        /** The channel or point of sale. */
        CHANNEL("coalesce(l.channel_id, l.point_of_sale_id)::text");

        final String column;

        GroupBy(String column) {
            this.column = column;
        }
    }
}
