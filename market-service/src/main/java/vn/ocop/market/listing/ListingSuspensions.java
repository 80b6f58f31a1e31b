package vn.ocop.market.listing;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.ocop.events.market.ListingReinstated;
import vn.ocop.events.market.ListingSuspended;
import vn.ocop.market.certificate.Certificate;
import vn.ocop.market.certificate.CertificateStatus;
import vn.ocop.market.webhook.Webhooks;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.outbox.Outbox;

/**
 * Automatic delisting (OCOP.md §3.3: expiry and revocation end the right to the OCOP mark everywhere). Runs inside
 * the inbox transaction that records the certificate event, so the suspension, its ListingSuspended events and the
 * webhook rows commit together with the "processed" mark, or not at all.
 */
@ApplicationScoped
public class ListingSuspensions {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    Webhooks webhooks;

    @Transactional(Transactional.TxType.MANDATORY)
    public int suspendAll(Certificate ended, CertificateStatus reason) {
        Instant now = clock.instant();
        List<Listing> active = Listing.list("productId = ?1 and status = ?2", ended.productId, ListingStatus.ACTIVE);
        for (Listing l : active) {
            ListingView before = ListingView.of(l);
            l.status = ListingStatus.SUSPENDED;
            l.suspendedAt = now;
            l.suspensionReason = reason.name();
            l.suspendedCertificateId = ended.id;
            l.acknowledgedAt = null;
            l.acknowledgedBy = null;
            l.updatedAt = now;
            audit.record("listing.suspended", "listing", l.id, before, ListingView.of(l));
            outbox.append(new ListingSuspended(l.id, l.productId, ended.id, l.channelId, l.pointOfSaleId, reason.name(), now));
            webhooks.enqueue(Outlets.kind(l), Outlets.id(l), Outlets.endpoint(l), l.id, "listing.suspended",
                    body(l, ended, reason.name(), now));
        }
        return active.size();
    }

    /**
     * A re-rating's certificate replaces the old one on the product's listings: active listings now show the new stars
     * and number, and listings suspended because the old certificate ended are back on sale without anyone asking.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reinstateAfterReRating(Certificate successor) {
        if (successor.supersedesId == null) {
            return;
        }
        List<Listing> active = Listing.list("productId = ?1 and status = ?2 and certificateId = ?3",
                successor.productId, ListingStatus.ACTIVE, successor.supersedesId);
        for (Listing l : active) {
            ListingView before = ListingView.of(l);
            l.certificateId = successor.id;
            l.updatedAt = clock.instant();
            audit.record("listing.recertified", "listing", l.id, before, ListingView.of(l));
        }
        List<Listing> suspended = Listing.list("productId = ?1 and status = ?2 and suspendedCertificateId = ?3",
                successor.productId, ListingStatus.SUSPENDED, successor.supersedesId);
        for (Listing l : suspended) {
            reinstate(l, successor);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reinstate(Listing l, Certificate certificate) {
        Instant now = clock.instant();
        ListingView before = ListingView.of(l);
        l.status = ListingStatus.ACTIVE;
        l.certificateId = certificate.id;
        l.suspendedAt = null;
        l.suspensionReason = null;
        l.suspendedCertificateId = null;
        l.acknowledgedAt = null;
        l.acknowledgedBy = null;
        l.updatedAt = now;
        audit.record("listing.reinstated", "listing", l.id, before, ListingView.of(l));
        outbox.append(new ListingReinstated(l.id, l.productId, certificate.id, now));
        webhooks.enqueue(Outlets.kind(l), Outlets.id(l), Outlets.endpoint(l), l.id, "listing.reinstated",
                body(l, certificate, null, now));
    }

    private static Map<String, Object> body(Listing l, Certificate c, String reason, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("listingId", l.id);
        body.put("productId", l.productId);
        body.put("productCode", l.productCode);
        body.put("externalSku", l.externalSku);
        body.put("channelId", l.channelId);
        body.put("pointOfSaleId", l.pointOfSaleId);
        body.put("certificateId", c.id);
        body.put("certificateNumber", c.number);
        if (reason != null) {
            body.put("reason", reason);
        }
        body.put("occurredAt", at.toString());
        return body;
    }
}
