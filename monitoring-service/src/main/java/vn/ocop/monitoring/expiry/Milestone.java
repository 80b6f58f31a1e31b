package vn.ocop.monitoring.expiry;

/**
 * The dates the expiry job acts on, relative to a certificate's last day of validity: the re-rating filing window
 * opens and closes on the days the rules set (QĐ 26/2026 Điều 7); the day after validity ends, it expires.
 */
public enum Milestone {
    REVIEW_WINDOW_OPENS, REVIEW_WINDOW_CLOSING, EXPIRED
}
