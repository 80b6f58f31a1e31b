package vn.ocop.evaluation.advice;

import java.math.BigDecimal;
import java.util.List;

import vn.ocop.evaluation.rating.MissingMinimum;
import vn.ocop.evaluation.rating.Outcome;

/**
 * What a product lacks for the next star (nâng hạng, upgrade).
 *
 * @param nextStars             the star level above the current one, or null at 5★ or after a knock-out
 * @param pointsToNextBand      how far the average is below the next star's band (0 when the score already suffices)
 * @param missingMinima         the next level's marked minima the council did not count as met
 * @param needsCentralCouncil   true when the next star is 5★, which only the central council recognises
 */
public record UpgradeAdvice(String criteriaSetId, BigDecimal averageScore, int band, int mandatoryLevel, int stars, Outcome outcome,
                            Integer nextStars, BigDecimal pointsToNextBand, List<MissingMinimum> missingMinima,
                            boolean needsCentralCouncil) {
}
