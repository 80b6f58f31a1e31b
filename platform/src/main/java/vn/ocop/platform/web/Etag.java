package vn.ocop.platform.web;

import vn.ocop.platform.problem.ApiException;

/**
 * Optimistic locking over HTTP: reads return {@code ETag: "<version>"}, updates must send it back in {@code If-Match}.
 * The entity's {@code @Version} still guards the database write against a race between check and commit.
 */
public final class Etag {
    private Etag() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 428 when {@code If-Match} is missing, 412 when it names another version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        requirePresent(ifMatch);
        String expected = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = opaqueTag(candidate);
            if (tag.equals(expected) || tag.equals("*")) {
                return;
            }
        }
        throw stale(currentVersion);
    }

    /**
     * The version an {@code If-Match} header names, for service methods that take an expected version: 428 when it
     * is missing, null for {@code *} (any version), and -1 for a tag that is no version of ours (it never matches).
     * Of a list of tags, the first is taken.
     */
    public static Long expectedVersion(String ifMatch) {
        requirePresent(ifMatch);
        String tag = opaqueTag(ifMatch.split(",")[0]);
        if (tag.equals("*")) {
            return null;
        }
        if (tag.length() > 2 && tag.length() < 21 && tag.startsWith("\"") && tag.endsWith("\"")
                && tag.substring(1, tag.length() - 1).chars().allMatch(Character::isDigit)) {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        }
        return -1L;
    }

    /** 412 unless {@code expected} is null (no precondition) or equals the current version. */
    public static void requireVersion(Long expected, long currentVersion) {
        if (expected != null && expected != currentVersion) {
            throw stale(currentVersion);
        }
    }

    private static void requirePresent(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(428, "PRECONDITION_REQUIRED", "If-Match required",
                    "Send the ETag of your last read in the If-Match header");
        }
    }

    /** One entity tag of the header, trimmed, without the weak prefix (versions compare the same either way). */
    private static String opaqueTag(String candidate) {
        String tag = candidate.trim();
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static ApiException stale(long currentVersion) {
        return new ApiException(412, "PRECONDITION_FAILED", "Resource changed",
                "The resource is now at version " + of(currentVersion) + "; read it again and reapply your change");
    }
}
