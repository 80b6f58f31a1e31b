package vn.ocop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Year;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Weekends and public holidays (Tết included) are not working days. */
class WorkingDayCalendarTest {
    private final WorkingDayCalendar calendar = ProgrammeRules.standard().calendar();

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-27", "2025-01-31", "2026-02-16", "2026-02-17", "2026-02-20", "2027-02-05",
            "2027-02-10", "2028-01-26", "2028-01-31"})
    void tetWeekdaysAreHolidays(LocalDate day) {
        assertThat(calendar.isPublicHoliday(day)).isTrue();
        assertThat(calendar.isWorkingDay(day)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-04-30", "2025-05-01", "2025-09-02", "2026-01-01", "2026-09-02", "2027-04-16",
            "2028-05-01"})
    void nationalHolidaysAreNotWorkingDays(LocalDate day) {
        assertThat(calendar.isWorkingDay(day)).isFalse();
    }

    @Test
    void weekendsAreNotWorkingDaysAndOrdinaryWeekdaysAre() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 5))).isFalse(); // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 6))).isFalse(); // Sunday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 7))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isTrue(); // back after Tết
    }

    @ParameterizedTest(name = "{1} working days after {0} → {2}")
    @CsvSource({
            "2026-12-01,15,2026-12-22",  // no holiday
            "2026-12-04,1,2026-12-07",   // Friday → Monday
            "2026-12-05,1,2026-12-07",   // Saturday start counts from Monday
            "2026-02-13,1,2026-02-23",   // Friday before Tết → first day back
            "2026-02-10,15,2026-03-10",  // 15 working days across Tết 2026 (5 days off)
            "2025-04-29,1,2025-05-05",   // 30/4, 1/5, 2/5 and a weekend
            "2028-02-25,3,2028-03-01",   // across 29 Feb 2028
            "2026-12-31,1,2027-01-04"})  // New Year's Day
    void deadlinesSkipWeekendsAndHolidays(LocalDate start, int days, LocalDate due) {
        assertThat(calendar.after(start, days)).isEqualTo(due);
    }

    @Test
    void theDataCoversTheYearsTheServicesCount() {
        for (int year = 2025; year <= 2028; year++) {
            assertThat(calendar.knowsYear(Year.of(year))).as("%s", year).isTrue();
        }
    }
}
