package vn.ocop.evaluation.rating;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The decision a criteria set comes from and the days it is in force (legal dates, Asia/Ho_Chi_Minh).
 *
 * @param decision      the instrument, e.g. {@code 26/2026/QĐ-TTg} (quyết định)
 * @param effectiveFrom first day in force
 * @param effectiveTo   last day in force, or null while no later decision replaces it
 */
public record LegalBasis(String decision, LocalDate effectiveFrom, @Schema(nullable = true) LocalDate effectiveTo) {

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
