package vn.ocop.evaluation.rating;

import vn.ocop.rules.Authority;
import vn.ocop.rules.RuleVersion;

/** Which council scores: a province's (Hội đồng cấp tỉnh, 3★/4★ and potential 5★) or the central one (cấp trung ương, 5★). */
public enum CouncilLevel {
    PROVINCIAL,
    CENTRAL;

    /**
     * The level that recognises a certifiable result of {@code stars} under {@code rules} (the one authority function of
     * the rules module). A district's recognition (QĐ 148 only) is signed here by its province: districts were
     * abolished on 1/7/2025 and this system has no district officers.
     */
    public static CouncilLevel recognising(RuleVersion rules, int stars) {
        return rules.authorityFor(stars) == Authority.CENTRAL ? CENTRAL : PROVINCIAL;
    }
}
