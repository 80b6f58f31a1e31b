package vn.ocop.monitoring;

import java.util.Locale;
import java.util.UUID;

import vn.ocop.platform.problem.ApiException;

/**
 * Query-parameter conversions the platform's {@code QueryParams} does not have yet (booleans, UUIDs, province codes):
 * read as text so that a bad value is a 400 naming the parameter, never a 404 from JAX-RS.
 */
public final class RequestParams {
    private RequestParams() {
    }

    /** Absent → false; otherwise exactly {@code true} or {@code false}. */
    public static boolean booleanValue(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidField(name, "must be true or false");
        };
    }

    public static UUID uuidValue(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(name, "must be a UUID");
        }
    }

    /** A 2-digit province code (2025 unit list), or null. */
    public static String provinceCode(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.trim().matches("\\d{2}")) {
            throw ApiException.invalidField(name, "must be a 2-digit province code");
        }
        return raw.trim();
    }
}
