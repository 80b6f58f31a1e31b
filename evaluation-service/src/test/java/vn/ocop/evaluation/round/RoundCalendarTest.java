package vn.ocop.evaluation.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ocop.evaluation.rating.CouncilLevel;

/** The shipped round calendar (OCOP.md §3.3 step 6): which round a day falls in, its deadlines and the boundaries. */
class RoundCalendarTest {
    static final RoundCalendar CALENDAR = RoundCalendar.resource("round-calendar/rounds.json");

    static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    @Test
    void aProvincialMeetingOn30JuneIsTheFirstRoundAnd1JulyTheSecond() {
        Round first = CALENDAR.roundOn(CouncilLevel.PROVINCIAL, d("2026-06-30"));
        assertThat(first.code()).isEqualTo("PROVINCIAL-2026-1");
        assertThat(first.filesDueBy()).isEqualTo(d("2026-04-30"));
        assertThat(first.decideBy()).isEqualTo(d("2026-06-30"));
        assertThat(first.calendarVersion()).isEqualTo("ND-OCOP-ROUNDS-2026");

        Round second = CALENDAR.roundOn(CouncilLevel.PROVINCIAL, d("2026-07-01"));
        assertThat(second.code()).isEqualTo("PROVINCIAL-2026-2");
        assertThat(second.filesDueBy()).isEqualTo(d("2026-10-30"));
        assertThat(second.decideBy()).isEqualTo(d("2026-12-30"));
        assertThat(CALENDAR.roundOn(CouncilLevel.PROVINCIAL, d("2026-01-01")).code()).isEqualTo("PROVINCIAL-2026-1");
        assertThat(CALENDAR.roundOn(CouncilLevel.PROVINCIAL, d("2026-12-30")).code()).isEqualTo("PROVINCIAL-2026-2");
    }

    @Test
    void aProvincialMeetingOn31DecemberBelongsToNextYearsFirstRound() {
        Round round = CALENDAR.roundOn(CouncilLevel.PROVINCIAL, d("2026-12-31"));
        assertThat(round.year()).isEqualTo(2027);
        assertThat(round.number()).isEqualTo(1);
        assertThat(round.filesDueBy()).isEqualTo(d("2027-04-30"));
        assertThat(round.decideBy()).isEqualTo(d("2027-06-30"));
    }

    @Test
    void centralRoundsCloseOn30MarchAnd30SeptemberWithFilesTwoMonthsBefore() {
        Round march = CALENDAR.roundOn(CouncilLevel.CENTRAL, d("2026-03-30"));
        assertThat(march.code()).isEqualTo("CENTRAL-2026-1");
        assertThat(march.filesDueBy()).isEqualTo(d("2026-01-30"));
        assertThat(march.decideBy()).isEqualTo(d("2026-03-30"));
        Round september = CALENDAR.roundOn(CouncilLevel.CENTRAL, d("2026-03-31"));
        assertThat(september.code()).isEqualTo("CENTRAL-2026-2");
        assertThat(september.filesDueBy()).isEqualTo(d("2026-07-30"));
        assertThat(september.decideBy()).isEqualTo(d("2026-09-30"));
        Round next = CALENDAR.roundOn(CouncilLevel.CENTRAL, d("2026-10-01"));
        assertThat(next.code()).isEqualTo("CENTRAL-2027-1");
        assertThat(next.decideBy()).isEqualTo(d("2027-03-30"));
    }

    @Test
    void aDossierReceivedAfterTheFilesCutOffGoesToTheNextRound() {
        assertThat(CALENDAR.roundForDossier(CouncilLevel.PROVINCIAL, d("2026-04-30")).code()).isEqualTo("PROVINCIAL-2026-1");
        assertThat(CALENDAR.roundForDossier(CouncilLevel.PROVINCIAL, d("2026-05-01")).code()).isEqualTo("PROVINCIAL-2026-2");
        assertThat(CALENDAR.roundForDossier(CouncilLevel.PROVINCIAL, d("2026-10-30")).code()).isEqualTo("PROVINCIAL-2026-2");
        assertThat(CALENDAR.roundForDossier(CouncilLevel.PROVINCIAL, d("2026-10-31")).code()).isEqualTo("PROVINCIAL-2027-1");
        assertThat(CALENDAR.roundForDossier(CouncilLevel.CENTRAL, d("2026-07-31")).code()).isEqualTo("CENTRAL-2027-1");
    }

    @Test
    void theDeadlineDayItselfIsStillInTime() {
        Round round = CALENDAR.roundOn(CouncilLevel.PROVINCIAL, d("2026-06-01"));
        assertThat(round.overdueOn(d("2026-06-30"))).isFalse();
        assertThat(round.overdueOn(d("2026-07-01"))).isTrue();
    }

    @Test
    void aLaterVersionAppliesFromItsValidFromDay() {
        RoundCalendar calendar = read("""
                {"versions": [
                  {"version": "OLD", "validFrom": "2020-01-01", "rounds": [
                    {"level": "PROVINCIAL", "number": 1, "filesDueBy": "04-30", "decideBy": "06-30"},
                    {"level": "PROVINCIAL", "number": 2, "filesDueBy": "10-30", "decideBy": "12-30"},
                    {"level": "CENTRAL", "number": 1, "filesDueBy": "01-30", "decideBy": "03-30"},
                    {"level": "CENTRAL", "number": 2, "filesDueBy": "07-30", "decideBy": "09-30"}]},
                  {"version": "NEW", "validFrom": "2027-01-01", "rounds": [
                    {"level": "PROVINCIAL", "number": 1, "filesDueBy": "03-31", "decideBy": "05-31"},
                    {"level": "PROVINCIAL", "number": 2, "filesDueBy": "09-30", "decideBy": "11-30"},
                    {"level": "CENTRAL", "number": 1, "filesDueBy": "01-30", "decideBy": "03-30"},
                    {"level": "CENTRAL", "number": 2, "filesDueBy": "07-30", "decideBy": "09-30"}]}]}
                """);
        assertThat(calendar.roundOn(CouncilLevel.PROVINCIAL, d("2026-06-15")).calendarVersion()).isEqualTo("OLD");
        Round round = calendar.roundOn(CouncilLevel.PROVINCIAL, d("2027-06-15"));
        assertThat(round.calendarVersion()).isEqualTo("NEW");
        assertThat(round.code()).isEqualTo("PROVINCIAL-2027-2");
        assertThat(round.decideBy()).isEqualTo(d("2027-11-30"));
    }

    @Test
    void aCalendarWithFewerThanTwoRoundsAYearAtALevelIsRejected() {
        assertThatThrownBy(() -> read("""
                {"versions": [{"version": "BAD", "validFrom": "2026-01-01", "rounds": [
                    {"level": "PROVINCIAL", "number": 1, "filesDueBy": "04-30", "decideBy": "06-30"},
                    {"level": "CENTRAL", "number": 1, "filesDueBy": "01-30", "decideBy": "03-30"},
                    {"level": "CENTRAL", "number": 2, "filesDueBy": "07-30", "decideBy": "09-30"}]}]}
                """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PROVINCIAL needs at least two rounds");
    }

    static final String REGULATION = "Quyết định 1234/QĐ-UBND ngày 10/3/2026 (Quy chế hoạt động của Hội đồng)";

    static RoundCalendar.ExtraRound extra(String filesDueBy, String decideBy) {
        return new RoundCalendar.ExtraRound(d(filesDueBy), d(decideBy), REGULATION);
    }

    @Test
    void aMeetingBeforeACouncilsExtraRoundDecidesBelongsToTheExtraRound() {
        List<RoundCalendar.ExtraRound> extras = List.of(extra("2026-08-15", "2026-09-15"));
        Round round = CALENDAR.roundOn(CouncilLevel.PROVINCIAL, d("2026-09-10"), extras);
        assertThat(round.code()).isEqualTo("PROVINCIAL-2026-E1");
        assertThat(round.extra()).isTrue();
        assertThat(round.regulation()).isEqualTo(REGULATION);
        assertThat(round.calendarVersion()).isNull();
        assertThat(round.filesDueBy()).isEqualTo(d("2026-08-15"));
        assertThat(round.decideBy()).isEqualTo(d("2026-09-15"));
        assertThat(CALENDAR.roundOn(CouncilLevel.PROVINCIAL, d("2026-09-15"), extras).code()).isEqualTo("PROVINCIAL-2026-E1");
        // The day after the extra round's deadline, the regular calendar takes over again.
        Round after = CALENDAR.roundOn(CouncilLevel.PROVINCIAL, d("2026-09-16"), extras);
        assertThat(after.code()).isEqualTo("PROVINCIAL-2026-2");
        assertThat(after.extra()).isFalse();
        // Before the first regular deadline the regular round decides first.
        assertThat(CALENDAR.roundOn(CouncilLevel.PROVINCIAL, d("2026-06-10"), extras).code()).isEqualTo("PROVINCIAL-2026-1");
        // Without the council's extra rounds the same day is the regular second round.
        assertThat(CALENDAR.roundOn(CouncilLevel.PROVINCIAL, d("2026-09-10")).code()).isEqualTo("PROVINCIAL-2026-2");
    }

    @Test
    void aDossierReceivedBeforeAnExtraRoundsCutOffIsForTheExtraRound() {
        List<RoundCalendar.ExtraRound> extras = List.of(extra("2026-08-15", "2026-09-15"));
        assertThat(CALENDAR.roundForDossier(CouncilLevel.PROVINCIAL, d("2026-05-01"), extras).code()).isEqualTo("PROVINCIAL-2026-E1");
        assertThat(CALENDAR.roundForDossier(CouncilLevel.PROVINCIAL, d("2026-08-15"), extras).code()).isEqualTo("PROVINCIAL-2026-E1");
        assertThat(CALENDAR.roundForDossier(CouncilLevel.PROVINCIAL, d("2026-08-16"), extras).code()).isEqualTo("PROVINCIAL-2026-2");
        assertThat(CALENDAR.roundForDossier(CouncilLevel.PROVINCIAL, d("2026-04-30"), extras).code()).isEqualTo("PROVINCIAL-2026-1");
        assertThat(CALENDAR.roundForDossier(CouncilLevel.PROVINCIAL, d("2026-05-01"), extras).overdueOn(d("2026-09-16"))).isTrue();
    }

    @Test
    void extraRoundsAreNumberedPerYearInDateOrderAndTheSameDatesCountOnce() {
        List<Round> rounds = RoundCalendar.extraRounds(CouncilLevel.CENTRAL, List.of(extra("2027-05-01", "2027-06-01"),
                extra("2026-11-01", "2026-11-20"), extra("2026-05-01", "2026-05-20"), extra("2026-11-01", "2026-11-20")));
        assertThat(rounds).extracting(Round::code).containsExactly("CENTRAL-2026-E1", "CENTRAL-2026-E2", "CENTRAL-2027-E1");
        // A regular round wins a tie on the deadline.
        Round tie = CALENDAR.roundOn(CouncilLevel.CENTRAL, d("2026-03-01"), List.of(extra("2026-02-01", "2026-03-30")));
        assertThat(tie.code()).isEqualTo("CENTRAL-2026-1");
    }

    @Test
    void anExtraRoundNeedsItsRegulationAndTimeBetweenFilesAndDecision() {
        assertThatThrownBy(() -> new RoundCalendar.ExtraRound(d("2026-08-15"), d("2026-09-15"), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regulation");
        assertThatThrownBy(() -> new RoundCalendar.ExtraRound(d("2026-09-15"), d("2026-09-15"), REGULATION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("files due before");
    }

    private static RoundCalendar read(String json) {
        return RoundCalendar.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
