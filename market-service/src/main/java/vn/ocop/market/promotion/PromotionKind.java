package vn.ocop.market.promotion;

/** Trade promotion events for OCOP products. */
public enum PromotionKind {
    /** Hội chợ: a fair at a physical place. */
    FAIR,
    /** Tuần lễ OCOP: a week of OCOP products in a province or city. */
    OCOP_WEEK,
    /** Chợ phiên OCOP: a livestream sale on a platform. */
    LIVESTREAM
}
