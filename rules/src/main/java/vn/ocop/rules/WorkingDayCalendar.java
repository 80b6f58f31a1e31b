package vn.ocop.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Working days in Vietnam: Monday to Friday except the public holidays of the data file (Tết included). Deadlines in
 * working days (the commune's 15 working days) are counted here.
 */
public final class WorkingDayCalendar {
    private final SortedSet<LocalDate> holidays;
    private final Set<Integer> years;

    WorkingDayCalendar(SortedSet<LocalDate> holidays, Set<Integer> years) {
        this.holidays = new TreeSet<>(holidays);
        this.years = Set.copyOf(years);
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    public boolean isPublicHoliday(LocalDate day) {
        return holidays.contains(day);
    }

    /** Whether the data file lists the holidays of that year (outside those years only weekends are skipped). */
    public boolean knowsYear(Year year) {
        return years.contains(year.getValue());
    }

    /** The date {@code days} working days after {@code start}; the start day itself is not counted. */
    public LocalDate after(LocalDate start, int days) {
        LocalDate date = start;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }
}
