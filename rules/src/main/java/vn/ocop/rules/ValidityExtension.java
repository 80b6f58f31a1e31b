package vn.ocop.rules;

import java.time.LocalDate;

/**
 * A transition rule that keeps a certificate valid past its end date (QĐ 26/2026 Điều 12): a certificate issued before
 * {@code issuedBefore} whose re-rating was filed before it ended stays valid until decided, at most
 * {@code maxDaysPastExpiry} days. It applies to certificates that end while its version is in force.
 */
public record ValidityExtension(String id, String article, LocalDate issuedBefore, int maxDaysPastExpiry, String description) {

    public boolean covers(LocalDate issuedOn) {
        return issuedOn != null && issuedOn.isBefore(issuedBefore);
    }

    /** The last day the certificate may be kept valid. */
    public LocalDate keptAtMostUntil(LocalDate validUntil) {
        return validUntil.plusDays(maxDaysPastExpiry);
    }
}
