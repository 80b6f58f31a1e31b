package vn.ocop.testkit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.authentication.AuthenticationScheme;
import io.restassured.authentication.OAuth2Scheme;
import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Proof that each operation's documented scope rule ({@code x-ocop-scope}, from {@code @ScopeRule}) is what a scope
 * matrix observes: while {@link #watch started}, every answer the service gives to an outsider's token (a caller of
 * another province, commune or producer) is noted; {@link #disagreements} then holds them against the document.
 * Refusals of the role itself (403 {@code FORBIDDEN}) and 401s say nothing of scope and are skipped. What each kind
 * requires of the outsiders' remaining answers (any other status must be named in the operation's own detail):
 * <ul>
 * <li>PUBLIC, NONE: never a 403 or a 404;</li>
 * <li>HIDDEN: at least one 404 (or the 400 of a missing record named in the body) and never a 403 {@code OUT_OF_SCOPE}
 * nor an answer of a business rule (409, 412, 422);</li>
 * <li>FORBIDDEN: at least one 403 {@code OUT_OF_SCOPE} (or the 403 code its detail names), never a 404 nor an answer of validation or a rule
 * (400, 409, 412, 422);</li>
 * <li>FILTERED: never a 404 (a list of the caller's scope, or 403 {@code OUT_OF_SCOPE} for asking another's).</li>
 * </ul>
 */
public final class ScopeRuleCheck implements Filter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private record Answer(String method, String path, int status, String code) {
        @Override
        public String toString() {
            return status + (code == null ? "" : " " + code);
        }
    }

    private final Set<String> outsiderTokens;
    private final List<Answer> answers = new ArrayList<>();

    private ScopeRuleCheck(Set<String> outsiderTokens) {
        this.outsiderTokens = outsiderTokens;
    }

    /** Starts noting the answers to these outsiders' tokens (a RestAssured filter, until {@link #stop}). */
    public static ScopeRuleCheck watch(String... outsiderTokens) {
        ScopeRuleCheck check = new ScopeRuleCheck(Set.of(outsiderTokens));
        RestAssured.filters(check);
        return check;
    }

    /** Stops noting answers. */
    public void stop() {
        List<Filter> others = new ArrayList<>(RestAssured.filters());
        others.remove(this);
        RestAssured.replaceFiltersWith(others);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        String token = token(request);
        if (token != null && outsiderTokens.contains(token)) {
            int status = answer.statusCode();
            String code = status == 403 || status == 404 ? problemCode(answer) : null;
            synchronized (answers) {
                answers.add(new Answer(request.getMethod().toLowerCase(Locale.ROOT), URI.create(request.getURI()).getPath(), status, code));
            }
        }
        return answer;
    }

    /**
     * Where the outsiders' answers contradict the rules the served document ({@code /q/openapi}) states, one line an
     * operation; an operation in {@code tolerated} is skipped (say why where you call this). Stops the watch.
     */
    public List<String> disagreements(String... tolerated) {
        stop();
        Map<String, Map<String, Object>> paths = servedPaths();
        Map<String, List<Answer>> byOperation = new TreeMap<>();
        Map<String, String> kinds = new TreeMap<>();
        Map<String, String> details = new TreeMap<>();
        synchronized (answers) {
            for (Answer answer : answers) {
                Map<String, Object> operation = operation(paths, answer);
                if (operation != null && !skipped(answer)) {
                    String id = String.valueOf(operation.get("operationId"));
                    kinds.put(id, String.valueOf(operation.get("x-ocop-scope")));
                    details.put(id, detail(String.valueOf(operation.get("description"))));
                    byOperation.computeIfAbsent(id, k -> new ArrayList<>()).add(answer);
                }
            }
        }
        List<String> findings = new ArrayList<>();
        if (byOperation.isEmpty()) {
            findings.add("no answer to an outsider's token was seen: watch the tokens the matrix calls with");
        }
        byOperation.forEach((id, seen) -> {
            if (List.of(tolerated).contains(id)) {
                return;
            }
            String wrong = wrong(kinds.get(id), details.get(id), seen);
            if (wrong != null) {
                findings.add(id + " is documented " + kinds.get(id) + " but outsiders got " + seen + ": " + wrong);
            }
        });
        return findings;
    }

    /**
     * The documented operations ({@code x-ocop-scope}) whose rule no outsider's answer has tested: none was called by an
     * outsider whose role the operation allows. {@code noOutsiderAllowed} names those whose roles leave no outsider to
     * ask (say why where you call this). Stops the watch.
     */
    public TreeSet<String> unproven(String... noOutsiderAllowed) {
        stop();
        Map<String, Map<String, Object>> paths = servedPaths();
        TreeSet<String> unproven = new TreeSet<>();
        paths.values().forEach(methods -> methods.forEach((method, operation) -> {
            if (METHODS.contains(method) && operation instanceof Map<?, ?> o && o.get("x-ocop-scope") != null) {
                unproven.add(String.valueOf(o.get("operationId")));
            }
        }));
        synchronized (answers) {
            answers.stream().filter(answer -> !skipped(answer)).map(answer -> operation(paths, answer))
                    .filter(operation -> operation != null).forEach(operation -> unproven.remove(String.valueOf(operation.get("operationId"))));
        }
        unproven.removeAll(List.of(noOutsiderAllowed));
        return unproven;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> servedPaths() {
        Map<String, Object> document = RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
        return (Map<String, Map<String, Object>>) document.getOrDefault("paths", Map.of());
    }

    private static boolean skipped(Answer answer) {
        return answer.status() == 401 || answer.status() == 403 && "FORBIDDEN".equals(answer.code());
    }

    /**
     * Why these answers contradict the kind, or null when they agree. An answer the kind does not allow is accepted when
     * the operation's own detail (the "Scope:" paragraph after its first sentence) names its status.
     */
    private static String wrong(String kind, String detail, List<Answer> seen) {
        Predicate<Answer> named = a -> detail.contains(String.valueOf(a.status()));
        Predicate<Answer> outOfScope = a -> a.status() == 403 && "OUT_OF_SCOPE".equals(a.code());
        Predicate<Answer> ruleReached = a -> Set.of(409, 412, 422).contains(a.status());
        Predicate<Answer> validated = a -> a.status() == 400;
        Predicate<Answer> hidden = a -> a.status() == 404;
        Predicate<Answer> unexpected;
        String needed = null;
        switch (kind) {
            case "PUBLIC", "NONE" -> unexpected = hidden.or(a -> a.status() == 403);
            case "HIDDEN" -> {
                unexpected = outOfScope.or(ruleReached);
                needed = seen.stream().anyMatch(hidden.or(validated)) ? null : "no 404";
            }
            case "FORBIDDEN" -> {
                unexpected = hidden.or(validated).or(ruleReached);
                // an operation refusing with its own code (e.g. OUT_OF_AUTHORITY) names it in its detail
                Predicate<Answer> ownRefusal = a -> a.status() == 403 && a.code() != null && detail.contains(a.code());
                needed = seen.stream().anyMatch(outOfScope.or(ownRefusal)) ? null : "no 403 OUT_OF_SCOPE";
            }
            case "FILTERED" -> unexpected = hidden;
            default -> {
                return "no known x-ocop-scope";
            }
        }
        List<Answer> offending = seen.stream().filter(unexpected.and(named.negate())).toList();
        if (needed != null) {
            return needed;
        }
        return offending.isEmpty() ? null : offending + " not allowed by the kind nor named in its detail";
    }

    /** The document's operation answering this method and path; a literal segment beats a template ({id}). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> operation(Map<String, Map<String, Object>> paths, Answer answer) {
        Map<String, Object> best = null;
        int bestLiterals = -1;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (!METHODS.contains(answer.method()) || !(path.getValue().get(answer.method()) instanceof Map<?, ?> operation)) {
                continue;
            }
            String template = path.getKey();
            String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            if (answer.path().matches(regex)) {
                int literals = template.replaceAll("\\{[^}]+}", "").length();
                if (literals > bestLiterals) {
                    best = (Map<String, Object>) operation;
                    bestLiterals = literals;
                }
            }
        }
        return best;
    }

    /** The operation's own detail: the "Scope:" paragraph after its first sentence. */
    private static String detail(String description) {
        int at = description.lastIndexOf("Scope: ");
        if (at < 0) {
            return "";
        }
        int end = description.indexOf(". ", at);
        return end < 0 ? "" : description.substring(end + 2);
    }

    private static String token(FilterableRequestSpecification request) {
        AuthenticationScheme scheme = request.getAuthenticationScheme();
        if (scheme instanceof PreemptiveOAuth2HeaderScheme preemptive) {
            return preemptive.getAccessToken();
        }
        if (scheme instanceof OAuth2Scheme oauth2) {
            return oauth2.getAccessToken();
        }
        String header = request.getHeaders().getValue("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : null;
    }

    private static String problemCode(Response answer) {
        try {
            JsonNode body = JSON.readTree(answer.asString());
            return body != null && body.hasNonNull("code") ? body.get("code").asText() : null;
        } catch (Exception e) {
            return null; // not a problem document (a page for people): no code
        }
    }
}
