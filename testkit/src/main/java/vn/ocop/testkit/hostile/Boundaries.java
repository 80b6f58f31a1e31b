package vn.ocop.testkit.hostile;

import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.ocop.testkit.hostile.Probe.Expect;

/** Probes at the HTTP layer's edges: a method the path lacks, a request line and headers beyond their limits. */
final class Boundaries {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    private Boundaries() {
    }

    /** One method the path does not declare (PATCH, which no operation uses, else the first missing one). */
    static List<Probe> methodNotAllowed(ApiOperation operation, Set<String> declared, String token) {
        String missing = METHODS.stream().filter(m -> !declared.contains(m)).reduce((a, b) -> "PATCH".equals(b) ? b : a).orElse(null);
        if (missing == null) {
            return List.of();
        }
        return List.of(new Probe(operation.toString(), missing + " on the path", missing, operation.target(Map.of()),
                Map.of("Authorization", "Bearer " + token), null, Expect.NOT_ALLOWED, null));
    }

    /** A 20 000-character query and 40 000 bytes of headers: 414 and 431, each a problem document. */
    static List<Probe> oversizedRequestHead(ApiOperation operation, String token) {
        String longQuery = operation.target(Map.of()) + (operation.target(Map.of()).contains("?") ? "&" : "?") + "q=" + "a".repeat(20_000);
        return List.of(
                new Probe(operation.toString(), "20 000-character URI", "GET", longQuery,
                        Map.of("Authorization", "Bearer " + token), null, Expect.REFUSED, null),
                new Probe(operation.toString(), "40 000 bytes of headers", "GET", operation.target(Map.of()),
                        Map.of("Authorization", "Bearer " + token, "X-Hostile", "h".repeat(40_000)), null, Expect.REFUSED, null));
    }
}
