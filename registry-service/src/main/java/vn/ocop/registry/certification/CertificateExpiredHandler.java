package vn.ocop.registry.certification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.events.monitoring.CertificateExpired;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** Applies {@link CertificateExpired} to the certification projection (inside the inbox transaction). */
@ApplicationScoped
public class CertificateExpiredHandler implements EventHandler<CertificateExpired> {

    @Inject
    CertificationProjection projection;

    @Override
    public Class<CertificateExpired> eventClass() {
        return CertificateExpired.class;
    }

    @Override
    public void handle(CertificateExpired event, EventContext context) {
        projection.expired(event);
    }
}
