package vn.ocop.platform.paging;

import java.util.Locale;

import io.quarkus.panache.common.Parameters;

import vn.ocop.platform.web.LikePattern;

/**
 * The where-clause of a list query and its named parameters, built one condition at a time: a filter the caller did
 * not give (a null value) adds nothing, a scope condition ({@link #andAlways}) is always added. Pass {@link #query()}
 * and {@link #parameters()} to a Panache {@code find}.
 */
public final class Where {
    private final StringBuilder query = new StringBuilder("1 = 1");
    private final Parameters parameters = new Parameters();

    /** The condition with its parameter, unless {@code value} is null (the filter was not asked for). */
    public Where and(String condition, String name, Object value) {
        return value == null ? this : andAlways(condition, name, value);
    }

    /** The condition with its parameter, even when {@code value} is null (a scope must never widen). */
    public Where andAlways(String condition, String name, Object value) {
        return and(condition).bind(name, value);
    }

    /** A condition without parameters, or whose parameters follow with {@link #bind}. */
    public Where and(String condition) {
        query.append(" and ").append(condition);
        return this;
    }

    /** A parameter of the last condition. */
    public Where bind(String name, Object value) {
        parameters.and(name, value);
        return this;
    }

    /**
     * {@code lower(field)} contains {@code text} literally, whatever the case ({@code %} and {@code _} are not
     * wildcards: {@link LikePattern}); nothing when {@code text} is null or blank.
     */
    public Where andContains(String field, String name, String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        return and("lower(" + field + ") like :" + name + LikePattern.ESCAPE)
                .bind(name, LikePattern.containing(text.toLowerCase(Locale.ROOT)));
    }

    /** {@code field in (select … where inner)}, taking over the inner clause's parameters (their names must differ). */
    public Where andIn(String field, String select, Where inner) {
        inner.parameters.map().forEach(parameters::and);
        return and(field + " in (" + select + " where " + inner.query + ")");
    }

    public String query() {
        return query.toString();
    }

    public Parameters parameters() {
        return parameters;
    }
}
