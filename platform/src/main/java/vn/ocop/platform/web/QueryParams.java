package vn.ocop.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import vn.ocop.platform.problem.ApiException;

/**
 * Query parameters read as text and converted here, so a bad value is a 400 naming the parameter and the allowed
 * values (JAX-RS answers a failed query-parameter conversion with 404).
 */
public final class QueryParams {
    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ApiException.invalidField(name, "must be one of " + allowed);
        }
    }

    public static Integer intValue(String name, String raw, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw ApiException.invalidField(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(name, "must be a whole number");
        }
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

    /** A 2-digit province code, or null; whether the province exists is the caller's business. */
    public static String provinceCode(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.trim().matches("\\d{2}")) {
            throw ApiException.invalidField(name, "must be a 2-digit province code");
        }
        return raw.trim();
    }

    /** An ISO date {@code yyyy-MM-dd}, or null. */
    public static LocalDate dateValue(String name, String raw) {
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
