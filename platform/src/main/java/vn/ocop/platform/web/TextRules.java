package vn.ocop.platform.web;

/**
 * What text the services accept from a request. Control characters are refused: PostgreSQL cannot store NUL at all
 * (the write failed with a 500), and the others hide in names and addresses where nobody can see or type them. JSON
 * text may keep newline and tab (descriptions, addresses written on several lines); paths and query values keep none.
 * A lone UTF-16 surrogate (a JSON {@code \ud800} escape) is refused too: it is not a character and cannot be stored.
 */
public final class TextRules {
    /** The message of a refused value, the same in a body field, a path segment and a query parameter. */
    public static final String CONTROL_CHARACTER = "must not contain control characters";

    private TextRules() {
    }

    /** Whether a JSON string value is acceptable: no control character except newline and tab, no lone surrogate. */
    public static boolean isCleanText(String value) {
        return firstBad(value, true) < 0;
    }

    /** Whether a path segment or query value is acceptable: no control character at all, no lone surrogate. */
    public static boolean isCleanLine(String value) {
        return firstBad(value, false) < 0;
    }

    private static int firstBad(String value, boolean multiline) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\t'))) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
