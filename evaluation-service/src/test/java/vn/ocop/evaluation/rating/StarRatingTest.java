package vn.ocop.evaluation.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.ocop.evaluation.criteria.CriteriaSetJson;

/** The star rule of OCOP.md §2 on the shipped criteria set for product set 1 (QĐ 26/2026). */
class StarRatingTest {
    private static final vn.ocop.rules.RuleVersion RULES = vn.ocop.rules.ProgrammeRules.standard().inForceOn(java.time.LocalDate.of(2026, 6, 1));
    static final CriteriaSet SET1 = CriteriaSetJson.resource("QD26-2026-S01");

    /** The best option of every criterion: 100 points, every marked minimum met. */
    static Map<String, String> best() {
        Map<String, String> choices = new LinkedHashMap<>();
        SET1.criteria().forEach(c -> choices.put(c.code(),
                c.options().stream().max(Comparator.comparing(CriterionOption::points)).orElseThrow().code()));
        return choices;
    }

    static Map<String, String> best(String... overrides) {
        Map<String, String> choices = best();
        for (int i = 0; i < overrides.length; i += 2) {
            choices.put(overrides[i], overrides[i + 1]);
        }
        return choices;
    }

    static ScoredSheet sheet(Map<String, String> choices, String... knockOuts) {
        return StarRating.score(SET1, choices, List.of(knockOuts));
    }

    /** A sheet with all minima met but the given total (to probe the bands independently of the options). */
    static ScoredSheet sheetWithTotal(String total) {
        ScoredSheet full = sheet(best());
        return new ScoredSheet(full.chosen(), new BigDecimal(total), full.partTotals(), Set.of(), 5);
    }

    @Nested
    class Bands {
        @ParameterizedTest(name = "{0} points → {1}★")
        @CsvSource({"0, 1", "29.99, 1", "30, 2", "30.00, 2", "49.99, 2", "50, 3", "50.00, 3", "69.99, 3", "70, 4",
                "89.99, 4", "90, 5", "90.00, 5", "100, 5"})
        void halfOpenBandsKeepDecimals(String score, int stars) {
            assertThat(StarRating.band(SET1.starBands(), new BigDecimal(score))).isEqualTo(stars);
        }

        @Test
        void anAverageJustBelowNinetyIsNotRoundedUpIntoFiveStars() {
            // (90 + 90 + 89.99) / 3 = 89.9966…: exactly below 90, so 4★, and shown truncated as 89.99, not 90.00.
            Rating rating = StarRating.close(SET1, CouncilLevel.CENTRAL,
                    List.of(sheetWithTotal("90"), sheetWithTotal("90"), sheetWithTotal("89.99")), MandatoryAgreement.majority());
            assertThat(rating.band()).isEqualTo(4);
            assertThat(rating.stars()).isEqualTo(4);
            assertThat(rating.averageScore()).isEqualByComparingTo("89.99");
            assertThat(rating.averageScore().scale()).isEqualTo(2);
        }

        @Test
        void theScoreUsedIsTheAverageOfTheMembersTotals() {
            Rating rating = StarRating.close(SET1, CouncilLevel.PROVINCIAL,
                    List.of(sheetWithTotal("80"), sheetWithTotal("60"), sheetWithTotal("70.5")), MandatoryAgreement.majority());
            assertThat(rating.averageScore()).isEqualByComparingTo("70.16");
            assertThat(rating.band()).isEqualTo(4);
            assertThat(rating.sheetCount()).isEqualTo(3);
        }
    }

    @Nested
    class ScoringOneSheet {
        @Test
        void theServerAddsUpTheChosenOptionsPerPartAndInTotal() {
            ScoredSheet best = sheet(best());
            assertThat(best.total()).isEqualByComparingTo("100.00");
            assertThat(best.partTotals()).containsEntry("A", new BigDecimal("40.00"))
                    .containsEntry("B", new BigDecimal("25.00")).containsEntry("C", new BigDecimal("35.00"));
            assertThat(best.mandatoryLevel()).isEqualTo(5);

            // 1.1 from 3 to 1 point, 4.1 from 5 to 2 points: 100 - 2 - 3 = 95
            ScoredSheet lower = sheet(best("1.1", "1.1.a", "4.1", "4.1.b"));
            assertThat(lower.total()).isEqualByComparingTo("95.00");
            assertThat(lower.partTotals()).containsEntry("A", new BigDecimal("38.00")).containsEntry("B", new BigDecimal("22.00"));
        }

        @Test
        void everyCriterionNeedsExactlyOneOptionOfItsOwn() {
            Map<String, String> choices = best("1.5", "4.1.a", "99.9", "99.9.a");
            choices.remove("10.1");
            assertThatThrownBy(() -> sheet(choices))
                    .isInstanceOfSatisfying(SheetViolation.class, e -> assertThat(e.violations()).extracting(CriteriaSet.Violation::field)
                            .containsExactlyInAnyOrder("choices.1.5", "choices.99.9", "choices.10.1"));
        }

        @Test
        void knockOutGroundsMustBeThoseOfTheSet() {
            assertThatThrownBy(() -> sheet(best(), "KO-UNKNOWN"))
                    .isInstanceOfSatisfying(SheetViolation.class, e -> assertThat(e.violations())
                            .extracting(CriteriaSet.Violation::field).containsExactly("knockOuts"));
            assertThat(sheet(best(), "KO-FORGED").knockOuts()).containsExactly("KO-FORGED");
        }
    }

    @Nested
    class MandatoryMinima {
        @ParameterizedTest(name = "{0}={1} → mandatory level {2}")
        @CsvSource({
                "4.1, 4.1.d, 5",   // export/e-commerce (*****)
                "4.1, 4.1.c, 4",   // ≥5 agents (****) only
                "4.1, 4.1.b, 3",   // <5 agents (***) only
                "4.1, 4.1.a, 2",   // in-commune only: misses the 3★ minimum
                "1.5, 1.5.c, 4",   // >75% linkage, not 12 months (****)
                "1.5, 1.5.b, 3",   // 50–75% linkage: no **** mark reached; 1.5 has no *** mark
                "10.1, 10.1.b, 4", // ISO/HACCP (****)
                "10.1, 10.1.a, 3", // food-safety certificate (***)
                "2.3, 2.3.b, 3",   // label with barcode: misses the e-traceability **** minimum
                "5.1, 5.1.c, 3",   // story printed, not in the e-traceability content (****)
                "9.1, 9.1.a, 2"})  // no quality declaration: misses *** 
        void theLevelIsTheHighestWhoseMarkedMinimaAreAllMet(String criterion, String option, int level) {
            assertThat(sheet(best(criterion, option)).mandatoryLevel()).isEqualTo(level);
        }

        @Test
        void aHighScoreMissingAFourStarMinimumIsRatedThreeStars() {
            // 97 points, band 5★, but 10.1 only has the food-safety certificate: star = min(5, 3) = 3.
            ScoredSheet sheet = sheet(best("10.1", "10.1.a", "1.1", "1.1.c"));
            Rating rating = StarRating.close(SET1, CouncilLevel.PROVINCIAL, List.of(sheet, sheet, sheet), MandatoryAgreement.majority());
            assertThat(rating.averageScore()).isEqualByComparingTo("96.00");
            assertThat(rating.band()).isEqualTo(5);
            assertThat(rating.mandatoryLevel()).isEqualTo(3);
            assertThat(rating.stars()).isEqualTo(3);
            assertThat(rating.outcome()).isEqualTo(Outcome.CERTIFIABLE);
            assertThat(rating.unmetMinima()).extracting(MissingMinimum::criterionCode, MissingMinimum::requiredOptionCode)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("10.1", "10.1.b"));
        }

        @Test
        void aMinimumCountsWhenAStrictMajorityOfSheetsMeetsIt() {
            ScoredSheet meets = sheet(best());
            ScoredSheet misses = sheet(best("4.1", "4.1.c")); // no ***** distribution
            assertThat(StarRating.close(SET1, CouncilLevel.CENTRAL, List.of(meets, meets, misses), MandatoryAgreement.majority())
                    .mandatoryLevel()).isEqualTo(5);
            assertThat(StarRating.close(SET1, CouncilLevel.CENTRAL, List.of(meets, meets, misses, misses), MandatoryAgreement.majority())
                    .mandatoryLevel()).isEqualTo(4);
        }

        @Test
        void theAgreementIsConfigurable() {
            ScoredSheet meets = sheet(best());
            ScoredSheet misses = sheet(best("4.1", "4.1.c"));
            List<ScoredSheet> half = List.of(meets, meets, misses, misses);
            assertThat(StarRating.close(SET1, CouncilLevel.CENTRAL, half, new MandatoryAgreement(new BigDecimal("0.5"), false))
                    .mandatoryLevel()).isEqualTo(5);
            assertThat(StarRating.close(SET1, CouncilLevel.CENTRAL, List.of(meets, meets, meets, misses), MandatoryAgreement.unanimous())
                    .mandatoryLevel()).isEqualTo(4);
        }

        @Test
        void agreementComparesWithoutRounding() {
            MandatoryAgreement twoThirds = new MandatoryAgreement(new BigDecimal("0.6667"), false);
            assertThat(twoThirds.reached(2, 3)).isFalse(); // 2/3 = 0.66666… < 0.6667
            assertThat(twoThirds.reached(3, 3)).isTrue();
            assertThat(MandatoryAgreement.majority().reached(0, 0)).isFalse();
            assertThatThrownBy(() -> new MandatoryAgreement(new BigDecimal("1.5"), false)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Closing {
        @Test
        void aProvincialFiveStarIsOnlyANomination() {
            Rating rating = StarRating.close(SET1, CouncilLevel.PROVINCIAL, List.of(sheet(best())), MandatoryAgreement.majority());
            assertThat(rating.stars()).isEqualTo(5);
            assertThat(rating.outcome()).isEqualTo(Outcome.FIVE_STAR_NOMINATED);
            assertThat(rating.certifiable()).isFalse();
        }

        @Test
        void onlyTheCentralCouncilMakesFiveStarsCertifiable() {
            Rating rating = StarRating.close(SET1, CouncilLevel.CENTRAL, List.of(sheet(best())), MandatoryAgreement.majority());
            assertThat(rating.outcome()).isEqualTo(Outcome.CERTIFIABLE);
            assertThat(CouncilLevel.recognising(RULES, rating.stars())).isEqualTo(CouncilLevel.CENTRAL);
        }

        @Test
        void aCentralResultBelowNinetyLeavesThreeOrFourStarsForTheProvince() {
            Rating rating = StarRating.close(SET1, CouncilLevel.CENTRAL, List.of(sheetWithTotal("85.50")), MandatoryAgreement.majority());
            assertThat(rating.stars()).isEqualTo(4);
            assertThat(rating.outcome()).isEqualTo(Outcome.CERTIFIABLE);
            assertThat(CouncilLevel.recognising(RULES, rating.stars())).isEqualTo(CouncilLevel.PROVINCIAL);
        }

        @Test
        void belowThreeStarsThereIsNoCertificate() {
            Rating rating = StarRating.close(SET1, CouncilLevel.PROVINCIAL, List.of(sheetWithTotal("49.99")), MandatoryAgreement.majority());
            assertThat(rating.stars()).isEqualTo(2);
            assertThat(rating.outcome()).isEqualTo(Outcome.BELOW_THREE_STARS);
            assertThatThrownBy(() -> CouncilLevel.recognising(RULES, 2)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aHighScoreFailingTheThreeStarMinimaGetsNoCertificate() {
            ScoredSheet sheet = sheet(best("9.1", "9.1.a")); // 95 points, no quality declaration
            Rating rating = StarRating.close(SET1, CouncilLevel.PROVINCIAL, List.of(sheet), MandatoryAgreement.majority());
            assertThat(rating.band()).isEqualTo(5);
            assertThat(rating.stars()).isEqualTo(2);
            assertThat(rating.outcome()).isEqualTo(Outcome.BELOW_THREE_STARS);
        }

        @Test
        void aKnockOutUpheldByTheMajorityStopsScoring() {
            List<ScoredSheet> sheets = List.of(sheet(best(), "KO-FOOD-SAFETY"), sheet(best(), "KO-FOOD-SAFETY"), sheet(best()));
            Rating rating = StarRating.close(SET1, CouncilLevel.PROVINCIAL, sheets, MandatoryAgreement.majority());
            assertThat(rating.outcome()).isEqualTo(Outcome.KNOCKED_OUT);
            assertThat(rating.stars()).isEqualTo(1);
            assertThat(rating.mandatoryLevel()).isZero();
            assertThat(rating.upheldKnockOuts()).containsExactly("KO-FOOD-SAFETY");
        }

        @Test
        void oneMembersKnockOutFindingAloneDoesNotStopScoring() {
            List<ScoredSheet> sheets = List.of(sheet(best(), "KO-FORGED"), sheet(best()), sheet(best()));
            Rating rating = StarRating.close(SET1, CouncilLevel.CENTRAL, sheets, MandatoryAgreement.majority());
            assertThat(rating.outcome()).isEqualTo(Outcome.CERTIFIABLE);
            assertThat(rating.stars()).isEqualTo(5);
        }

        @Test
        void closingWithoutSheetsIsRefused() {
            assertThatThrownBy(() -> StarRating.close(SET1, CouncilLevel.PROVINCIAL, List.of(), MandatoryAgreement.majority()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class CriteriaSetShape {
        @Test
        void theShippedSetOneAddsUpAndCarriesTheMarksOfAnnexTwo() {
            assertThat(SET1.violations()).isEmpty();
            assertThat(SET1.parts()).extracting(CriteriaPart::code, p -> p.maxPoints().intValue())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 40), org.assertj.core.groups.Tuple.tuple("B", 25),
                            org.assertj.core.groups.Tuple.tuple("C", 35));
            assertThat(SET1.parts().get(0).groups()).extracting(g -> g.maxPoints().intValue()).containsExactly(18, 10, 12);
            assertThat(SET1.parts().get(1).groups()).extracting(g -> g.maxPoints().intValue()).containsExactly(13, 12);
            assertThat(SET1.parts().get(2).groups()).extracting(g -> g.maxPoints().intValue()).containsExactly(12, 3, 5, 5, 5, 2, 3);
            Criterion distribution = SET1.criterion("4.1").orElseThrow();
            assertThat(distribution.minimumFor(3).orElseThrow().points()).isEqualByComparingTo("2");
            assertThat(distribution.minimumFor(4).orElseThrow().points()).isEqualByComparingTo("3");
            assertThat(distribution.minimumFor(5).orElseThrow().points()).isEqualByComparingTo("5");
            assertThat(SET1.criterion("1.5").orElseThrow().minimumFor(3)).isEmpty();
            assertThat(SET1.legalBasis().inForceOn(java.time.LocalDate.of(2026, 5, 22))).isTrue();
            assertThat(SET1.legalBasis().inForceOn(java.time.LocalDate.of(2026, 5, 21))).isFalse();
        }

        @Test
        void aSetWhosePointsDoNotAddUpOrWhoseBandsAreIncompleteIsRejected() {
            CriteriaPart a = SET1.parts().get(0);
            CriteriaGroup first = a.groups().get(0);
            List<Criterion> criteria = new ArrayList<>(first.criteria());
            Criterion c = criteria.get(0);
            List<CriterionOption> options = new ArrayList<>(c.options());
            options.add(new CriterionOption("1.1.a", "duplicate", new BigDecimal("7"), 6));
            criteria.set(0, new Criterion(c.code(), c.text(), c.maxPoints(), options));
            List<CriteriaGroup> groups = new ArrayList<>(a.groups());
            groups.set(0, new CriteriaGroup(first.code(), first.name(), first.maxPoints(), criteria));
            List<CriteriaPart> parts = new ArrayList<>(SET1.parts());
            parts.set(0, new CriteriaPart(a.code(), a.name(), a.maxPoints(), groups));
            CriteriaSet broken = new CriteriaSet(SET1.id(), SET1.title(), SET1.legalBasis(), 27,
                    SET1.starBands().subList(0, 4), parts, SET1.knockOuts(), null);
            assertThat(broken.violations()).extracting(CriteriaSet.Violation::field).contains(
                    "productSet", "starBands",
                    "parts[0].groups[0].criteria[0].options[3].code",
                    "parts[0].groups[0].criteria[0].options[3].minimumFor",
                    "parts[0].groups[0].criteria[0].maxPoints");
        }

        @Test
        void starBandsMustRiseWithTheScoreAndStartAtZero() {
            List<StarBand> shifted = List.of(new StarBand(5, new BigDecimal("90")), new StarBand(4, new BigDecimal("70")),
                    new StarBand(3, new BigDecimal("50")), new StarBand(2, new BigDecimal("30")), new StarBand(1, new BigDecimal("10")));
            CriteriaSet set = new CriteriaSet("X", "X", SET1.legalBasis(), 1, shifted, SET1.parts(), List.of(), null);
            assertThat(set.violations()).extracting(CriteriaSet.Violation::message).containsExactly("the 1★ band must start at 0");
        }
    }
}
