package vn.ocop.evaluation.rating;

/** Which council scores: a province's (Hội đồng cấp tỉnh, 3★/4★ and potential 5★) or the central one (cấp trung ương, 5★). */
public enum CouncilLevel {
    PROVINCIAL,
    CENTRAL
}
