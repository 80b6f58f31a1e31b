package vn.ocop.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import vn.ocop.platform.problem.ApiException;

/** Legal dates (decision, issue, expiry): calendar days in Vietnam, read from query parameters as text. */
public final class LocalDates {
    /** Legal dates are days in Asia/Ho_Chi_Minh, whatever the server's zone. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private LocalDates() {
    }

    public static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    public static LocalDate parse(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, "must be a date yyyy-MM-dd");
        }
    }
}
