package vn.ocop.evaluation.rating;

import java.util.List;

/** A member's choices cannot be scored against the criteria set; lists each wrong choice (field = JSON path). */
public class SheetViolation extends RuntimeException {
    private final List<CriteriaSet.Violation> violations;

    public SheetViolation(List<CriteriaSet.Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse("invalid sheet"));
        this.violations = List.copyOf(violations);
    }

    public List<CriteriaSet.Violation> violations() {
        return violations;
    }
}
