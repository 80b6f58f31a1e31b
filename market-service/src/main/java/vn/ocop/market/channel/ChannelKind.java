package vn.ocop.market.channel;

/** Modern sales channels (kênh phân phối hiện đại) the programme counts towards its 50% target (OCOP.md §6). */
public enum ChannelKind {
    /** Sàn thương mại điện tử: Postmart, Voso, Tiki, Shopee, Lazada, TikTok Shop… */
    ECOMMERCE_PLATFORM,
    /** Supermarket and convenience-store chains. */
    RETAIL_CHAIN
}
