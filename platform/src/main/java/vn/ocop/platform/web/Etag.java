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
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(428, "PRECONDITION_REQUIRED", "If-Match required",
                    "Send the ETag of your last read in the If-Match header");
        }
        String expected = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(expected) || tag.equals("*")) {
                return;
            }
        }
        throw new ApiException(412, "PRECONDITION_FAILED", "Resource changed",
                "The resource is now at version " + expected + "; read it again and reapply your change");
    }
}
