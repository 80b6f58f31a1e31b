package vn.ocop.registry.correction;

import java.util.List;

/**
 * What a write through the one write path did: the record as it now stands, whether it was created, changed or left
 * as it was (a write that changes nothing keeps the version, the ETag and the audit trail, and publishes nothing),
 * and the API names of the fields that changed.
 */
public record Written<V>(V view, Outcome outcome, List<String> changed) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public Written {
        changed = List.copyOf(changed);
    }

    public static <V> Written<V> created(V view) {
        return new Written<>(view, Outcome.CREATED, List.of());
    }

    public static <V> Written<V> updated(V view, List<String> changed) {
        return new Written<>(view, Outcome.UPDATED, changed);
    }

    public static <V> Written<V> unchanged(V view) {
        return new Written<>(view, Outcome.UNCHANGED, List.of());
    }

    /** True when the write changed the record (created or updated). */
    public boolean wrote() {
        return outcome != Outcome.UNCHANGED;
    }
}
