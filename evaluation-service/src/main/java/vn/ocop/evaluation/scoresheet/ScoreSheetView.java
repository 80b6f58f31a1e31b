package vn.ocop.evaluation.scoresheet;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A submitted sheet with the totals the server computed. */
@Schema(name = "ScoreSheet")
public record ScoreSheetView(UUID id, UUID sessionId, UUID productId, String memberSubject, int revision, boolean current,
                             Map<String, String> choices, List<String> knockOuts, BigDecimal total,
                             Map<String, BigDecimal> partTotals, int mandatoryLevel, @Schema(nullable = true) String amendmentReason,
                             @Schema(nullable = true) UUID supersedesId, Instant submittedAt) {

    public static ScoreSheetView of(ScoreSheet s) {
        return new ScoreSheetView(s.id, s.sessionId, s.productId, s.memberSubject, s.revision, s.current,
                SheetJson.choices(s.choices), SheetJson.strings(s.knockOuts), s.total, SheetJson.totals(s.partTotals),
                s.mandatoryLevel, s.amendmentReason, s.supersedesId, s.submittedAt);
    }
}
