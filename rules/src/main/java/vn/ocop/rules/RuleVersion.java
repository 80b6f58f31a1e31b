package vn.ocop.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One version of the programme's rules, named by its legal instrument and in force from {@code effectiveFrom} until
 * the next version starts. Each method is one rule; callers pick the version with {@link ProgrammeRules#inForceOn}.
 */
public record RuleVersion(
        String id,
        String instrument,
        LocalDate effectiveFrom,
        int certificateValidityMonths,
        int reRatingOpensDaysBeforeExpiry,
        int reRatingClosesDaysBeforeExpiry,
        int communeReviewWorkingDays,
        int revocationDeadlineDays,
        Map<Integer, Authority> authorityByStars,
        List<ValidityExtension> validityExtensions,
        String notes) {

    /** The lowest star level that is certified (no certificate for 1★ and 2★). */
    public static final int MIN_CERTIFIED_STARS = 3;

    public RuleVersion {
        if (reRatingClosesDaysBeforeExpiry > reRatingOpensDaysBeforeExpiry) {
            throw new IllegalArgumentException(id + ": the re-rating window closes before it opens");
        }
        authorityByStars = Map.copyOf(authorityByStars);
        validityExtensions = List.copyOf(validityExtensions);
    }

    /** Last day of validity of a certificate issued on {@code issuedOn}: the validity in months from the issue date. */
    public LocalDate validUntil(LocalDate issuedOn) {
        return issuedOn.plusMonths(certificateValidityMonths);
    }

    /** The filing window for re-rating a certificate whose validity ends on {@code validUntil}. */
    public ReRatingWindow reRatingWindow(LocalDate validUntil) {
        return new ReRatingWindow(validUntil.minusDays(reRatingOpensDaysBeforeExpiry),
                validUntil.minusDays(reRatingClosesDaysBeforeExpiry), this);
    }

    /** The day a revocation must be decided by, counted in calendar days from the finding (violation conclusion). */
    public LocalDate revocationDeadline(LocalDate findingOn) {
        return findingOn.plusDays(revocationDeadlineDays);
    }

    /** The day the commune's review of a dossier filed on {@code filedOn} is due. */
    public LocalDate communeReviewDue(LocalDate filedOn, WorkingDayCalendar calendar) {
        return calendar.after(filedOn, communeReviewWorkingDays);
    }

    /**
     * Who recognises, and so who revokes, a certificate of {@code stars}. One function for both acts.
     *
     * @throws IllegalArgumentException below 3★, which is never certified
     */
    public Authority authorityFor(int stars) {
        Authority authority = authorityByStars.get(stars);
        if (authority == null) {
            throw new IllegalArgumentException(stars + "★ is not recognised under " + instrument);
        }
        return authority;
    }
}
