package vn.ocop.registry.application;

/** The attempt ticked on Form 01: lần đầu (first rating), nâng hạng (upgrade), đánh giá lại (re-rating at expiry). */
public enum ApplicationKind {
    FIRST_RATING, UPGRADE, RE_RATING
}
