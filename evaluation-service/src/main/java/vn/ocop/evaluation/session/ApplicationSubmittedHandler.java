package vn.ocop.evaluation.session;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import vn.ocop.events.registry.ApplicationSubmitted;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/** Puts an accepted dossier in its province's queue for the next provincial session. */
@ApplicationScoped
public class ApplicationSubmittedHandler implements EventHandler<ApplicationSubmitted> {

    @Override
    public Class<ApplicationSubmitted> eventClass() {
        return ApplicationSubmitted.class;
    }

    @Override
    public void handle(ApplicationSubmitted event, EventContext context) {
        if (event.productSet() < 1 || event.productSet() > 26) {
            throw new IllegalArgumentException("productSet must be 1..26, was " + event.productSet()); // to the DLQ
        }
        if (Application.findById(event.applicationId()) != null) {
            return; // the same dossier announced again under another event id
        }
        Application application = new Application();
        application.id = event.applicationId();
        application.productId = event.productId();
        application.productCode = event.productCode();
        application.producerId = event.producerId();
        application.provinceCode = event.provinceCode();
        application.productSet = event.productSet();
        application.kind = event.kind();
        application.currentCertificateNumber = event.currentCertificateNumber();
        application.acceptedAt = event.acceptedAt();
        application.status = Application.SUBMITTED;
        application.receivedAt = Instant.now();
        application.persist();
    }
}
