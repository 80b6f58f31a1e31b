package vn.ocop.monitoring.certificate;

/**
 * Lifecycle of a certificate (giấy chứng nhận sản phẩm OCOP): ACTIVE until it expires (36 months), is revoked
 * (thu hồi) or is replaced by a re-rating's certificate. Only ACTIVE ever changes: the other three are terminal.
 */
public enum CertificateStatus {
    ACTIVE, SUPERSEDED, EXPIRED, REVOKED;

    public boolean isTerminal() {
        return this != ACTIVE;
    }
}
