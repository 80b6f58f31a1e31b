package vn.ocop.market.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** Records an issued certificate; a re-rating's certificate supersedes the old one and reinstates its listings. */
@ApplicationScoped
public class CertificateIssuedHandler implements EventHandler<CertificateIssued> {

    @Inject
    CertificateLedger ledger;

    @Override
    public Class<CertificateIssued> eventClass() {
        return CertificateIssued.class;
    }

    @Override
    public void handle(CertificateIssued event, EventContext context) {
        ledger.issued(event);
    }
}
