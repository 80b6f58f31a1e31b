package vn.ocop.evaluation.rating;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * One member's sheet as the server scored it.
 *
 * @param chosen         criterion code → the chosen option, in sheet order
 * @param total          sum of the chosen options' points (scale 2)
 * @param partTotals     part code → points in that part
 * @param knockOuts      knock-out grounds this member found
 * @param mandatoryLevel the highest star level whose marked minima this sheet alone meets (2 when the 3★ minima fail)
 */
public record ScoredSheet(Map<String, CriterionOption> chosen, BigDecimal total, Map<String, BigDecimal> partTotals,
                          Set<String> knockOuts, int mandatoryLevel) {
}
