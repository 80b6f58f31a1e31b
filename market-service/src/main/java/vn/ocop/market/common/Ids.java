package vn.ocop.market.common;

import java.util.UUID;

import vn.ocop.platform.problem.ApiException;

/** UUID query parameters read as text, so a malformed id is a 400 naming the parameter (JAX-RS would answer 404). */
public final class Ids {
    private Ids() {
    }

    public static UUID uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(name, "must be a UUID");
        }
    }
}
