package vn.ocop.registry.correction;

import java.util.List;
import java.util.Map;

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.security.Actor;

/**
 * What a correction may change, and who must say why. A producer corrects its own description but not what identifies
 * or places it (its tax code, its province or commune): those belong to the officers who govern it, and an officer who
 * changes them must give a reason, which the audit trail and the update event carry.
 */
public final class CorrectionRules {

    private CorrectionRules() {
    }

    /**
     * @param guarded the fields a producer may not change about itself, each with the stable problem code naming it
     * @param changed the API names of the fields the write changes
     */
    public static void check(Actor actor, Map<String, String> guarded, List<String> changed, String reason) {
        for (Map.Entry<String, String> field : guarded.entrySet()) {
            if (!changed.contains(field.getKey())) {
                continue;
            }
            if (actor.isProducer()) {
                throw new ApiException(403, field.getValue(), "Forbidden",
                        field.getKey() + ": a producer may not change its own " + field.getKey()
                                + "; ask the OCOP office of your province to correct it",
                        List.of(new Problem.Violation(field.getKey(), "may be changed only by an officer, with a reason")));
            }
            if (reason == null || reason.isBlank()) {
                throw new ApiException(422, "REASON_REQUIRED", "Refused by a programme rule",
                        "reason: changing " + field.getKey() + " needs a reason, kept in the audit trail",
                        List.of(new Problem.Violation("reason", "required when " + field.getKey() + " changes")));
            }
        }
    }
}
