package vn.ocop.evaluation.rating;

import java.math.BigDecimal;
import java.util.List;

/** A group of criteria inside a part, e.g. "Tổ chức sản xuất" (organisation of production), 18 points in set 1. */
public record CriteriaGroup(String code, String name, BigDecimal maxPoints, List<Criterion> criteria) {

    public CriteriaGroup {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }
}
