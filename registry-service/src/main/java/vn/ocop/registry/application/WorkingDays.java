package vn.ocop.registry.application;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Deadlines in working days (the commune has 15 working days to review a dossier, Điều 7 QĐ 26/2026). Saturdays and
 * Sundays are skipped; public holidays are not modelled, so a deadline spanning Tết reads earlier than the legal one.
 */
public final class WorkingDays {
    private WorkingDays() {
    }

    /** The date {@code days} working days after {@code start} (the start day itself is not counted). */
    public static LocalDate after(LocalDate start, int days) {
        LocalDate date = start;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return date;
    }
}
