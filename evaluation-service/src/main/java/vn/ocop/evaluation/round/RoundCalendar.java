package vn.ocop.evaluation.round;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.ocop.evaluation.rating.CouncilLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The round calendar (OCOP.md §3.3 step 6) as data: versions, each in force from a day, each listing per council level
 * its yearly rounds as (number, files due by dd/MM, decide by dd/MM). No Quarkus; {@link #roundOn} and
 * {@link #roundForDossier} are the whole rule. Extra rounds (OCOP.md: "only if written into the council's regulation")
 * are not calendar data: a council records them with dates, and they are passed in as {@link ExtraRound}s, so a council
 * gets its extra round without a new calendar version.
 */
public final class RoundCalendar {

    /** One version of the calendar as shipped in JSON (dates as "MM-dd", validFrom as "yyyy-MM-dd"). */
    @Schema(name = "RoundCalendarVersion")
    public record Version(String version, String legalBasis, LocalDate validFrom, List<Rule> rounds) {
    }

    /** One yearly round of a level: files must be in by {@code filesDueBy}, the council decides by {@code decideBy}. */
    @Schema(name = "RoundRule")
    public record Rule(CouncilLevel level, int number, MonthDay filesDueBy, MonthDay decideBy) {
    }

    /**
     * An extra round a council's regulation (quy chế hoạt động) allows: dossiers due by {@code filesDueBy}, decision by
     * {@code decideBy}, and the regulation that allows it.
     */
    public record ExtraRound(LocalDate filesDueBy, LocalDate decideBy, String regulation) {
        public ExtraRound {
            if (filesDueBy == null || decideBy == null || !filesDueBy.isBefore(decideBy)) {
                throw new IllegalArgumentException("An extra round needs files due before its decision day");
            }
            if (regulation == null || regulation.isBlank()) {
                throw new IllegalArgumentException("An extra round needs the regulation that allows it");
            }
        }
    }

    private record JsonCalendar(List<JsonVersion> versions) {
    }

    private record JsonVersion(String version, String legalBasis, String validFrom, List<JsonRule> rounds) {
    }

    private record JsonRule(CouncilLevel level, int number, String filesDueBy, String decideBy) {
    }

    private final List<Version> versions;

    public RoundCalendar(List<Version> versions) {
        if (versions == null || versions.isEmpty()) {
            throw new IllegalArgumentException("A round calendar needs at least one version");
        }
        for (Version v : versions) {
            validate(v);
        }
        this.versions = versions.stream().sorted(Comparator.comparing(Version::validFrom)).toList();
    }

    public static RoundCalendar read(InputStream json) {
        try {
            JsonCalendar raw = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(json, JsonCalendar.class);
            List<Version> versions = new ArrayList<>();
            for (JsonVersion v : raw.versions()) {
                versions.add(new Version(v.version(), v.legalBasis(), LocalDate.parse(v.validFrom()), v.rounds().stream()
                        .map(r -> new Rule(r.level(), r.number(), MonthDay.parse("--" + r.filesDueBy()), MonthDay.parse("--" + r.decideBy())))
                        .toList()));
            }
            return new RoundCalendar(versions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RoundCalendar resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No round calendar resource " + name);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Version> versions() {
        return versions;
    }

    /** The version in force on a day (the earliest one for days before every version). */
    public Version versionOn(LocalDate day) {
        Version found = versions.get(0);
        for (Version v : versions) {
            if (!v.validFrom().isAfter(day)) {
                found = v;
            }
        }
        return found;
    }

    /** The round a meeting on {@code day} belongs to: the first round of the level whose decision deadline is on or after it. */
    public Round roundOn(CouncilLevel level, LocalDate day) {
        return first(level, day, false, List.of());
    }

    /**
     * As {@link #roundOn(CouncilLevel, LocalDate)}, with a council's extra rounds as candidates too: the meeting belongs
     * to whichever round, regular or extra, decides first on or after that day (a regular round wins a tie).
     */
    public Round roundOn(CouncilLevel level, LocalDate day, List<ExtraRound> extras) {
        return first(level, day, false, extras);
    }

    /**
     * The round a dossier received on {@code day} is for: the first round whose files-due day is on or after it. A
     * provincial dossier received on 1/5 misses the 30/4 cut-off and goes to the 30/12 round.
     */
    public Round roundForDossier(CouncilLevel level, LocalDate day) {
        return first(level, day, true, List.of());
    }

    /**
     * As {@link #roundForDossier(CouncilLevel, LocalDate)}, with the extra rounds of the councils that would take the
     * dossier: the first round, regular or extra, whose files-due day is on or after {@code day}.
     */
    public Round roundForDossier(CouncilLevel level, LocalDate day, List<ExtraRound> extras) {
        return first(level, day, true, extras);
    }

    private Round first(CouncilLevel level, LocalDate day, boolean byFiles, List<ExtraRound> extras) {
        Comparator<Round> order = Comparator.comparing((Round r) -> byFiles ? r.filesDueBy() : r.decideBy())
                .thenComparing(Round::extra);
        Version version = versionOn(day);
        Round best = null;
        for (int year = day.getYear(); year <= day.getYear() + 1 && best == null; year++) {
            for (Rule rule : version.rounds()) {
                if (rule.level() == level) {
                    best = earlier(best, of(version, rule, year), day, byFiles, order);
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("No " + level + " round after " + day);
        }
        for (Round extra : extraRounds(level, extras)) {
            best = earlier(best, extra, day, byFiles, order);
        }
        return best;
    }

    private static Round earlier(Round best, Round candidate, LocalDate day, boolean byFiles, Comparator<Round> order) {
        LocalDate limit = byFiles ? candidate.filesDueBy() : candidate.decideBy();
        if (day.isAfter(limit)) {
            return best;
        }
        return best == null || order.compare(candidate, best) < 0 ? candidate : best;
    }

    /**
     * The extra rounds as rounds: numbered E1, E2… within the year of their decision day in date order; the same dates
     * given twice (two councils of a province allowing the same round) count once.
     */
    public static List<Round> extraRounds(CouncilLevel level, List<ExtraRound> extras) {
        List<ExtraRound> sorted = extras.stream().sorted(Comparator.comparing(ExtraRound::decideBy)
                .thenComparing(ExtraRound::filesDueBy)).toList();
        List<Round> rounds = new ArrayList<>();
        int number = 0;
        int year = Integer.MIN_VALUE;
        for (ExtraRound e : sorted) {
            if (!rounds.isEmpty() && rounds.get(rounds.size() - 1).decideBy().equals(e.decideBy())
                    && rounds.get(rounds.size() - 1).filesDueBy().equals(e.filesDueBy())) {
                continue;
            }
            number = e.decideBy().getYear() == year ? number + 1 : 1;
            year = e.decideBy().getYear();
            rounds.add(new Round(level, year, number, level + "-" + year + "-E" + number, e.filesDueBy(), e.decideBy(), null,
                    true, e.regulation()));
        }
        return rounds;
    }

    private static Round of(Version version, Rule rule, int year) {
        LocalDate decideBy = rule.decideBy().atYear(year);
        // Files due on a later day of the year than the decision belong to the year before (e.g. files 30/11, decide 31/1).
        int filesYear = rule.filesDueBy().isAfter(rule.decideBy()) ? year - 1 : year;
        return new Round(rule.level(), year, rule.number(), rule.level() + "-" + year + "-" + rule.number(),
                rule.filesDueBy().atYear(filesYear), decideBy, version.version(), false, null);
    }

    private static void validate(Version v) {
        if (v.version() == null || v.version().isBlank() || v.validFrom() == null || v.rounds() == null) {
            throw new IllegalArgumentException("A calendar version needs a name, validFrom and rounds");
        }
        Map<CouncilLevel, Integer> perLevel = new EnumMap<>(CouncilLevel.class);
        for (Rule r : v.rounds()) {
            if (r.level() == null || r.filesDueBy() == null || r.decideBy() == null) {
                throw new IllegalArgumentException(v.version() + ": a round needs level, filesDueBy and decideBy");
            }
            if (r.filesDueBy().equals(r.decideBy())) {
                throw new IllegalArgumentException(v.version() + ": " + r.level() + " round " + r.number()
                        + " must leave time between files due and decision");
            }
            perLevel.merge(r.level(), 1, Integer::sum);
        }
        for (CouncilLevel level : CouncilLevel.values()) {
            // §3.3 step 6: at least two rounds a year at each level.
            if (perLevel.getOrDefault(level, 0) < 2) {
                throw new IllegalArgumentException(v.version() + ": " + level + " needs at least two rounds a year");
            }
        }
    }
}
