package vn.ocop.monitoring.certificate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import vn.ocop.events.monitoring.CertificateRevoked;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/**
 * Monitoring's own revocation, read back from its own topic when the register is rebuilt from the topics (the live
 * inbox does not subscribe to ocop.monitoring.events: the revocation wrote the register directly). Revoked is terminal
 * and outranks a supersession seen first; the decision is found again by its number and date.
 */
@ApplicationScoped
public class CertificateRevokedHandler implements EventHandler<CertificateRevoked> {

    @Inject
    EntityManager entityManager;

    @Override
    public Class<CertificateRevoked> eventClass() {
        return CertificateRevoked.class;
    }

    @Override
    public void handle(CertificateRevoked event, EventContext context) {
        Certificate certificate = CertificateRows.reserve(entityManager, event.certificateId(), CertificateStatus.REVOKED);
        if (certificate.status == CertificateStatus.REVOKED && certificate.revokedOn != null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<UUID> decision = entityManager.createNativeQuery(
                "select id from revocation_decision where decision_number = ?1 and decided_on = ?2", UUID.class)
                .setParameter(1, event.decisionNumber()).setParameter(2, event.decidedOn()).getResultList();
        certificate.status = CertificateStatus.REVOKED;
        certificate.revokedOn = event.decidedOn();
        certificate.revocationId = decision.isEmpty() ? null : decision.get(0);
        certificate.nextMilestoneOn = null;
        certificate.updatedAt = Instant.now();
    }
}
