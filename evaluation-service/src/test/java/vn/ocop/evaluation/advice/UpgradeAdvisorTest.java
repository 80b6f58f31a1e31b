package vn.ocop.evaluation.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.ocop.evaluation.criteria.CriteriaSetJson;
import vn.ocop.evaluation.rating.CouncilLevel;
import vn.ocop.evaluation.rating.CriteriaSet;
import vn.ocop.evaluation.rating.CriterionOption;
import vn.ocop.evaluation.rating.MandatoryAgreement;
import vn.ocop.evaluation.rating.MissingMinimum;
import vn.ocop.evaluation.rating.Outcome;
import vn.ocop.evaluation.rating.SheetViolation;

/** Upgrade advice: the gap to the next band and the next level's unmet minima, on the shipped set 1. */
class UpgradeAdvisorTest {
    static final CriteriaSet SET1 = CriteriaSetJson.resource("QD26-2026-S01");

    /** The lowest option everywhere, except the given criteria at their best option. */
    static Map<String, String> lowestExcept(String... best) {
        Map<String, String> choices = new LinkedHashMap<>();
        SET1.criteria().forEach(c -> {
            Comparator<CriterionOption> byPoints = Comparator.comparing(CriterionOption::points);
            boolean top = List.of(best).contains(c.code());
            choices.put(c.code(), (top ? c.options().stream().max(byPoints) : c.options().stream().min(byPoints)).orElseThrow().code());
        });
        return choices;
    }

    static Map<String, String> allBest() {
        return lowestExcept(SET1.criteria().map(c -> c.code()).toArray(String[]::new));
    }

    @Test
    void aProductHeldBackByItsScoreIsToldHowManyPointsItLacks() {
        // Every marked criterion at its best, the rest at their lowest: all minima met, the score decides.
        Map<String, String> choices = lowestExcept("1.4", "1.5", "2.2", "2.3", "4.1", "5.1", "9.1", "10.1", "3.1", "3.2", "6.1", "6.2");
        UpgradeAdvice advice = UpgradeAdvisor.advise(SET1, CouncilLevel.PROVINCIAL,
                List.of(new UpgradeAdvisor.Sheet(choices, List.of())), MandatoryAgreement.majority());
        assertThat(advice.mandatoryLevel()).isEqualTo(5);
        assertThat(advice.stars()).isEqualTo(advice.band());
        assertThat(advice.nextStars()).isEqualTo(advice.stars() + 1);
        assertThat(advice.missingMinima()).isEmpty();
        assertThat(advice.pointsToNextBand()).isPositive();
        assertThat(advice.averageScore().add(advice.pointsToNextBand())).isEqualByComparingTo(
                SET1.starBands().stream().filter(b -> b.stars() == advice.nextStars()).findFirst().orElseThrow().minScore());
    }

    @Test
    void aProductHeldBackByAMinimumIsToldTheCriterionTheOptionAndItsPoints() {
        Map<String, String> choices = allBest();
        choices.put("2.3", "2.3.b"); // barcode, no electronic traceability (the 4★ minimum)
        UpgradeAdvice advice = UpgradeAdvisor.advise(SET1, CouncilLevel.PROVINCIAL,
                List.of(new UpgradeAdvisor.Sheet(choices, List.of())), MandatoryAgreement.majority());
        assertThat(advice.stars()).isEqualTo(3);
        assertThat(advice.pointsToNextBand()).isZero();
        assertThat(advice.missingMinima()).extracting(MissingMinimum::criterionCode, MissingMinimum::requiredOptionCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2.3", "2.3.c"));
        assertThat(advice.missingMinima().get(0).requiredPoints()).isEqualByComparingTo("3");

        UpgradeAdvice fixed = UpgradeAdvisor.whatIf(SET1, CouncilLevel.PROVINCIAL, List.of(new UpgradeAdvisor.Sheet(choices, List.of())),
                MandatoryAgreement.majority(), Map.of("2.3", "2.3.c"));
        assertThat(fixed.stars()).isEqualTo(5);
        assertThat(fixed.outcome()).isEqualTo(Outcome.FIVE_STAR_NOMINATED);
        assertThat(fixed.nextStars()).isNull();
    }

    @Test
    void aKnockedOutProductHasNoNextStarAndAWhatIfCannotNameAForeignOption() {
        UpgradeAdvice advice = UpgradeAdvisor.advise(SET1, CouncilLevel.PROVINCIAL,
                List.of(new UpgradeAdvisor.Sheet(allBest(), List.of("KO-FORGED"))), MandatoryAgreement.majority());
        assertThat(advice.outcome()).isEqualTo(Outcome.KNOCKED_OUT);
        assertThat(advice.nextStars()).isNull();
        assertThatThrownBy(() -> UpgradeAdvisor.whatIf(SET1, CouncilLevel.PROVINCIAL,
                List.of(new UpgradeAdvisor.Sheet(allBest(), List.of())), MandatoryAgreement.majority(), Map.of("2.3", "4.1.a")))
                .isInstanceOf(SheetViolation.class);
    }
}
