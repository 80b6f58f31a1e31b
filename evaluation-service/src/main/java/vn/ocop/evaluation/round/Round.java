package vn.ocop.evaluation.round;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.evaluation.rating.CouncilLevel;

/**
 * One evaluation round (đợt đánh giá): the council level, the year and number of the round, the day by which the
 * dossiers must have reached the council ({@code filesDueBy}) and the day by which it must decide ({@code decideBy}).
 * Legal dates, days in Asia/Ho_Chi_Minh. An extra round (đợt bổ sung) is one a council's regulation (quy chế) allows
 * beyond the calendar; it names that regulation.
 */
@Schema(name = "Round")
public record Round(CouncilLevel level, int year, int number,
                    @Schema(example = "PROVINCIAL-2026-1", description = "level-year-number; extra rounds level-year-E{n}") String code,
                    LocalDate filesDueBy, LocalDate decideBy,
                    @Schema(nullable = true, description = "The calendar version of a regular round; null for an extra round") String calendarVersion,
                    @Schema(description = "Whether the round is an extra round of a council's regulation") boolean extra,
                    @Schema(nullable = true, description = "For an extra round: the regulation that allows it", example = "Quyết định 1234/QĐ-UBND ngày 10/3/2026 (Quy chế hoạt động của Hội đồng)")
                    String regulation) {

    /** Whether the round's decision deadline has passed on {@code day} (the deadline day itself is still in time). */
    public boolean overdueOn(LocalDate day) {
        return day.isAfter(decideBy);
    }
}
