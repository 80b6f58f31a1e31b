package vn.ocop.evaluation.rating;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One checkbox (□) of a criterion with its fixed points.
 *
 * @param minimumFor null, or 3, 4 or 5 when the sheet marks this option {@code ***}, {@code ****} or {@code *****}:
 *                   the minimum a product must reach on this criterion to be rated that many stars
 */
public record CriterionOption(String code, String text, BigDecimal points, @Schema(nullable = true) Integer minimumFor) {
}
