package vn.ocop.monitoring.certificate;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import vn.ocop.events.monitoring.CertificateExpired;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/**
 * Monitoring's own expiry, read back from its own topic when the register is rebuilt from the topics. The job expires
 * only active certificates, so an expiry outranks a supersession that a rebuild happens to apply first; a revocation
 * stays.
 */
@ApplicationScoped
public class CertificateExpiredHandler implements EventHandler<CertificateExpired> {

    @Inject
    EntityManager entityManager;

    @Override
    public Class<CertificateExpired> eventClass() {
        return CertificateExpired.class;
    }

    @Override
    public void handle(CertificateExpired event, EventContext context) {
        Certificate certificate = CertificateRows.reserve(entityManager, event.certificateId(), CertificateStatus.EXPIRED);
        if (certificate.status == CertificateStatus.REVOKED
                || (certificate.status == CertificateStatus.EXPIRED && certificate.expiredOn != null)) {
            return;
        }
        certificate.status = CertificateStatus.EXPIRED;
        certificate.expiredOn = event.expiredOn() != null ? event.expiredOn() : event.validUntil().plusDays(1);
        certificate.nextMilestoneOn = null;
        certificate.updatedAt = Instant.now();
    }
}
