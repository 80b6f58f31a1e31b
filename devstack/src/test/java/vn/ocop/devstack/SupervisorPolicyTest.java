package vn.ocop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SupervisorPolicyTest {

    @Test
    void restartsWaitTwiceAsLongEachTimeUpToTheLimit() {
        Supervisor.Policy policy = Supervisor.Policy.defaults();
        assertThat(policy.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.delay(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delay(60)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.maxRestarts()).isEqualTo(5);
    }
}
