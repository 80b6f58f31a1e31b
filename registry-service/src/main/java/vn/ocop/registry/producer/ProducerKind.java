package vn.ocop.registry.producer;

/** Eligible producers (chủ thể, QĐ 26/2026 Điều 2.3); the last two only for community-tourism products (set 26). */
public enum ProducerKind {
    /** Hợp tác xã. */
    COOPERATIVE,
    /** Tổ hợp tác. */
    COOPERATIVE_GROUP,
    /** Doanh nghiệp nhỏ và vừa. */
    ENTERPRISE,
    /** Trang trại. */
    FARM,
    /** Hộ sản xuất / hộ gia đình có đăng ký kinh doanh. */
    HOUSEHOLD,
    /** Hội, hiệp hội (tourism only). */
    ASSOCIATION,
    /** Trung tâm điều hành du lịch (tourism only). */
    OPERATING_CENTRE
}
