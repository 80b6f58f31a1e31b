package vn.ocop.rules;

import java.time.LocalDate;

/** The days on which a re-rating dossier may be filed, both ends included, and the rule version that set them. */
public record ReRatingWindow(LocalDate opensOn, LocalDate closesOn, RuleVersion version) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    /** The window in words for an error text, e.g. "180 to 120 days before expiry, QĐ 26/2026/QĐ-TTg (22/5/2026)". */
    public String describe() {
        return version.reRatingOpensDaysBeforeExpiry() + " to " + version.reRatingClosesDaysBeforeExpiry()
                + " days before expiry, " + version.instrument();
    }
}
