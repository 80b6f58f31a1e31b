package vn.ocop.evaluation.rating;

import java.math.BigDecimal;

/**
 * How many of a council's sheets must meet a marked minimum (or uphold a knock-out ground) for the council to count it.
 * OCOP.md leaves this to each council's regulation (UNCONFIRMED), so it is configuration; the default is a strict majority.
 *
 * @param share           the share of sheets, 0–1
 * @param strictlyGreater true: more than {@code share}; false: at least {@code share}
 */
public record MandatoryAgreement(BigDecimal share, boolean strictlyGreater) {

    public static MandatoryAgreement majority() {
        return new MandatoryAgreement(new BigDecimal("0.5"), true);
    }

    public static MandatoryAgreement unanimous() {
        return new MandatoryAgreement(BigDecimal.ONE, false);
    }

    public MandatoryAgreement {
        if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("share must be between 0 and 1");
        }
    }

    /** Whether {@code agreeing} of {@code total} sheets are enough; compared as integers, no rounding. */
    public boolean reached(int agreeing, int total) {
        if (total == 0) {
            return false;
        }
        int cmp = BigDecimal.valueOf(agreeing).compareTo(share.multiply(BigDecimal.valueOf(total)));
        return strictlyGreater ? cmp > 0 : cmp >= 0;
    }
}
