package vn.ocop.evaluation.rating;

import java.math.BigDecimal;
import java.util.List;

/** Part A, B or C of a score sheet (phần), e.g. C "Chất lượng sản phẩm" (product quality), 35 points. */
public record CriteriaPart(String code, String name, BigDecimal maxPoints, List<CriteriaGroup> groups) {

    public CriteriaPart {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
