package vn.ocop.registry.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.ocop.registry.application.ApplicationStatus.Action;

class ApplicationRulesTest {

    @Test
    void fifteenWorkingDaysSkipWeekends() {
        // Monday 2 March 2026 + 15 working days = Monday 23 March 2026.
        assertThat(WorkingDays.after(LocalDate.of(2026, 3, 2), 15)).isEqualTo(LocalDate.of(2026, 3, 23));
        // Filed on a Saturday: counting starts on Monday.
        assertThat(WorkingDays.after(LocalDate.of(2026, 3, 7), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
    }

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
