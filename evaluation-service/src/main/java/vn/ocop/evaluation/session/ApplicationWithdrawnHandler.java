package vn.ocop.evaluation.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.events.registry.ApplicationWithdrawn;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/**
 * Drops a withdrawn dossier from the queue and from any session it is waiting in. A product already closed keeps its
 * result: withdrawal cannot undo a council's decision.
 */
@ApplicationScoped
public class ApplicationWithdrawnHandler implements EventHandler<ApplicationWithdrawn> {

    @Inject
    AuditLog audit;

    @Override
    public Class<ApplicationWithdrawn> eventClass() {
        return ApplicationWithdrawn.class;
    }

    @Override
    public void handle(ApplicationWithdrawn event, EventContext context) {
        Application application = Application.findById(event.applicationId());
        if (application == null || Application.WITHDRAWN.equals(application.status) || Application.EVALUATED.equals(application.status)) {
            return;
        }
        application.status = Application.WITHDRAWN;
        SessionProduct.<SessionProduct>list("applicationId = ?1 and status = ?2", application.id, SessionProduct.PENDING)
                .forEach(p -> p.status = SessionProduct.WITHDRAWN);
        audit.record("application.withdrawn", "application", application.id, null, java.util.Map.of("reason",
                event.reason() == null ? "" : event.reason()));
    }
}
