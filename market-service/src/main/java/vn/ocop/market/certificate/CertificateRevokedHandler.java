package vn.ocop.market.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.events.monitoring.CertificateRevoked;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** A revocation (thu hồi) ends the certificate and suspends every listing of the product that has no other one. */
@ApplicationScoped
public class CertificateRevokedHandler implements EventHandler<CertificateRevoked> {

    @Inject
    CertificateLedger ledger;

    @Override
    public Class<CertificateRevoked> eventClass() {
        return CertificateRevoked.class;
    }

    @Override
    public void handle(CertificateRevoked e, EventContext context) {
        ledger.ended(e.certificateId(), e.certificateNumber(), e.productId(), e.provinceCode(), CertificateStatus.REVOKED,
                e.ground() + " (decision " + e.decisionNumber() + ")", e.decidedOn());
    }
}
