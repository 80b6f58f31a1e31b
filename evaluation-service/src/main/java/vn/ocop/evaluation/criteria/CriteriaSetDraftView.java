package vn.ocop.evaluation.criteria;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A criteria set draft: what was uploaded and whether it is published; its content is previewed at {@code preview}. */
@Schema(name = "CriteriaSetDraft")
public record CriteriaSetDraftView(
        UUID id,
        @Schema(example = "QD26-2026-S02") String criteriaSetId,
        String title,
        @Schema(example = "2") int productSet,
        @Schema(example = "26/2026/QĐ-TTg") String decision,
        @Schema(example = "2026-05-22") LocalDate effectiveFrom,
        @Schema(description = "XLSX or CSV", example = "XLSX") String sourceType,
        @Schema(nullable = true, example = "bo-tieu-chi-02.xlsx") String fileName,
        @Schema(description = "SHA-256 of the uploaded file") String fileSha256,
        @Schema(description = "DRAFT, or PUBLISHED once published", enumeration = {"DRAFT", "PUBLISHED"}, example = "DRAFT") String status,
        @Schema(example = "/api/v1/criteria-set-drafts/0b6f2a0e-3c1d-4e0a-9f1e-2a7b3c4d5e6f") String preview,
        Instant createdAt,
        String createdBy,
        @Schema(nullable = true) Instant publishedAt) {

    static CriteriaSetDraftView of(CriteriaSetDraft d) {
        var set = d.criteriaSet();
        return new CriteriaSetDraftView(d.id, d.criteriaSetId, set.title(), set.productSet(), set.legalBasis().decision(),
                set.legalBasis().effectiveFrom(), d.sourceType, d.fileName, d.fileSha256,
                d.publishedAt == null ? "DRAFT" : "PUBLISHED", "/api/v1/criteria-set-drafts/" + d.id,
                d.createdAt, d.createdBy, d.publishedAt);
    }
}
