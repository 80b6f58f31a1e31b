package vn.ocop.platform.rules;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.ocop.rules.ProgrammeRules;

/**
 * The programme's rules as a bean, so every service asks the one rules module (its reviewed data file).
 * {@code ocop.rules.extra-versions} names classpath data files (comma-separated) whose versions are added (a rehearsal,
 * or a test that needs a rule in another period); production sets none.
 */
public class RulesProducer {

    @Produces
    @Singleton
    ProgrammeRules rules(@ConfigProperty(name = "ocop.rules.extra-versions") Optional<List<String>> extra) {
        ProgrammeRules rules = ProgrammeRules.standard();
        for (String file : extra.orElse(List.of())) {
            if (file.isBlank()) {
                continue;
            }
            InputStream json = Thread.currentThread().getContextClassLoader().getResourceAsStream(file.trim());
            if (json == null) {
                throw new IllegalStateException("ocop.rules.extra-versions: no " + file + " on the classpath");
            }
            rules = rules.withVersionsFrom(json);
        }
        return rules;
    }
}
