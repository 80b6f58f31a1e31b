package vn.ocop.monitoring.statistics;

import java.math.BigDecimal;

/**
 * The programme targets the statistics report progress against: QĐ 919/QĐ-TTg (programme 2021–2025), OCOP.md §6.
 * The 2026–2035 programme's targets are not yet known; when they are, they replace these figures.
 */
public final class ProgrammeTargets {
    public static final String SOURCE = "QĐ 919/QĐ-TTg (01/8/2022), targets for 2025";
    /** At least 10,000 products rated 3★ or more. */
    public static final BigDecimal PRODUCTS_3_STAR = BigDecimal.valueOf(10_000);
    /** 400 to 500 5★ products; progress is measured against the lower bound. */
    public static final BigDecimal PRODUCTS_5_STAR = BigDecimal.valueOf(400);
    /** At least 40% of OCOP producers are cooperatives (hợp tác xã). */
    public static final BigDecimal COOPERATIVE_SHARE = new BigDecimal("0.40");
    /** At least 30% of OCOP producers are small and medium enterprises. */
    public static final BigDecimal SME_SHARE = new BigDecimal("0.30");
    /** At least 50% of OCOP producers sell through modern channels (supermarkets, convenience stores, e-commerce). */
    public static final BigDecimal MODERN_CHANNEL_SHARE = new BigDecimal("0.50");

    private ProgrammeTargets() {
    }
}
