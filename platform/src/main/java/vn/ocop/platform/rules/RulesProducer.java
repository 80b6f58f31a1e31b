package vn.ocop.platform.rules;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import vn.ocop.rules.ProgrammeRules;

/** The programme's rules as a bean, so every service asks the one rules module (its reviewed data file). */
public class RulesProducer {

    @Produces
    @Singleton
    ProgrammeRules rules() {
        return ProgrammeRules.standard();
    }
}
