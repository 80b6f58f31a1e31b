package vn.ocop.market.certificate;

import vn.ocop.rules.CertificateLifecycle;

/**
 * Lifecycle of an OCOP certificate (giấy chứng nhận OCOP) as the market sees it, as {@link CertificateLifecycle} rules:
 * no later event revives an expired or revoked certificate. SUPERSEDED means a re-rating issued a successor.
 */
public enum CertificateStatus {
    ACTIVE, SUPERSEDED, REVOKED, EXPIRED;

    /** Whether an event may move a certificate from this state to {@code next}: the one lifecycle of the rules module. */
    public boolean mayBecome(CertificateStatus next) {
        return CertificateLifecycle.allows(this, next);
    }

    /** Ended: the certificate no longer gives the right to use the OCOP mark (expired or revoked). */
    public boolean hasEnded() {
        return CertificateLifecycle.hasEnded(this);
    }
}
