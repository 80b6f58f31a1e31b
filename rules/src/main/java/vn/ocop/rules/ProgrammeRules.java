package vn.ocop.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The programme's rules: effective-dated {@link RuleVersion}s and the working-day calendar, read from one reviewed
 * data file ({@value #RESOURCE}). A decision takes the version in force on its relevant date (a certificate's issue
 * date for its validity and re-rating window, a finding's date for the revocation deadline, the filing date for the
 * commune review, the decision date for authority) and can name it.
 */
public final class ProgrammeRules {
    public static final String RESOURCE = "/vn/ocop/rules/programme-rules.json";

    private static final ProgrammeRules STANDARD = load(ProgrammeRules.class.getResourceAsStream(RESOURCE));

    private final List<RuleVersion> versions;
    private final WorkingDayCalendar calendar;

    private ProgrammeRules(List<RuleVersion> versions, WorkingDayCalendar calendar) {
        this.versions = versions.stream().sorted(Comparator.comparing(RuleVersion::effectiveFrom)).toList();
        this.calendar = calendar;
    }

    /** The rules of the reviewed data file shipped with this module. */
    public static ProgrammeRules standard() {
        return STANDARD;
    }

    /** Rules from another data file of the same shape (tests of a rule change). */
    public static ProgrammeRules load(InputStream json) {
        if (json == null) {
            throw new IllegalStateException("No programme rules data at " + RESOURCE);
        }
        try (json) {
            JsonNode root = new ObjectMapper().readTree(json);
            List<RuleVersion> versions = new ArrayList<>();
            for (JsonNode v : root.withArray("versions")) {
                versions.add(version(v));
            }
            if (versions.isEmpty()) {
                throw new IllegalStateException("Programme rules data has no version");
            }
            return new ProgrammeRules(versions, calendar(root.path("publicHolidays")));
        } catch (IOException e) {
            throw new UncheckedIOException("Programme rules data unreadable", e);
        }
    }

    /** All versions, oldest first. */
    public List<RuleVersion> versions() {
        return versions;
    }

    /** The version in force on {@code day}; a day before the first version takes the first. */
    public RuleVersion inForceOn(LocalDate day) {
        RuleVersion found = versions.get(0);
        for (RuleVersion v : versions) {
            if (!v.effectiveFrom().isAfter(day)) {
                found = v;
            }
        }
        return found;
    }

    /** Validity end of a certificate issued on {@code issuedOn}, by the version in force that day. */
    public LocalDate validUntil(LocalDate issuedOn) {
        return inForceOn(issuedOn).validUntil(issuedOn);
    }

    /**
     * The re-rating window of a certificate: the version in force on its issue date keeps applying to it. A certificate
     * whose issue date is unknown (an import without one) takes the version in force on its end date.
     */
    public ReRatingWindow reRatingWindow(LocalDate issuedOn, LocalDate validUntil) {
        return inForceOn(issuedOn != null ? issuedOn : validUntil).reRatingWindow(validUntil);
    }

    /**
     * The transition rule (QĐ 26/2026 Điều 12) that may keep a certificate valid past {@code validUntil}: one of the
     * version in force on the day after its end that covers its issue date, if any.
     */
    public Optional<ValidityExtension> validityExtension(LocalDate issuedOn, LocalDate validUntil) {
        return inForceOn(validUntil.plusDays(1)).validityExtensions().stream().filter(x -> x.covers(issuedOn)).findFirst();
    }

    /**
     * These rules with the versions of another data file added (a rehearsal, or a test that needs a rule in another
     * period); an added version may not reuse an existing id or start date.
     */
    public ProgrammeRules withVersionsFrom(InputStream json) {
        List<RuleVersion> all = new ArrayList<>(versions);
        for (RuleVersion added : load(json).versions) {
            if (all.stream().anyMatch(v -> v.id().equals(added.id()) || v.effectiveFrom().equals(added.effectiveFrom()))) {
                throw new IllegalStateException("Rules version " + added.id() + " clashes with a reviewed version");
            }
            all.add(added);
        }
        return new ProgrammeRules(all, calendar);
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    private static RuleVersion version(JsonNode v) {
        Map<Integer, Authority> authority = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.required("authorityByStars").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            authority.put(Integer.valueOf(e.getKey()), Authority.valueOf(e.getValue().asText()));
        }
        List<ValidityExtension> extensions = new ArrayList<>();
        for (JsonNode x : v.path("validityExtensions")) {
            extensions.add(new ValidityExtension(x.required("id").asText(), x.required("article").asText(),
                    date(x, "issuedBefore"), x.required("maxDaysPastExpiry").asInt(), x.required("description").asText()));
        }
        return new RuleVersion(v.required("id").asText(), v.required("instrument").asText(), date(v, "effectiveFrom"),
                v.required("certificateValidityMonths").asInt(), v.required("reRatingOpensDaysBeforeExpiry").asInt(),
                v.required("reRatingClosesDaysBeforeExpiry").asInt(), v.required("communeReviewWorkingDays").asInt(),
                v.required("revocationDeadlineDays").asInt(), authority, extensions, v.path("notes").asText(""));
    }

    private static WorkingDayCalendar calendar(JsonNode holidays) {
        TreeSet<LocalDate> days = new TreeSet<>();
        Set<Integer> years = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = holidays.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> year = it.next();
            if (year.getKey().startsWith("_")) {
                continue; // a comment
            }
            years.add(Integer.valueOf(year.getKey()));
            for (JsonNode day : year.getValue()) {
                days.add(LocalDate.parse(day.asText()));
            }
        }
        return new WorkingDayCalendar(days, years);
    }

    private static LocalDate date(JsonNode node, String field) {
        return LocalDate.parse(node.required(field).asText());
    }
}
