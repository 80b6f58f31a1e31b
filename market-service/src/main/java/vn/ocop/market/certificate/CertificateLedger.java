package vn.ocop.market.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.market.listing.ListingSuspensions;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.time.LegalClock;

/**
 * Applies certificate events to the certificate view and, when a product loses its last active certificate, suspends
 * its listings in the same transaction (the inbox's). Converges whatever the order of issue, revocation and expiry.
 */
@ApplicationScoped
public class CertificateLedger {

    @Inject
    LegalClock clock;

    @Inject
    AuditLog audit;

    @Inject
    ListingSuspensions suspensions;

    public LocalDate today() {
        return clock.today();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void issued(CertificateIssued e) {
        Instant now = clock.instant();
        Certificate c = Certificate.findById(e.certificateId());
        if (c != null && c.issueReceived) {
            return; // the same issue under another event id
        }
        boolean created = c == null;
        if (created) {
            c = new Certificate();
            c.id = e.certificateId();
            c.status = CertificateStatus.ACTIVE;
        }
        // A revocation, expiry or successor that arrived first keeps its status; the issue only fills in the details.
        c.number = e.certificateNumber();
        c.productId = e.productId();
        c.productCode = e.productCode();
        c.producerId = e.producerId();
        c.provinceCode = e.provinceCode();
        c.stars = e.stars();
        c.issuedOn = e.issuedOn();
        c.validUntil = e.validUntil();
        c.supersedesId = e.supersedesCertificateId();
        c.issueReceived = true;
        c.updatedAt = now;
        if (created) {
            c.persist();
        }
        audit.record("certificate.issued", "certificate", c.id, null, CertificateView.of(c));

        if (e.supersedesCertificateId() != null) {
            Certificate old = Certificate.findById(e.supersedesCertificateId());
            if (old == null) {
                old = new Certificate();
                old.id = e.supersedesCertificateId();
                old.productId = e.productId();
                old.provinceCode = e.provinceCode();
                old.supersede(now);
                old.persist();
            } else if (old.supersede(now)) {
                audit.record("certificate.superseded", "certificate", old.id, null, CertificateView.of(old));
            }
        }
        if (c.status == CertificateStatus.ACTIVE && !c.validUntil.isBefore(today())) {
            suspensions.reinstateAfterReRating(c);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void ended(UUID certificateId, String number, UUID productId, String provinceCode, CertificateStatus terminal,
                      String reason, LocalDate on) {
        Instant now = clock.instant();
        Certificate c = Certificate.findById(certificateId);
        boolean created = c == null;
        if (created) {
            // The ending overtook the issue (different topics): remember it, so the late issue cannot make it active.
            c = new Certificate();
            c.id = certificateId;
            c.number = number;
            c.productId = productId;
            c.provinceCode = provinceCode;
        }
        if (c.number == null) {
            c.number = number; // a placeholder left by a successor's issue learns its number here
        }
        if (!c.end(terminal, reason, on, now)) {
            return;
        }
        if (created) {
            c.persist();
        }
        audit.record(terminal == CertificateStatus.REVOKED ? "certificate.revoked" : "certificate.expired", "certificate",
                c.id, null, CertificateView.of(c));
        if (Certificate.activeFor(productId, today()) == null) {
            suspensions.suspendAll(c, terminal);
        }
    }
}
