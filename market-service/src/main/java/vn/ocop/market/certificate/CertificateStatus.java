package vn.ocop.market.certificate;

/**
 * Lifecycle of an OCOP certificate (giấy chứng nhận OCOP) as the market sees it. REVOKED and EXPIRED are terminal: no
 * later event revives them. SUPERSEDED means a re-rating issued a successor.
 */
public enum CertificateStatus {
    ACTIVE, SUPERSEDED, REVOKED, EXPIRED;

    public boolean terminal() {
        return this == REVOKED || this == EXPIRED;
    }
}
