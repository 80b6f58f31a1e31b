package vn.ocop.registry.certification;

import vn.ocop.rules.CertificateLifecycle;

/**
 * Lifecycle of an OCOP certificate (giấy chứng nhận), ACTIVE → SUPERSEDED → EXPIRED → REVOKED ({@link CertificateLifecycle}).
 *
 * <p>The constants are ordered by precedence: the status of a certificate is the highest one its known facts allow
 * ({@link #of}). Taking the maximum rather than the latest event is what makes the projection order-tolerant: a late
 * CertificateIssued cannot lower REVOKED or EXPIRED back to ACTIVE, and an expiry that monitoring reports for a
 * certificate a re-rating already replaced still ends it as EXPIRED, whichever event came first.
 */
public enum CertificateStatus {
    ACTIVE, SUPERSEDED, EXPIRED, REVOKED;

    /** The status implied by the facts seen for one certificate. */
    public static CertificateStatus of(boolean revoked, boolean expired, boolean superseded) {
        return valueOf(CertificateLifecycle.of(revoked, expired, superseded).name());
    }

    /** Whether an event may move a certificate from this state to {@code next}: the one lifecycle of the rules module. */
    public boolean mayBecome(CertificateStatus next) {
        return CertificateLifecycle.allows(this, next);
    }

    /** Ended: the certificate no longer gives the right to use the OCOP mark (expired or revoked). */
    public boolean hasEnded() {
        return CertificateLifecycle.hasEnded(this);
    }
}
