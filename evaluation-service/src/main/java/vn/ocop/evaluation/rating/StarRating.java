package vn.ocop.evaluation.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a product's star is computed. Rule (OCOP.md §2, QĐ 26/2026 Điều 3.3 + Annex II): star = min(band of the
 * members' average total, highest level whose ***\/****\/***** minima are all met); knock-outs stop scoring; no
 * certificate below 3★; a provincial 5★ is only "potential 5★" — the central council alone recognises 5★.
 *
 * <p>Pure functions over a {@link CriteriaSet}: no clock, no database, no configuration lookups.
 */
public final class StarRating {
    /** The lowest star level that gets a certificate (Điều 4: none for 1★/2★). */
    public static final int MIN_CERTIFIED_STARS = 3;
    /** Levels with marked minima. Below 3★ nothing is marked, so a product failing the 3★ minima is held at 2★. */
    private static final int[] MARKED_LEVELS = {3, 4, 5};
    private static final int UNMARKED_LEVEL = 2;

    private StarRating() {
    }

    /** The band's stars for a score: bands are half-open, [min, next min), decimals kept (49.99 → 2★, 50 → 3★). */
    public static int band(List<StarBand> bands, BigDecimal score) {
        return bandOfSum(bands, score, 1);
    }

    /** Band of {@code sum / count} compared exactly (sum ≥ min × count), so no rounding can lift a product into a band. */
    static int bandOfSum(List<StarBand> bands, BigDecimal sum, int count) {
        BigDecimal n = BigDecimal.valueOf(count);
        return bands.stream()
                .sorted((a, b) -> b.minScore().compareTo(a.minScore()))
                .filter(b -> sum.compareTo(b.minScore().multiply(n)) >= 0)
                .findFirst()
                .map(StarBand::stars)
                .orElseThrow(() -> new IllegalArgumentException("No band covers score " + sum + "/" + count));
    }

    /**
     * Scores one member's sheet: exactly one option for every criterion, each option belonging to its criterion, and
     * knock-out grounds known to the set. The total is computed here; a client never supplies it.
     *
     * @throws SheetViolation listing every wrong or missing choice
     */
    public static ScoredSheet score(CriteriaSet set, Map<String, String> choices, Collection<String> knockOuts) {
        List<CriteriaSet.Violation> violations = new ArrayList<>();
        Map<String, Criterion> criteria = set.criteriaByCode();
        Map<String, String> given = choices == null ? Map.of() : choices;
        for (String code : given.keySet()) {
            if (!criteria.containsKey(code)) {
                violations.add(new CriteriaSet.Violation("choices." + code, "no such criterion in " + set.id()));
            }
        }
        Map<String, CriterionOption> chosen = new LinkedHashMap<>();
        Map<String, BigDecimal> partTotals = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CriteriaPart part : set.parts()) {
            BigDecimal partTotal = BigDecimal.ZERO;
            for (CriteriaGroup group : part.groups()) {
                for (Criterion criterion : group.criteria()) {
                    String optionCode = given.get(criterion.code());
                    if (optionCode == null) {
                        violations.add(new CriteriaSet.Violation("choices." + criterion.code(), "choose one option"));
                        continue;
                    }
                    Optional<CriterionOption> option = criterion.option(optionCode);
                    if (option.isEmpty()) {
                        violations.add(new CriteriaSet.Violation("choices." + criterion.code(),
                                "option " + optionCode + " does not belong to criterion " + criterion.code()));
                        continue;
                    }
                    chosen.put(criterion.code(), option.get());
                    partTotal = partTotal.add(option.get().points());
                }
            }
            partTotals.put(part.code(), partTotal.setScale(2, RoundingMode.UNNECESSARY));
            total = total.add(partTotal);
        }
        Set<String> grounds = new LinkedHashSet<>();
        for (String ground : knockOuts == null ? List.<String>of() : knockOuts) {
            if (set.knockOut(ground).isEmpty()) {
                violations.add(new CriteriaSet.Violation("knockOuts", "no knock-out ground " + ground + " in " + set.id()));
            } else {
                grounds.add(ground);
            }
        }
        if (!violations.isEmpty()) {
            throw new SheetViolation(violations);
        }
        int level = mandatoryLevel(set, List.of(chosen), MandatoryAgreement.unanimous());
        return new ScoredSheet(chosen, total.setScale(2, RoundingMode.UNNECESSARY), partTotals, grounds, level);
    }

    /**
     * The highest level (2–5) whose marked minima the council counts as met: a minimum counts when enough sheets
     * (per {@code agreement}) reach it. Levels are checked upwards; the first level with an unmet minimum stops it.
     */
    public static int mandatoryLevel(CriteriaSet set, List<Map<String, CriterionOption>> sheets, MandatoryAgreement agreement) {
        int level = UNMARKED_LEVEL;
        for (int stars : MARKED_LEVELS) {
            if (!missingMinima(set, sheets, agreement, stars).isEmpty()) {
                return level;
            }
            level = stars;
        }
        return level;
    }

    /** The marked minima for {@code stars} that too few sheets reach (empty when the level's minima are met). */
    public static List<MissingMinimum> missingMinima(CriteriaSet set, List<Map<String, CriterionOption>> sheets,
                                                     MandatoryAgreement agreement, int stars) {
        List<MissingMinimum> missing = new ArrayList<>();
        set.criteria().forEach(criterion -> criterion.minimumFor(stars).ifPresent(required -> {
            int meeting = (int) sheets.stream()
                    .map(sheet -> sheet.get(criterion.code()))
                    .filter(chosen -> chosen != null && Criterion.reaches(chosen, required))
                    .count();
            if (!agreement.reached(meeting, sheets.size())) {
                missing.add(new MissingMinimum(stars, criterion.code(), criterion.text(), required.code(), required.text(),
                        required.points(), meeting, sheets.size()));
            }
        }));
        return missing;
    }

    /**
     * Closes a product's evaluation from its members' sheets (quorum is the caller's concern): average, band,
     * mandatory level, knock-outs, star and outcome.
     */
    public static Rating close(CriteriaSet set, CouncilLevel level, List<ScoredSheet> sheets, MandatoryAgreement agreement) {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("A result needs at least one sheet");
        }
        BigDecimal sum = sheets.stream().map(ScoredSheet::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        int n = sheets.size();
        BigDecimal average = sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.DOWN);
        int band = bandOfSum(set.starBands(), sum, n);

        Set<String> upheld = new LinkedHashSet<>();
        for (KnockOutGround ground : set.knockOuts()) {
            int finding = (int) sheets.stream().filter(s -> s.knockOuts().contains(ground.code())).count();
            if (finding > 0 && agreement.reached(finding, n)) {
                upheld.add(ground.code());
            }
        }
        if (!upheld.isEmpty()) {
            return new Rating(average, band, 0, 1, Outcome.KNOCKED_OUT, upheld, List.of(), n);
        }
        List<Map<String, CriterionOption>> choices = sheets.stream().map(ScoredSheet::chosen).toList();
        int mandatory = mandatoryLevel(set, choices, agreement);
        int stars = Math.min(band, mandatory);
        List<MissingMinimum> unmet = mandatory < 5 ? missingMinima(set, choices, agreement, mandatory + 1) : List.of();
        return new Rating(average, band, mandatory, stars, outcome(level, stars), Set.of(), unmet, n);
    }

    /** Below 3★ nothing is certified; a provincial 5★ is a nomination; otherwise the result can be recognised. */
    static Outcome outcome(CouncilLevel level, int stars) {
        if (stars < MIN_CERTIFIED_STARS) {
            return Outcome.BELOW_THREE_STARS;
        }
        if (stars == 5 && level == CouncilLevel.PROVINCIAL) {
            return Outcome.FIVE_STAR_NOMINATED;
        }
        return Outcome.CERTIFIABLE;
    }
}
