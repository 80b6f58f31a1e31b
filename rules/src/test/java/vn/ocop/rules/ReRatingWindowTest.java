package vn.ocop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validity (36 months) and the re-rating window (180 to 120 days before expiry), at their edges. */
class ReRatingWindowTest {
    private final ProgrammeRules rules = ProgrammeRules.standard();

    @ParameterizedTest(name = "{0} days before expiry: may file = {1}")
    @CsvSource({"181,false", "180,true", "179,true", "150,true", "121,true", "120,true", "119,false", "0,false", "-1,false"})
    void theWindowIncludesDay180AndDay120AndNothingOutside(int daysBefore, boolean open) {
        LocalDate issuedOn = LocalDate.of(2026, 6, 15);
        LocalDate validUntil = rules.validUntil(issuedOn);
        ReRatingWindow window = rules.reRatingWindow(issuedOn, validUntil);
        assertThat(window.contains(validUntil.minusDays(daysBefore))).isEqualTo(open);
    }

    @Test
    void aCertificateIsValid36MonthsFromItsIssueDay() {
        assertThat(rules.validUntil(LocalDate.of(2026, 6, 15))).isEqualTo(LocalDate.of(2029, 6, 15));
        assertThat(rules.validUntil(LocalDate.of(2020, 1, 2))).isEqualTo(LocalDate.of(2023, 1, 2));
    }

    @ParameterizedTest(name = "issued {0} → valid until {1}")
    @CsvSource({
            "2026-08-31,2029-08-31",  // month end stays a month end
            "2026-05-31,2029-05-31",
            "2026-01-31,2029-01-31",
            "2025-02-28,2028-02-28",  // not moved to the leap day
            "2028-02-29,2031-02-28",  // a leap-day issue ends on the last day of February
            "2024-02-29,2027-02-28",
            "2026-12-31,2029-12-31"})
    void monthEndsAndLeapDays(LocalDate issuedOn, LocalDate validUntil) {
        assertThat(rules.validUntil(issuedOn)).isEqualTo(validUntil);
    }

    @Test
    void theWindowCountsCalendarDaysAcrossALeapDay() {
        // 2028 is a leap year: 180 days before 2028-08-27 is 2028-02-29.
        ReRatingWindow window = rules.reRatingWindow(LocalDate.of(2025, 8, 27), LocalDate.of(2028, 8, 27));
        assertThat(window.opensOn()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(window.closesOn()).isEqualTo(LocalDate.of(2028, 4, 29));
        assertThat(window.contains(LocalDate.of(2028, 2, 28))).isFalse();
        assertThat(window.contains(LocalDate.of(2028, 2, 29))).isTrue();
    }

    @Test
    void theWindowOfACertificateEndingOnAMonthEnd() {
        ReRatingWindow window = rules.reRatingWindow(LocalDate.of(2026, 8, 31), LocalDate.of(2029, 8, 31));
        assertThat(window.opensOn()).isEqualTo(LocalDate.of(2029, 3, 4));
        assertThat(window.closesOn()).isEqualTo(LocalDate.of(2029, 5, 3));
    }

    @Test
    void theWindowSaysWhichRuleSetIt() {
        ReRatingWindow window = rules.reRatingWindow(LocalDate.of(2026, 6, 15), LocalDate.of(2029, 6, 15));
        assertThat(window.version().id()).isEqualTo("QD26-2026");
        assertThat(window.describe()).isEqualTo("180 to 120 days before expiry, QĐ 26/2026/QĐ-TTg (22/5/2026)");
    }
}
