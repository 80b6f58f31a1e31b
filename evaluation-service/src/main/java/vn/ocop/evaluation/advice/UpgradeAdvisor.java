package vn.ocop.evaluation.advice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ocop.evaluation.rating.CouncilLevel;
import vn.ocop.evaluation.rating.CriteriaSet;
import vn.ocop.evaluation.rating.MandatoryAgreement;
import vn.ocop.evaluation.rating.Outcome;
import vn.ocop.evaluation.rating.Rating;
import vn.ocop.evaluation.rating.ScoredSheet;
import vn.ocop.evaluation.rating.StarBand;
import vn.ocop.evaluation.rating.StarRating;

/** Pure upgrade advice and what-if recomputation on top of {@link StarRating}. */
public final class UpgradeAdvisor {

    private UpgradeAdvisor() {
    }

    /** The council's sheets as submitted: criterion → option code, and each member's knock-out findings. */
    public record Sheet(Map<String, String> choices, List<String> knockOuts) {
    }

    public static UpgradeAdvice advise(CriteriaSet set, CouncilLevel level, List<Sheet> sheets, MandatoryAgreement agreement) {
        List<ScoredSheet> scored = sheets.stream().map(s -> StarRating.score(set, s.choices(), s.knockOuts())).toList();
        Rating rating = StarRating.close(set, level, scored, agreement);
        if (rating.outcome() == Outcome.KNOCKED_OUT || rating.stars() == 5) {
            return new UpgradeAdvice(set.id(), rating.averageScore(), rating.band(), rating.mandatoryLevel(), rating.stars(),
                    rating.outcome(), null, BigDecimal.ZERO.setScale(2), List.of(), false);
        }
        int next = rating.stars() + 1;
        BigDecimal nextMin = set.starBands().stream().filter(b -> b.stars() == next).map(StarBand::minScore).findFirst().orElseThrow();
        BigDecimal gap = nextMin.subtract(rating.averageScore()).max(BigDecimal.ZERO).setScale(2);
        return new UpgradeAdvice(set.id(), rating.averageScore(), rating.band(), rating.mandatoryLevel(), rating.stars(),
                rating.outcome(), next, gap,
                StarRating.missingMinima(set, scored.stream().map(ScoredSheet::chosen).toList(), agreement, next),
                next == 5);
    }

    /**
     * The same council sheets with {@code changes} (criterion → option) applied to every member's sheet: what the
     * product would be rated had it met those options.
     */
    public static UpgradeAdvice whatIf(CriteriaSet set, CouncilLevel level, List<Sheet> sheets, MandatoryAgreement agreement,
                                       Map<String, String> changes) {
        List<Sheet> changed = new ArrayList<>();
        for (Sheet sheet : sheets) {
            Map<String, String> choices = new LinkedHashMap<>(sheet.choices());
            choices.putAll(changes);
            changed.add(new Sheet(choices, sheet.knockOuts()));
        }
        return advise(set, level, changed, agreement);
    }
}
