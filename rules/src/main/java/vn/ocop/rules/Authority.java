package vn.ocop.rules;

/**
 * Who recognises a certificate of a star level and, by the same rule, who revokes it: the district UBND (cấp huyện,
 * QĐ 148 only, abolished 1/7/2025), the provincial chairman (cấp tỉnh) or the central ministry (cấp trung ương).
 */
public enum Authority {
    DISTRICT, PROVINCIAL, CENTRAL
}
