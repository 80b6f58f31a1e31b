package vn.ocop.platform.web;

/**
 * User text inside a SQL {@code LIKE} pattern. {@code %} and {@code _} in a search are characters the user typed, not
 * wildcards ({@code q=%} must not list every row), so they are escaped, with {@code !} rather than PostgreSQL's default
 * backslash because a backslash in a query string literal reads differently in HQL, SQL and Java. A query writes
 * {@code like :name} followed by {@link #ESCAPE}.
 */
public final class LikePattern {
    /** The clause to append after {@code like :parameter}. */
    public static final String ESCAPE = " escape '!'";

    private LikePattern() {
    }

    /** The pattern matching any text that contains {@code text} literally. */
    public static String containing(String text) {
        return "%" + escape(text) + "%";
    }

    /** {@code text} with {@code !}, {@code %} and {@code _} escaped. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!' || c == '%' || c == '_') {
                escaped.append('!');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
