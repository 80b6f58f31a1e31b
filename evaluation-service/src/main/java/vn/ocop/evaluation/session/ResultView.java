package vn.ocop.evaluation.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.evaluation.rating.CouncilLevel;
import vn.ocop.evaluation.rating.MissingMinimum;
import vn.ocop.evaluation.rating.Outcome;
import vn.ocop.evaluation.scoresheet.SheetJson;

/** A council's result for a product. */
@Schema(name = "Result")
public record ResultView(UUID id, UUID productId, String productCode, UUID producerId, String provinceCode, int productSet,
                         CouncilLevel councilLevel, @Schema(description = "The criteria set version scored against") String criteriaSetId,
                         @Schema(example = "86.33") BigDecimal averageScore, int band, int mandatoryLevel, int stars, Outcome outcome,
                         List<String> upheldKnockOuts, List<MissingMinimum> unmetMinima, int sheetCount, LocalDate ratedOn,
                         Instant ratedAt, boolean recognised) {

    public static ResultView of(EvaluationResult r) {
        return new ResultView(r.id, r.productId, r.productCode, r.producerId, r.provinceCode, r.productSet, r.councilLevel,
                r.criteriaSetId, r.averageScore, r.band, r.mandatoryLevel, r.stars, r.outcome, SheetJson.strings(r.knockOuts),
                List.of(SheetJson.read(r.unmetMinima, MissingMinimum[].class)), r.sheetCount, r.ratedOn, r.ratedAt, r.recognised);
    }
}
