package vn.ocop.evaluation.round;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.evaluation.rating.CouncilLevel;

/**
 * One evaluation round (đợt đánh giá): the council level, the year and number of the round, the day by which the
 * dossiers must have reached the council ({@code filesDueBy}) and the day by which it must decide ({@code decideBy}).
 * Legal dates, days in Asia/Ho_Chi_Minh.
 */
@Schema(name = "Round")
public record Round(CouncilLevel level, int year, int number, String code, LocalDate filesDueBy, LocalDate decideBy,
                    String calendarVersion) {

    /** Whether the round's decision deadline has passed on {@code day} (the deadline day itself is still in time). */
    public boolean overdueOn(LocalDate day) {
        return day.isAfter(decideBy);
    }
}
