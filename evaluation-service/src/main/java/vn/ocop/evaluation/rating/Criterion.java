package vn.ocop.evaluation.rating;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A criterion (tiêu chí) of a score sheet, e.g. 1.5 "linkage contracts", with its options. Exactly one option is chosen. */
public record Criterion(String code, String text, BigDecimal maxPoints, List<CriterionOption> options) {

    public Criterion {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public Optional<CriterionOption> option(String optionCode) {
        return options.stream().filter(o -> o.code().equals(optionCode)).findFirst();
    }

    /**
     * The option a product must reach on this criterion for {@code stars}: the marked option with the highest mark not
     * above {@code stars} (a {@code ***} minimum still binds a 4★ or 5★ product). Empty when nothing is marked up to there.
     */
    public Optional<CriterionOption> minimumFor(int stars) {
        return options.stream()
                .filter(o -> o.minimumFor() != null && o.minimumFor() <= stars)
                .max(Comparator.comparingInt(CriterionOption::minimumFor));
    }

    /** Whether the chosen option reaches the required one; options form a ladder, so reaching means at least its points. */
    public static boolean reaches(CriterionOption chosen, CriterionOption required) {
        return chosen.points().compareTo(required.points()) >= 0;
    }
}
