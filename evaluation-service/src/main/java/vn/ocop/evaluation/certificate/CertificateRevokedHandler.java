package vn.ocop.evaluation.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.events.monitoring.CertificateRevoked;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** A revocation decision (thu hồi) ends the certificate for good. */
@ApplicationScoped
public class CertificateRevokedHandler implements EventHandler<CertificateRevoked> {

    @Inject
    CertificateEndHandlers ends;

    @Override
    public Class<CertificateRevoked> eventClass() {
        return CertificateRevoked.class;
    }

    @Override
    public void handle(CertificateRevoked event, EventContext context) {
        ends.end(event.certificateId(), event.certificateNumber(), CertificateStatus.REVOKED,
                "Revoked by " + event.decisionNumber() + " of " + event.decidedOn() + ": " + event.ground());
    }
}
