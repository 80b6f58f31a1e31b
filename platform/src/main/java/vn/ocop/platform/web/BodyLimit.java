package vn.ocop.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The body limit of an upload or import operation: {@link #value()} names the configuration property that holds it (in
 * bytes, or {@code 10M}-style), {@link #code()} the problem code of its 413. {@link BodyLimits} refuses a declared
 * {@code Content-Length} above it before the body is read, and a chunked body as soon as it passes it. An operation
 * without this annotation that reads JSON has the JSON limit ({@code ocop.http.max-json-body}); any other body has only
 * the service's {@code quarkus.http.limits.max-body-size}. Put it on the multipart twin of an upload too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {
    /** The configuration property holding the limit. */
    String value();

    /** The problem code of the 413 (the operation's documented one). */
    String code() default "PAYLOAD_TOO_LARGE";
}
