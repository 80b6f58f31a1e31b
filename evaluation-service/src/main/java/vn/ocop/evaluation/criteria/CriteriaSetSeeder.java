package vn.ocop.evaluation.criteria;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the criteria sets shipped in {@code src/main/resources/criteria-sets/} at startup, once: a version already
 * in the database is left as it is (published versions are immutable; a corrected sheet ships under a new id).
 */
@ApplicationScoped
public class CriteriaSetSeeder {
    private static final Logger LOG = Logger.getLogger(CriteriaSetSeeder.class);

    @Inject
    CriteriaSetService service;

    @ConfigProperty(name = "ocop.evaluation.shipped-criteria-sets")
    List<String> shipped;

    void onStart(@Observes StartupEvent start) {
        for (String id : shipped) {
            try {
                service.publish(CriteriaSetJson.resource(id), "system");
            } catch (RuntimeException e) {
                // A replica racing us, or an edited resource: the stored version stays authoritative.
                LOG.warnf("Shipped criteria set %s not published: %s", id, e.getMessage());
            }
        }
    }
}
