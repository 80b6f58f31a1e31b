package vn.ocop.evaluation.rating;

import java.math.BigDecimal;

/**
 * A marked minimum that is not met for {@code stars}: on criterion {@code criterionCode} the product must reach option
 * {@code requiredOptionCode} ({@code requiredPoints} points); {@code sheetsMeeting} of {@code sheetCount} sheets found it met.
 */
public record MissingMinimum(int stars, String criterionCode, String criterionText, String requiredOptionCode,
                             String requiredOptionText, BigDecimal requiredPoints, int sheetsMeeting, int sheetCount) {
}
