package vn.ocop.platform.time;

import java.time.ZoneId;

/**
 * Legal dates (issue, expiry, decisions, deadlines) are calendar days in Vietnam, whatever the server's zone. The
 * current date comes from the injected {@link LegalClock#today()} (or {@link LegalClock#dateOf} for a given instant),
 * never from the system directly.
 */
public final class VietnamTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }
}
