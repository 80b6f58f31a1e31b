package vn.ocop.testkit.hostile;

import java.util.Map;

/**
 * One hostile request and what it must get. {@code field}, when set, is the field or parameter the problem's
 * violations must name.
 */
record Probe(String operation, String name, String method, String target, Map<String, String> headers, byte[] body,
             Expect expect, String field) {

    enum Expect {
        /** A 4xx problem document with a stable code, a status the operation documents. */
        REFUSED,
        /** Legitimately harmless input: a 2xx, or else a refusal as above. */
        HARMLESS,
        /** 405 with an Allow header, as a problem document. */
        NOT_ALLOWED
    }

    @Override
    public String toString() {
        return operation + " [" + name + "]";
    }
}
