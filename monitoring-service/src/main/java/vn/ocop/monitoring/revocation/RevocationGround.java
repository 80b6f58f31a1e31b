package vn.ocop.monitoring.revocation;

/** Grounds for revoking a certificate (căn cứ thu hồi), QĐ 26/2026 Điều 8, points a to e. */
public enum RevocationGround {
    /** (a) Untruthful or forged information in the dossier. */
    FALSE_INFORMATION,
    /** (b) No longer meets the criteria, per an inspection conclusion. */
    CRITERIA_NO_LONGER_MET,
    /** (c) Violation of quality, food-safety, environment, IP, labelling or other law, per a competent conclusion. */
    LEGAL_VIOLATION,
    /** (d) Misuse of the OCOP mark causing confusion. */
    MARK_MISUSE,
    /** (đ) The producer stopped producing. */
    PRODUCTION_STOPPED,
    /** (e) Another competent conclusion that the product no longer qualifies. */
    OTHER_COMPETENT_CONCLUSION
}
