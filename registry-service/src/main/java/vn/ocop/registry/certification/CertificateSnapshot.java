package vn.ocop.registry.certification;

import java.time.LocalDate;
import java.util.UUID;

/** A certificate's state as written to the audit trail. */
record CertificateSnapshot(UUID id, String number, UUID productId, Integer stars, LocalDate issuedOn, LocalDate validUntil,
                           boolean issued, UUID supersededBy, boolean expired, boolean revoked, String revocationGround,
                           CertificateStatus status) {

    static CertificateSnapshot of(Certificate c) {
        return new CertificateSnapshot(c.id, c.number, c.productId, c.stars, c.issuedOn, c.validUntil, c.issued,
                c.supersededBy, c.expired, c.revoked, c.revocationGround, c.status);
    }
}
