package vn.ocop.evaluation.certificate;

/** ACTIVE → SUPERSEDED (a re-rating issued a new one) | REVOKED | EXPIRED; revoked and expired are terminal. */
public enum CertificateStatus {
    ACTIVE,
    SUPERSEDED,
    REVOKED,
    EXPIRED;

    public boolean terminal() {
        return this == REVOKED || this == EXPIRED;
    }
}
