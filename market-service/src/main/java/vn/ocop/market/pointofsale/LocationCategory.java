package vn.ocop.market.pointofsale;

/** Where a point of introduction and sale of OCOP products (điểm giới thiệu và bán sản phẩm OCOP) stands. */
public enum LocationCategory {
    TRANSPORT_TERMINAL, HIGHWAY_REST_STOP, MALL_SUPERMARKET_MARKET, TOURIST_SITE, CRAFT_VILLAGE, COMMERCIAL_CENTRE,
    FAIR_CENTRE, POST_OFFICE;

    /** Supermarkets and malls count as modern channels for the programme's 50% target (OCOP.md §6). */
    public boolean modern() {
        return this == MALL_SUPERMARKET_MARKET;
    }
}
