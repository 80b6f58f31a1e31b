package vn.ocop.evaluation.criteria;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A criteria set version in lists (without its criteria tree). */
@Schema(name = "CriteriaSetSummary")
public record CriteriaSetSummary(
        @Schema(example = "QD26-2026-S01") String id,
        String title,
        @Schema(example = "1") int productSet,
        @Schema(example = "26/2026/QĐ-TTg") String decision,
        @Schema(example = "2026-05-22") LocalDate effectiveFrom,
        @Schema(nullable = true) LocalDate effectiveTo,
        Instant publishedAt) {

    static CriteriaSetSummary of(CriteriaSetVersion v) {
        return new CriteriaSetSummary(v.id, v.title, v.productSet, v.decision, v.effectiveFrom, v.effectiveTo, v.publishedAt);
    }
}
