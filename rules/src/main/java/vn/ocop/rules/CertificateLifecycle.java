package vn.ocop.rules;

import java.util.Locale;

/**
 * The one lifecycle of an OCOP certificate (giấy chứng nhận sản phẩm OCOP) that every service follows.
 *
 * <p>A certificate only moves up the order ACTIVE → SUPERSEDED → EXPIRED → REVOKED, never down: a re-rating replaces
 * it (SUPERSEDED), its validity runs out (EXPIRED; a superseded one's too), a revocation ends it whatever came before
 * (REVOKED; provinces revoke expired certificates too, e.g. Đồng Tháp's 41 not re-rated within 36 months). Because
 * the order is total and only rises, the state a consumer reaches does not depend on the order events arrive in: a
 * late event that would lower the state, and a duplicate, change nothing. REVOKED is the only terminal state; EXPIRED
 * and REVOKED both end the right to use the OCOP mark.
 */
public final class CertificateLifecycle {

    /** The states, in the order a certificate may move through them. */
    public enum State {
        ACTIVE, SUPERSEDED, EXPIRED, REVOKED;

        /** The state of a service's own enum constant of the same name. */
        public static State of(Enum<?> serviceState) {
            return valueOf(serviceState.name().toUpperCase(Locale.ROOT));
        }
    }

    private CertificateLifecycle() {
    }

    /** Whether an event may move a certificate from {@code from} to {@code to}. */
    public static boolean allows(State from, State to) {
        return to.compareTo(from) > 0;
    }

    /** The state after an event that would move it to {@code to}: a late or duplicate event leaves {@code current}. */
    public static State apply(State current, State to) {
        return allows(current, to) ? to : current;
    }

    /** No event changes a terminal state. */
    public static boolean isTerminal(State state) {
        return state == State.REVOKED;
    }

    /** The certificate no longer gives the right to use the OCOP mark (it expired or was revoked). */
    public static boolean hasEnded(State state) {
        return state == State.EXPIRED || state == State.REVOKED;
    }

    /** The state implied by the facts seen for one certificate, whatever order they were learnt in. */
    public static State of(boolean revoked, boolean expired, boolean superseded) {
        return revoked ? State.REVOKED : expired ? State.EXPIRED : superseded ? State.SUPERSEDED : State.ACTIVE;
    }

    // Generic overloads let a service pass its own enum constants of the same names.
    public static boolean allows(Enum<?> from, Enum<?> to) {
        return allows(State.of(from), State.of(to));
    }

    public static boolean isTerminal(Enum<?> state) {
        return isTerminal(State.of(state));
    }

    public static boolean hasEnded(Enum<?> state) {
        return hasEnded(State.of(state));
    }
}
