package vn.ocop.monitoring.certificate;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;
import vn.ocop.rules.ProgrammeRules;

/**
 * Enters a certificate in the register and, for a re-rating, marks the certificate it replaces SUPERSEDED.
 *
 * <p>Converges whatever the arrival order: the superseded certificate may be unknown yet (a row is reserved for it and
 * filled in when its own event comes), and a late or repeated CertificateIssued fills in missing details only: it
 * never changes the status of a certificate that has already expired, been revoked or been superseded.
 */
@ApplicationScoped
public class CertificateIssuedHandler implements EventHandler<CertificateIssued> {

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog audit;

    @Inject
    ProgrammeRules rules;

    @Override
    public Class<CertificateIssued> eventClass() {
        return CertificateIssued.class;
    }

    @Override
    public void handle(CertificateIssued event, EventContext context) {
        if (event.stars() < 3 || event.stars() > 5) {
            throw new IllegalArgumentException("an OCOP certificate is for 3 to 5 stars, not " + event.stars());
        }
        if (event.validUntil().isBefore(event.issuedOn())) {
            throw new IllegalArgumentException("validUntil " + event.validUntil() + " is before issuedOn " + event.issuedOn());
        }
        Certificate sameNumber = Certificate.byNumber(event.certificateNumber());
        if (sameNumber != null && !sameNumber.id.equals(event.certificateId())) {
            // Retrying cannot fix this: park it in the dead-letter topic for a person to look at.
            throw new IllegalArgumentException("certificate number " + event.certificateNumber()
                    + " already belongs to certificate " + sameNumber.id);
        }
        Certificate certificate = reserve(event.certificateId(), CertificateStatus.ACTIVE);
        if (!certificate.issued) {
            CertificateView before = certificate.status == CertificateStatus.ACTIVE ? null : CertificateView.of(certificate, rules);
            certificate.number = event.certificateNumber();
            certificate.productId = event.productId();
            certificate.productCode = event.productCode();
            certificate.producerId = event.producerId();
            certificate.provinceCode = event.provinceCode();
            certificate.stars = event.stars();
            certificate.issuedOn = event.issuedOn();
            certificate.validUntil = event.validUntil();
            certificate.decisionNumber = event.decisionNumber();
            certificate.criteriaSetVersion = event.criteriaSetVersion();
            certificate.supersedesId = event.supersedesCertificateId();
            certificate.issuedAt = event.issuedAt();
            certificate.issued = true;
            certificate.nextMilestoneOn = certificate.status == CertificateStatus.ACTIVE
                    ? certificate.reRatingWindow(rules).opensOn() : null;
            certificate.updatedAt = Instant.now();
            entityManager.flush();
            audit.record("certificate.registered", "certificate", certificate.id, before, CertificateView.of(certificate, rules));
        }
        if (event.supersedesCertificateId() != null) {
            supersede(event.supersedesCertificateId(), certificate.id);
        }
    }

    private void supersede(UUID oldId, UUID newId) {
        Certificate old = reserve(oldId, CertificateStatus.SUPERSEDED);
        if (newId.equals(old.supersededById)) {
            return;
        }
        CertificateView before = old.issued ? CertificateView.of(old, rules) : null;
        old.supersededById = newId;
        if (old.status == CertificateStatus.ACTIVE) {
            old.status = CertificateStatus.SUPERSEDED;
            old.nextMilestoneOn = null; // no reminders or expiry for a certificate that is no longer in force
        }
        old.updatedAt = Instant.now();
        entityManager.flush();
        audit.record("certificate.superseded", "certificate", old.id, before, CertificateView.of(old, rules));
    }

    private Certificate reserve(UUID id, CertificateStatus initialStatus) {
        return CertificateRows.reserve(entityManager, id, initialStatus);
    }
}
