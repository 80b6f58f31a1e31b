package vn.ocop.testkit;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * One call of an operation in a service's scope matrix and what each kind of caller (the module's own enum) must get
 * from it: the exact status, text the body must show, text it must not. {@link #run} calls it as every caller and
 * collects what went wrong, so that a matrix reports all its leaks at once. A module extends it with its callers'
 * enum and, in {@link #checkAlso}, its own rules for every answer.
 */
public class ScopeMatrixCase<C extends Enum<C>> {

    /** What one caller must get. */
    public record Expect(int status, List<String> shows, List<String> hides) {
    }

    public final String operationId;
    public final String name;
    private final Function<RequestSpecification, Response> call;
    private final Map<C, Expect> expected = new HashMap<>();
    private Expect others;

    public ScopeMatrixCase(String operationId, String name, Function<RequestSpecification, Response> call) {
        this.operationId = operationId;
        this.name = operationId + " (" + name + ")";
        this.call = call;
    }

    @SafeVarargs
    public final ScopeMatrixCase<C> expect(int status, List<String> shows, List<String> hides, C... callers) {
        for (C c : callers) {
            expected.put(c, new Expect(status, shows, hides));
        }
        return this;
    }

    @SafeVarargs
    public final ScopeMatrixCase<C> expect(int status, C... callers) {
        return expect(status, List.of(), List.of(), callers);
    }

    /** Every caller not named (before or after) gets {@code status} and must not see {@code hidden}. */
    public final ScopeMatrixCase<C> others(int status, String... hidden) {
        others = new Expect(status, List.of(), List.of(hidden));
        return this;
    }

    /** Every caller not named (before or after) gets {@code status} and must see {@code shown}. */
    public final ScopeMatrixCase<C> othersShow(int status, String... shown) {
        others = new Expect(status, List.of(shown), List.of());
        return this;
    }

    /**
     * Calls the operation as every caller of the enum (no token when {@code tokens} has none: anonymous); adds to
     * {@code leaks} each answer that is not exactly what was expected.
     */
    public final void run(Map<C, String> tokens, List<String> secrets, List<String> leaks) {
        C any = tokens.keySet().iterator().next();
        for (C caller : any.getDeclaringClass().getEnumConstants()) {
            Expect x = expected.getOrDefault(caller, others);
            String where = name + " as " + caller + ": ";
            if (x == null) {
                leaks.add(where + "not covered");
                continue;
            }
            String token = tokens.get(caller);
            Response response = call.apply(request(token));
            String body = response.asString();
            if (response.statusCode() != x.status()) {
                leaks.add(where + "status " + response.statusCode() + ", expected " + x.status() + " " + abbreviate(body));
                continue;
            }
            x.shows().stream().filter(t -> !body.contains(t)).forEach(t -> leaks.add(where + "missing " + t));
            x.hides().stream().filter(body::contains).forEach(t -> leaks.add(where + "LEAKS " + t));
            checkAlso(where, token, response.statusCode(), body, secrets, leaks);
        }
    }

    /**
     * The module's own rules for every answer that has the expected status; none by default. {@code token} is the
     * caller's (null: anonymous), for a rule that asks something more as the same caller ({@link #request}).
     */
    protected void checkAlso(String where, String token, int status, String body, List<String> secrets, List<String> leaks) {
    }

    /** A request as the caller of {@code token} (none: anonymous). */
    protected static RequestSpecification request(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }

    protected static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** The operationIds the service's served document ({@code /q/openapi}) has and none of {@code cases} calls. */
    public static TreeSet<String> uncovered(Collection<? extends ScopeMatrixCase<?>> cases) {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                    .then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeSet<String> ids = new TreeSet<>();
        document.get("paths").forEach(path -> path.forEach(operation -> {
            if (operation.has("operationId")) {
                ids.add(operation.get("operationId").asText());
            }
        }));
        if (ids.isEmpty()) {
            throw new AssertionError("the served document has no operationId");
        }
        cases.forEach(c -> ids.remove(c.operationId));
        return ids;
    }
}
