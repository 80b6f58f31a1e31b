package vn.ocop.registry.certification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.events.monitoring.CertificateRevoked;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** Applies {@link CertificateRevoked} to the certification projection (inside the inbox transaction). */
@ApplicationScoped
public class CertificateRevokedHandler implements EventHandler<CertificateRevoked> {

    @Inject
    CertificationProjection projection;

    @Override
    public Class<CertificateRevoked> eventClass() {
        return CertificateRevoked.class;
    }

    @Override
    public void handle(CertificateRevoked event, EventContext context) {
        projection.revoked(event);
    }
}
