package vn.ocop.registry.verification;

import java.time.LocalDate;
import java.util.UUID;

import vn.ocop.registry.certification.CertificateStatus;
import vn.ocop.registry.certification.CertificateVerification;

/**
 * Everything the page, the printed document and the resolver show about one certificate, read at one moment:
 * {@link #status} is the status on {@link #checkedOn} (an ACTIVE certificate past its last day reads EXPIRED).
 * {@link #provinceTitle} is the name as an authority's title uses it ("tỉnh Quảng Ngãi", "Thành phố Hà Nội").
 */
public record CertificateFacts(UUID certificateId, String number, CertificateStatus status, UUID productId, String productCode,
                               String productName, Integer productSet, String producerName, String provinceCode,
                               String provinceName, String provinceTitle, Integer stars, LocalDate issuedOn, LocalDate validUntil,
                               String decisionNumber, LocalDate revokedOn, String revocationGround,
                               String revocationDecision, String supersededBy, LocalDate checkedOn) {

    public boolean valid() {
        return status == CertificateStatus.ACTIVE;
    }

    /** Revoked, expired or superseded: the label printed for this certificate no longer stands. */
    public boolean lapsed() {
        return status == CertificateStatus.REVOKED || status == CertificateStatus.EXPIRED
                || status == CertificateStatus.SUPERSEDED;
    }

    /** Revoked or expired: the label on the pack no longer stands (a superseded one has a successor). */
    public boolean ended() {
        return status == CertificateStatus.REVOKED || status == CertificateStatus.EXPIRED;
    }

    /** The same facts in the JSON shape of {@code GET /api/v1/public/certificates/{number}}. */
    public CertificateVerification toVerification() {
        return new CertificateVerification(number, valid() ? CertificateVerification.VALID : status.name(), productId,
                productCode, productName, provinceCode, stars, issuedOn, validUntil, decisionNumber, revokedOn,
                revocationGround, revocationDecision, supersededBy, checkedOn);
    }
}
