package vn.ocop.evaluation.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.events.monitoring.CertificateExpired;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** The validity ran out without a superseding re-rating. */
@ApplicationScoped
public class CertificateExpiredHandler implements EventHandler<CertificateExpired> {

    @Inject
    CertificateEndHandlers ends;

    @Override
    public Class<CertificateExpired> eventClass() {
        return CertificateExpired.class;
    }

    @Override
    public void handle(CertificateExpired event, EventContext context) {
        ends.end(event.certificateId(), event.certificateNumber(), CertificateStatus.EXPIRED, "Expired after " + event.validUntil());
    }
}
