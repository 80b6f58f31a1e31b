package vn.ocop.monitoring.certificate;

import vn.ocop.rules.CertificateLifecycle;

/**
 * Lifecycle of a certificate (giấy chứng nhận sản phẩm OCOP): ACTIVE until its validity ends, it is revoked (thu hồi)
 * or replaced by a re-rating's certificate; the allowed moves are {@link CertificateLifecycle}'s.
 */
public enum CertificateStatus {
    ACTIVE, SUPERSEDED, EXPIRED, REVOKED;

    /** Whether an event may move a certificate from this state to {@code next}: the one lifecycle of the rules module. */
    public boolean mayBecome(CertificateStatus next) {
        return CertificateLifecycle.allows(this, next);
    }

    /** Ended: the certificate no longer gives the right to use the OCOP mark (expired or revoked). */
    public boolean hasEnded() {
        return CertificateLifecycle.hasEnded(this);
    }
}
