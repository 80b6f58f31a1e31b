package vn.ocop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which version is in force on a day, and the deadlines each one sets. */
class ProgrammeRulesTest {
    private final ProgrammeRules rules = ProgrammeRules.standard();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2019-08-20,QD1048-2019",  // before the first version: the first
            "2019-08-21,QD1048-2019",
            "2023-02-23,QD1048-2019",
            "2023-02-24,QD148-2023",
            "2025-07-05,QD148-2023",
            "2025-07-06,QD148-1489-2025",
            "2026-05-21,QD148-1489-2025",
            "2026-05-22,QD26-2026",
            "2030-01-01,QD26-2026"})
    void eachDayHasTheVersionThatStartedLastBeforeIt(LocalDate day, String version) {
        assertThat(rules.inForceOn(day).id()).isEqualTo(version);
    }

    @Test
    void everyVersionNamesItsInstrument() {
        assertThat(rules.versions()).extracting(RuleVersion::instrument).containsExactly(
                "QĐ 1048/QĐ-TTg (21/8/2019)", "QĐ 148/QĐ-TTg (24/2/2023)",
                "QĐ 148/QĐ-TTg as amended by QĐ 1489/QĐ-TTg (6/7/2025)", "QĐ 26/2026/QĐ-TTg (22/5/2026)");
        assertThat(rules.versions()).allSatisfy(v -> assertThat(v.notes()).isNotBlank());
    }

    @Test
    void revocationIsDecidedWithin15CalendarDaysOfTheFinding() {
        RuleVersion qd26 = rules.inForceOn(LocalDate.of(2026, 12, 1));
        assertThat(qd26.revocationDeadline(LocalDate.of(2026, 12, 1))).isEqualTo(LocalDate.of(2026, 12, 16));
        assertThat(qd26.revocationDeadline(LocalDate.of(2026, 12, 20))).isEqualTo(LocalDate.of(2027, 1, 4));
        // Calendar days: Tết does not lengthen it.
        assertThat(qd26.revocationDeadline(LocalDate.of(2027, 2, 1))).isEqualTo(LocalDate.of(2027, 2, 16));
    }

    @Test
    void theCommuneReviewsADossierIn15WorkingDays() {
        RuleVersion qd26 = rules.inForceOn(LocalDate.of(2026, 12, 1));
        // Filed Tuesday 1 Dec 2026: three weeks of working days, no holiday.
        assertThat(qd26.communeReviewDue(LocalDate.of(2026, 12, 1), rules.calendar())).isEqualTo(LocalDate.of(2026, 12, 22));
        // Filed Friday 5 Feb 2027: Tết (8–10 Feb) adds three working days (26 Feb without it).
        assertThat(qd26.communeReviewDue(LocalDate.of(2027, 2, 5), rules.calendar())).isEqualTo(LocalDate.of(2027, 3, 3));
    }

    @Test
    void qd26KeepsOlderCertificatesValidPastTheirEndDateWhileTheirReRatingIsDecided() {
        RuleVersion qd26 = rules.inForceOn(LocalDate.of(2026, 5, 22));
        assertThat(qd26.validityExtensions()).singleElement().satisfies(rule -> {
            assertThat(rule.article()).isEqualTo("Điều 12");
            assertThat(rule.covers(LocalDate.of(2026, 5, 21))).isTrue();
            assertThat(rule.covers(LocalDate.of(2026, 5, 22))).isFalse();
            assertThat(rule.keptAtMostUntil(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2026, 12, 27));
        });
        assertThat(rules.inForceOn(LocalDate.of(2026, 5, 21)).validityExtensions()).isEmpty();
    }
}
