package vn.ocop.evaluation.certificate;

import vn.ocop.rules.CertificateLifecycle;

/** ACTIVE → SUPERSEDED (a re-rating issued a new one) → EXPIRED → REVOKED, as {@link CertificateLifecycle} rules. */
public enum CertificateStatus {
    ACTIVE,
    SUPERSEDED,
    REVOKED,
    EXPIRED;

    /** Whether an event may move a certificate from this state to {@code next}: the one lifecycle of the rules module. */
    public boolean mayBecome(CertificateStatus next) {
        return CertificateLifecycle.allows(this, next);
    }

    /** Ended: the certificate no longer gives the right to use the OCOP mark (expired or revoked). */
    public boolean hasEnded() {
        return CertificateLifecycle.hasEnded(this);
    }
}
