package vn.ocop.evaluation.rating;

import java.math.BigDecimal;

/** A score band: an average of at least {@code minScore} (and below the next band's minimum) gives {@code stars}. */
public record StarBand(int stars, BigDecimal minScore) {
}
