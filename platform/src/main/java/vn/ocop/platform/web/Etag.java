package vn.ocop.platform.web;

import java.util.HashSet;
import java.util.Set;

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

    /** 428 when {@code If-Match} is missing, 412 when it names no current version (RFC 9110 §13.1.1). */
    public static void requireMatch(String ifMatch, long currentVersion) {
        ifMatch(ifMatch).require(currentVersion);
    }

    /**
     * What an {@code If-Match} header asks for, for service methods that check it later: 428 when it is missing.
     * {@code *} matches any current version; a list of tags ({@code "3", "4"}) matches when any of them names the current
     * version; a tag that is no version of ours never matches.
     */
    public static IfMatch ifMatch(String header) {
        requirePresent(header);
        Set<Long> versions = new HashSet<>();
        for (String candidate : header.split(",")) {
            String tag = opaqueTag(candidate);
            if (tag.equals("*")) {
                return IfMatch.ANY;
            }
            String value = tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : "";
            // Only the exact spelling of one of our tags names a version (an ETag compares character by character).
            if (value.matches("0|[1-9][0-9]{0,17}")) {
                versions.add(Long.parseLong(value));
            }
        }
        return new IfMatch(false, Set.copyOf(versions));
    }

    /**
     * The precondition of an {@code If-Match} header.
     *
     * @param any      {@code *}: any current version
     * @param versions the versions the listed tags name
     */
    public record IfMatch(boolean any, Set<Long> versions) {
        public static final IfMatch ANY = new IfMatch(true, Set.of());

        /** 412 unless the header matches {@code currentVersion}. */
        public void require(long currentVersion) {
            if (!any && !versions.contains(currentVersion)) {
                throw stale(currentVersion);
            }
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
