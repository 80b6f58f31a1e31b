package vn.ocop.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * A rule change is one data row: a second version effective from 1/7/2027 with its own validity and window. Each
 * certificate follows the version in force on its issue date, so old certificates keep the old window.
 */
class RuleChangeTest {
    private final ProgrammeRules rules = ProgrammeRules.load(RuleChangeTest.class.getResourceAsStream("/vn/ocop/rules/second-version.json"));

    @Test
    void aCertificateIssuedTheDayBeforeKeepsTheOldRules() {
        LocalDate issuedOn = LocalDate.of(2027, 6, 30);
        LocalDate validUntil = rules.validUntil(issuedOn);
        assertThat(validUntil).isEqualTo(LocalDate.of(2030, 6, 30));
        ReRatingWindow window = rules.reRatingWindow(issuedOn, validUntil);
        assertThat(window.version().id()).isEqualTo("QD26-2026");
        assertThat(window.contains(validUntil.minusDays(180))).isTrue();
        assertThat(window.contains(validUntil.minusDays(90))).isFalse();
    }

    @Test
    void aCertificateIssuedOnTheDayFollowsTheNewRules() {
        LocalDate issuedOn = LocalDate.of(2027, 7, 1);
        LocalDate validUntil = rules.validUntil(issuedOn);
        assertThat(validUntil).isEqualTo(LocalDate.of(2031, 7, 1));
        ReRatingWindow window = rules.reRatingWindow(issuedOn, validUntil);
        assertThat(window.version().id()).isEqualTo("TEST-2027");
        assertThat(window.contains(validUntil.minusDays(91))).isFalse();
        assertThat(window.contains(validUntil.minusDays(90))).isTrue();
        assertThat(window.contains(validUntil.minusDays(60))).isTrue();
        assertThat(window.contains(validUntil.minusDays(59))).isFalse();
        assertThat(window.describe()).contains("90 to 60 days", "A later decision");
    }

    @Test
    void deadlinesTakeTheVersionInForceOnTheirOwnDate() {
        assertThat(rules.inForceOn(LocalDate.of(2027, 6, 30)).revocationDeadline(LocalDate.of(2027, 6, 30)))
                .isEqualTo(LocalDate.of(2027, 7, 15));
        assertThat(rules.inForceOn(LocalDate.of(2027, 7, 1)).revocationDeadline(LocalDate.of(2027, 7, 1)))
                .isEqualTo(LocalDate.of(2027, 7, 31));
    }

    @Test
    void addedVersionsJoinTheReviewedOnesAndMayNotReplaceThem() {
        ProgrammeRules extended = ProgrammeRules.standard()
                .withVersionsFrom(RuleChangeTest.class.getResourceAsStream("/vn/ocop/rules/later-version-only.json"));
        assertThat(extended.inForceOn(LocalDate.of(2027, 7, 1)).id()).isEqualTo("TEST-2027");
        assertThat(extended.inForceOn(LocalDate.of(2027, 6, 30)).id()).isEqualTo("QD26-2026");
        assertThatThrownBy(() -> ProgrammeRules.standard()
                .withVersionsFrom(RuleChangeTest.class.getResourceAsStream("/vn/ocop/rules/second-version.json")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("QD26-2026");
    }
}
