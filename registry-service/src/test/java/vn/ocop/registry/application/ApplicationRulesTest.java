package vn.ocop.registry.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.ocop.registry.application.ApplicationStatus.Action;

class ApplicationRulesTest {

    @Test
    void onlyTheProcedureStepsAreAllowed() {
        assertThat(ApplicationStatus.DRAFT.after(Action.ACCEPT)).isNull();
        assertThat(ApplicationStatus.SUBMITTED.after(Action.ACCEPT)).isNull();
        assertThat(ApplicationStatus.COMMUNE_REVIEWED.after(Action.ACCEPT)).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(ApplicationStatus.RETURNED.after(Action.SUBMIT)).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(ApplicationStatus.WITHDRAWN.after(Action.SUBMIT)).isNull();
        assertThat(ApplicationStatus.ACCEPTED.after(Action.RETURN)).isNull();
    }
}
