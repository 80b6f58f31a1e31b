package vn.ocop.registry.certification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** Applies {@link CertificateIssued} to the certification projection (inside the inbox transaction). */
@ApplicationScoped
public class CertificateIssuedHandler implements EventHandler<CertificateIssued> {

    @Inject
    CertificationProjection projection;

    @Override
    public Class<CertificateIssued> eventClass() {
        return CertificateIssued.class;
    }

    @Override
    public void handle(CertificateIssued event, EventContext context) {
        projection.issued(event);
    }
}
