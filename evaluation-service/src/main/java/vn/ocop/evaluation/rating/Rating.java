package vn.ocop.evaluation.rating;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A council's result for one product.
 *
 * @param averageScore   the members' average total ("tổng điểm trung bình"), truncated to 2 decimals so it never
 *                       shows a higher band than the exact average has
 * @param band           stars of the band the average falls in
 * @param mandatoryLevel highest level whose marked minima the council counts as met (0 when knocked out)
 * @param stars          min(band, mandatoryLevel); 1 when knocked out
 * @param unmetMinima    the minima of the level above {@code mandatoryLevel} that the council did not count as met
 */
public record Rating(BigDecimal averageScore, int band, int mandatoryLevel, int stars, Outcome outcome,
                     Set<String> upheldKnockOuts, List<MissingMinimum> unmetMinima, int sheetCount) {

    public boolean certifiable() {
        return outcome == Outcome.CERTIFIABLE;
    }
}
