package vn.ocop.events;

/** Null checks for event record constructors, so a payload missing a required field fails to deserialise. */
public final class Require {
    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
        return value;
    }
}
