package vn.ocop.platform.rules;

import java.io.InputStream;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.ocop.rules.ProgrammeRules;

/**
 * The programme's rules as a bean, so every service asks the one rules module (its reviewed data file).
 * {@code ocop.rules.extra-versions} names a classpath data file whose versions are added (a rehearsal, or a test that
 * needs a rule in another period); production sets none.
 */
public class RulesProducer {

    @Produces
    @Singleton
    ProgrammeRules rules(@ConfigProperty(name = "ocop.rules.extra-versions") Optional<String> extra) {
        if (extra.isEmpty() || extra.get().isBlank()) {
            return ProgrammeRules.standard();
        }
        InputStream json = Thread.currentThread().getContextClassLoader().getResourceAsStream(extra.get());
        if (json == null) {
            throw new IllegalStateException("ocop.rules.extra-versions: no " + extra.get() + " on the classpath");
        }
        return ProgrammeRules.standard().withVersionsFrom(json);
    }
}
