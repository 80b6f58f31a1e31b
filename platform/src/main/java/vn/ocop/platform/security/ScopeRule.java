package vn.ocop.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a caller whose role is allowed gets from an operation outside its data scope (another province, commune,
 * producer or channel). Documentation only: the resource's own checks ({@link Scope}) do the work; the OpenAPI filter
 * writes it as the "Scope: ..." sentence of the operation and as {@value #EXTENSION}, and each service's scope matrix
 * proves the two agree. A method's rule wins over its class's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ScopeRule {
    /** The operation's extension in the OpenAPI document naming the {@link Kind}. */
    String EXTENSION = "x-ocop-scope";

    Kind value();

    /**
     * The operation's own rule in a sentence, e.g. "A council member sees only the councils it sits on."; a status
     * outsiders get besides the kind's (e.g. "403 OUT_OF_SCOPE" on a HIDDEN operation) must be named here.
     */
    String detail() default "";

    /** The closed set of answers outside the caller's scope. */
    enum Kind {
        /** Every record is readable by any caller the roles allow: there is no "outside". */
        PUBLIC("public: every caller the roles allow sees every record."),
        /** Nothing of a province, producer or channel is involved (reference data, programme-wide actions). */
        NONE("none: the same answer for every caller the roles allow."),
        /** The record's existence is not public: outside the scope it answers like a missing one. */
        HIDDEN("outside the caller's scope the record answers 404 NOT_FOUND exactly like a missing one, before the body "
                + "is validated."),
        /** Outside the scope the call is refused, before any business rule. */
        FORBIDDEN("outside the caller's scope the call is refused with 403 OUT_OF_SCOPE, before any business rule."),
        /** A list: it holds only the caller's scope; naming another province (or producer, channel) is refused. */
        FILTERED("the list holds only records in the caller's scope; a filter naming another province (or producer, "
                + "channel) is 403 OUT_OF_SCOPE.");

        private final String sentence;

        Kind(String sentence) {
            this.sentence = sentence;
        }

        /** The "Scope: ..." sentence of an operation with this rule and its own detail (may be blank). */
        public String sentence(String detail) {
            return "Scope: " + sentence + (detail == null || detail.isBlank() ? "" : " " + detail.strip()
                    + (detail.strip().endsWith(".") ? "" : "."));
        }
    }
}
