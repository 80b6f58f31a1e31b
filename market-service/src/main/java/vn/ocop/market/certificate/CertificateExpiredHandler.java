package vn.ocop.market.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.events.monitoring.CertificateExpired;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** The validity ended without a re-rating: the product loses the mark and its listings are suspended. */
@ApplicationScoped
public class CertificateExpiredHandler implements EventHandler<CertificateExpired> {

    @Inject
    CertificateLedger ledger;

    @Override
    public Class<CertificateExpired> eventClass() {
        return CertificateExpired.class;
    }

    @Override
    public void handle(CertificateExpired e, EventContext context) {
        ledger.ended(e.certificateId(), e.certificateNumber(), e.productId(), e.provinceCode(), CertificateStatus.EXPIRED,
                "validity ended " + e.validUntil(), e.validUntil());
    }
}
