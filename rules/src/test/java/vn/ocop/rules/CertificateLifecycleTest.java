package vn.ocop.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.rules.CertificateLifecycle.State.ACTIVE;
import static vn.ocop.rules.CertificateLifecycle.State.EXPIRED;
import static vn.ocop.rules.CertificateLifecycle.State.REVOKED;
import static vn.ocop.rules.CertificateLifecycle.State.SUPERSEDED;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.ocop.rules.CertificateLifecycle.State;

/** Every pair of states, and what late or duplicate events may do. */
class CertificateLifecycleTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "ACTIVE,ACTIVE,false", "ACTIVE,SUPERSEDED,true", "ACTIVE,EXPIRED,true", "ACTIVE,REVOKED,true",
            "SUPERSEDED,ACTIVE,false", "SUPERSEDED,SUPERSEDED,false", "SUPERSEDED,EXPIRED,true", "SUPERSEDED,REVOKED,true",
            "EXPIRED,ACTIVE,false", "EXPIRED,SUPERSEDED,false", "EXPIRED,EXPIRED,false", "EXPIRED,REVOKED,true",
            "REVOKED,ACTIVE,false", "REVOKED,SUPERSEDED,false", "REVOKED,EXPIRED,false", "REVOKED,REVOKED,false"})
    void everyPair(State from, State to, boolean allowed) {
        assertThat(CertificateLifecycle.allows(from, to)).isEqualTo(allowed);
        assertThat(CertificateLifecycle.apply(from, to)).isEqualTo(allowed ? to : from);
    }

    @Test
    void onlyRevokedIsTerminalAndExpiredOrRevokedEndTheMark() {
        assertThat(List.of(State.values())).filteredOn(CertificateLifecycle::isTerminal).containsExactly(REVOKED);
        assertThat(List.of(State.values())).filteredOn(CertificateLifecycle::hasEnded).containsExactly(EXPIRED, REVOKED);
    }

    @Test
    void aDuplicateEventChangesNothing() {
        for (State s : State.values()) {
            assertThat(CertificateLifecycle.apply(s, s)).isEqualTo(s);
        }
    }

    @Test
    void theEndStateDoesNotDependOnTheOrderEventsArriveIn() {
        List<State> events = new ArrayList<>(List.of(SUPERSEDED, EXPIRED, REVOKED));
        for (int i = 0; i < 6; i++) {
            Collections.rotate(events, 1);
            if (i == 3) {
                Collections.swap(events, 0, 1);
            }
            State state = ACTIVE;
            for (State event : events) {
                state = CertificateLifecycle.apply(state, event);
            }
            assertThat(state).as("%s", events).isEqualTo(REVOKED);
        }
        assertThat(CertificateLifecycle.apply(CertificateLifecycle.apply(ACTIVE, EXPIRED), SUPERSEDED)).isEqualTo(EXPIRED);
        assertThat(CertificateLifecycle.apply(CertificateLifecycle.apply(ACTIVE, SUPERSEDED), EXPIRED)).isEqualTo(EXPIRED);
    }

    @Test
    void factsGiveTheHighestStateTheyAllow() {
        assertThat(CertificateLifecycle.of(false, false, false)).isEqualTo(ACTIVE);
        assertThat(CertificateLifecycle.of(false, false, true)).isEqualTo(SUPERSEDED);
        assertThat(CertificateLifecycle.of(false, true, true)).isEqualTo(EXPIRED);
        assertThat(CertificateLifecycle.of(true, true, true)).isEqualTo(REVOKED);
    }

    private enum ServiceStatus { ACTIVE, SUPERSEDED, EXPIRED, REVOKED }

    @Test
    void aServiceEnumOfTheSameNamesFollowsTheSameRule() {
        assertThat(CertificateLifecycle.allows(ServiceStatus.SUPERSEDED, ServiceStatus.REVOKED)).isTrue();
        assertThat(CertificateLifecycle.isTerminal(ServiceStatus.EXPIRED)).isFalse();
        assertThat(CertificateLifecycle.hasEnded(ServiceStatus.EXPIRED)).isTrue();
    }
}
