package vn.ocop.evaluation.rating;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One version of the criteria for one product set (bộ tiêu chí kiêm phiếu đánh giá, Annex II): legal basis × product
 * set 1–26 → parts → groups → criteria → options, plus knock-out grounds and the star bands. Immutable once
 * published; an evaluation records the {@link #id} it was scored against.
 *
 * @param id          the version id, e.g. {@code QD26-2026-S01}
 * @param productSet  the product set (bộ sản phẩm) 1–26 this sheet scores
 * @param note        what the data is based on (e.g. which criteria are illustrative)
 */
public record CriteriaSet(String id, String title, LegalBasis legalBasis, int productSet, List<StarBand> starBands,
                          List<CriteriaPart> parts, List<KnockOutGround> knockOuts, String note) {

    public static final BigDecimal TOTAL_POINTS = new BigDecimal("100");

    public CriteriaSet {
        starBands = starBands == null ? List.of() : starBands.stream()
                .sorted(Comparator.comparing(StarBand::minScore).reversed()).toList();
        parts = parts == null ? List.of() : List.copyOf(parts);
        knockOuts = knockOuts == null ? List.of() : List.copyOf(knockOuts);
    }

    /** A field path and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    public Stream<Criterion> criteria() {
        return parts.stream().flatMap(p -> p.groups().stream()).flatMap(g -> g.criteria().stream());
    }

    public Optional<Criterion> criterion(String code) {
        return criteria().filter(c -> c.code().equals(code)).findFirst();
    }

    public Map<String, Criterion> criteriaByCode() {
        Map<String, Criterion> byCode = new LinkedHashMap<>();
        criteria().forEach(c -> byCode.put(c.code(), c));
        return byCode;
    }

    public Optional<KnockOutGround> knockOut(String code) {
        return knockOuts.stream().filter(k -> k.code().equals(code)).findFirst();
    }

    /**
     * Everything that makes this set unusable for scoring: missing fields, duplicate codes, points that do not add up
     * (options ≤ criterion max, the best option = criterion max, criteria = group, groups = part, parts = 100), star
     * marks outside 3–5, bands that do not start at 0 or do not cover 1–5★ once each.
     */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        if (blank(id)) {
            out.add(new Violation("id", "must not be blank"));
        }
        if (blank(title)) {
            out.add(new Violation("title", "must not be blank"));
        }
        if (legalBasis == null || blank(legalBasis.decision()) || legalBasis.effectiveFrom() == null) {
            out.add(new Violation("legalBasis", "must name the decision and its effective-from date"));
        } else if (legalBasis.effectiveTo() != null && legalBasis.effectiveTo().isBefore(legalBasis.effectiveFrom())) {
            out.add(new Violation("legalBasis.effectiveTo", "must not be before effectiveFrom"));
        }
        if (productSet < 1 || productSet > 26) {
            out.add(new Violation("productSet", "must be between 1 and 26"));
        }
        checkBands(out);
        if (parts.isEmpty()) {
            out.add(new Violation("parts", "must not be empty"));
        }
        Set<String> criterionCodes = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int p = 0; p < parts.size(); p++) {
            CriteriaPart part = parts.get(p);
            String partPath = "parts[" + p + "]";
            BigDecimal partSum = BigDecimal.ZERO;
            for (int g = 0; g < part.groups().size(); g++) {
                CriteriaGroup group = part.groups().get(g);
                String groupPath = partPath + ".groups[" + g + "]";
                BigDecimal groupSum = BigDecimal.ZERO;
                if (group.criteria().isEmpty()) {
                    out.add(new Violation(groupPath + ".criteria", "must not be empty"));
                }
                for (int c = 0; c < group.criteria().size(); c++) {
                    Criterion criterion = group.criteria().get(c);
                    String path = groupPath + ".criteria[" + c + "]";
                    checkCriterion(criterion, path, criterionCodes, out);
                    if (criterion.maxPoints() != null) {
                        groupSum = groupSum.add(criterion.maxPoints());
                    }
                }
                if (group.maxPoints() == null || group.maxPoints().compareTo(groupSum) != 0) {
                    out.add(new Violation(groupPath + ".maxPoints", "must equal the sum of its criteria (" + groupSum + ")"));
                }
                partSum = partSum.add(group.maxPoints() == null ? BigDecimal.ZERO : group.maxPoints());
            }
            if (part.maxPoints() == null || part.maxPoints().compareTo(partSum) != 0) {
                out.add(new Violation(partPath + ".maxPoints", "must equal the sum of its groups (" + partSum + ")"));
            }
            total = total.add(part.maxPoints() == null ? BigDecimal.ZERO : part.maxPoints());
        }
        if (!parts.isEmpty() && total.compareTo(TOTAL_POINTS) != 0) {
            out.add(new Violation("parts", "must total 100 points, not " + total));
        }
        Set<String> knockOutCodes = new HashSet<>();
        for (int k = 0; k < knockOuts.size(); k++) {
            KnockOutGround ground = knockOuts.get(k);
            if (blank(ground.code()) || blank(ground.text()) || !knockOutCodes.add(ground.code())) {
                out.add(new Violation("knockOuts[" + k + "]", "needs a unique code and a text"));
            }
        }
        return out;
    }

    private void checkBands(List<Violation> out) {
        Set<Integer> stars = new HashSet<>();
        for (StarBand band : starBands) {
            if (band.minScore() == null || band.minScore().signum() < 0 || band.minScore().compareTo(TOTAL_POINTS) > 0
                    || band.stars() < 1 || band.stars() > 5 || !stars.add(band.stars())) {
                out.add(new Violation("starBands", "each of 1–5★ once, with a minimum score between 0 and 100"));
                return;
            }
        }
        if (stars.size() != 5) {
            out.add(new Violation("starBands", "must define 1★ to 5★"));
            return;
        }
        // Sorted by minimum score descending: stars must descend with it, and the lowest band must start at 0.
        for (int i = 1; i < starBands.size(); i++) {
            if (starBands.get(i).stars() >= starBands.get(i - 1).stars()
                    || starBands.get(i).minScore().compareTo(starBands.get(i - 1).minScore()) == 0) {
                out.add(new Violation("starBands", "more stars need a strictly higher minimum score"));
                return;
            }
        }
        if (starBands.get(starBands.size() - 1).minScore().signum() != 0) {
            out.add(new Violation("starBands", "the 1★ band must start at 0"));
        }
    }

    private static void checkCriterion(Criterion criterion, String path, Set<String> codes, List<Violation> out) {
        if (blank(criterion.code()) || !codes.add(criterion.code())) {
            out.add(new Violation(path + ".code", "must be present and unique in the set"));
        }
        if (blank(criterion.text())) {
            out.add(new Violation(path + ".text", "must not be blank"));
        }
        if (criterion.options().isEmpty()) {
            out.add(new Violation(path + ".options", "must not be empty"));
            return;
        }
        Set<String> optionCodes = new HashSet<>();
        BigDecimal best = null;
        for (int o = 0; o < criterion.options().size(); o++) {
            CriterionOption option = criterion.options().get(o);
            String optionPath = path + ".options[" + o + "]";
            if (blank(option.code()) || !optionCodes.add(option.code())) {
                out.add(new Violation(optionPath + ".code", "must be present and unique in the criterion"));
            }
            if (option.points() == null || option.points().signum() < 0) {
                out.add(new Violation(optionPath + ".points", "must be 0 or more"));
                continue;
            }
            if (option.minimumFor() != null && (option.minimumFor() < 3 || option.minimumFor() > 5)) {
                out.add(new Violation(optionPath + ".minimumFor", "must be 3, 4 or 5"));
            }
            best = best == null || option.points().compareTo(best) > 0 ? option.points() : best;
        }
        if (criterion.maxPoints() == null || best == null || criterion.maxPoints().compareTo(best) != 0) {
            out.add(new Violation(path + ".maxPoints", "must equal the best option's points (" + best + ")"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
