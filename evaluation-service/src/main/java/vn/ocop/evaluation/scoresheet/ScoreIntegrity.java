package vn.ocop.evaluation.scoresheet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.evaluation.rating.CriteriaSet;
import vn.ocop.evaluation.rating.CriterionOption;

/**
 * Score-integrity view of one product's sheets for auditors: how far members disagree per criterion, which members'
 * totals stray from the council's mean, and which sheets were amended (and why). Pure; computed on read.
 */
@Schema(name = "ScoreIntegrity")
public record ScoreIntegrity(UUID productId, BigDecimal meanTotal, BigDecimal deviationThreshold, List<CriterionSpread> criteria,
                             List<DeviatingMember> deviatingMembers, List<Amendment> amendments) {

    /** Points each member gave on one criterion (current sheets), with the spread max − min. */
    public record CriterionSpread(String criterionCode, BigDecimal maxPoints, BigDecimal min, BigDecimal max, BigDecimal spread,
                                  Map<String, BigDecimal> pointsByMember) {
    }

    public record DeviatingMember(String memberSubject, BigDecimal total, BigDecimal deviation) {
    }

    public record Amendment(String memberSubject, int revision, BigDecimal previousTotal, BigDecimal total, String reason,
                            Instant submittedAt) {
    }

    public static ScoreIntegrity of(UUID productId, CriteriaSet set, List<ScoreSheet> allRevisions, BigDecimal threshold) {
        List<ScoreSheet> current = allRevisions.stream().filter(s -> s.current)
                .sorted(Comparator.comparing(s -> s.memberSubject)).toList();
        List<CriterionSpread> spreads = new ArrayList<>();
        Map<String, Map<String, String>> choices = new LinkedHashMap<>();
        current.forEach(s -> choices.put(s.memberSubject, SheetJson.choices(s.choices)));
        set.criteria().forEach(criterion -> {
            Map<String, BigDecimal> points = new LinkedHashMap<>();
            choices.forEach((member, chosen) -> criterion.option(chosen.get(criterion.code()))
                    .map(CriterionOption::points).ifPresent(p -> points.put(member, p)));
            if (!points.isEmpty()) {
                BigDecimal min = points.values().stream().min(BigDecimal::compareTo).orElseThrow();
                BigDecimal max = points.values().stream().max(BigDecimal::compareTo).orElseThrow();
                spreads.add(new CriterionSpread(criterion.code(), criterion.maxPoints(), min, max, max.subtract(min), points));
            }
        });
        spreads.sort(Comparator.comparing(CriterionSpread::spread).reversed().thenComparing(CriterionSpread::criterionCode, ScoreIntegrity::byCode));

        BigDecimal mean = current.isEmpty() ? BigDecimal.ZERO.setScale(2)
                : current.stream().map(s -> s.total).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(current.size()), 2, RoundingMode.HALF_UP);
        List<DeviatingMember> deviating = current.stream()
                .map(s -> new DeviatingMember(s.memberSubject, s.total, s.total.subtract(mean)))
                .filter(d -> d.deviation().abs().compareTo(threshold) > 0)
                .toList();

        Map<UUID, ScoreSheet> byId = new LinkedHashMap<>();
        allRevisions.forEach(s -> byId.put(s.id, s));
        List<Amendment> amendments = allRevisions.stream().filter(s -> s.revision > 1)
                .sorted(Comparator.comparing((ScoreSheet s) -> s.submittedAt))
                .map(s -> new Amendment(s.memberSubject, s.revision,
                        byId.containsKey(s.supersedesId) ? byId.get(s.supersedesId).total : null, s.total, s.amendmentReason, s.submittedAt))
                .toList();
        return new ScoreIntegrity(productId, mean, threshold, spreads, deviating, amendments);
    }

    /** Criterion codes in sheet order: 2.3 before 10.1. */
    private static int byCode(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int cmp = compareNumeric(x[i], y[i]);
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int compareNumeric(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

}
