package vn.ocop.monitoring;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * One operation of the scope matrix and what each kind of caller must get from it: the exact status, text the body
 * must show, text it must not. {@link #run} calls it as every caller and collects what went wrong.
 */
final class ScopeMatrixCase {

    enum Caller {
        CENTRAL, AUDITOR, OFFICER_OWN, OFFICER_OTHER, COMMUNE_OWN, INSPECTOR_OWN, INSPECTOR_OTHER, PRODUCER_OWN,
        PRODUCER_OTHER, COUNCIL, OPERATOR, OPS_ADMIN, ANONYMOUS
    }

    record Expect(int status, List<String> shows, List<String> hides) {
    }

    final String operationId;
    final String name;
    private final Function<RequestSpecification, Response> call;
    private final Map<Caller, Expect> expected = new EnumMap<>(Caller.class);

    ScopeMatrixCase(String operationId, String name, Function<RequestSpecification, Response> call) {
        this.operationId = operationId;
        this.name = operationId + " (" + name + ")";
        this.call = call;
    }

    ScopeMatrixCase expect(int status, List<String> shows, List<String> hides, Caller... callers) {
        for (Caller c : callers) {
            expected.put(c, new Expect(status, shows, hides));
        }
        return this;
    }

    ScopeMatrixCase expect(int status, Caller... callers) {
        return expect(status, List.of(), List.of(), callers);
    }

    /** Every caller not named so far gets {@code status} and must not see {@code hidden}; an anonymous one gets 401. */
    ScopeMatrixCase others(int status, String... hidden) {
        expected.putIfAbsent(Caller.ANONYMOUS, new Expect(401, List.of(), List.of()));
        for (Caller c : Caller.values()) {
            expected.putIfAbsent(c, new Expect(status, List.of(), List.of(hidden)));
        }
        return this;
    }

    /** Calls the operation as every caller; adds to {@code leaks} each answer that is not exactly what was expected. */
    void run(Map<Caller, String> tokens, List<String> secrets, List<String> leaks) {
        if (expected.size() != Caller.values().length) {
            leaks.add(name + ": not every caller covered");
        }
        for (Map.Entry<Caller, Expect> e : expected.entrySet()) {
            String token = tokens.get(e.getKey());
            Response response = call.apply(token == null ? given() : given().auth().oauth2(token));
            String body = response.asString();
            Expect x = e.getValue();
            String where = name + " as " + e.getKey() + ": ";
            if (response.statusCode() != x.status()) {
                leaks.add(where + "status " + response.statusCode() + ", expected " + x.status() + " " + abbreviate(body));
                continue;
            }
            x.shows().stream().filter(t -> !body.contains(t)).forEach(t -> leaks.add(where + "missing " + t));
            x.hides().stream().filter(body::contains).forEach(t -> leaks.add(where + "LEAKS " + t));
            if (response.statusCode() >= 400) {
                secrets.stream().filter(body::contains).forEach(t -> leaks.add(where + "LEAKS in a refusal " + t));
            }
            if (response.statusCode() == 404 && !looksMissing(body)) {
                leaks.add(where + "a 404 unlike a missing record's: " + abbreviate(body));
            }
        }
    }

    /** What a missing record answers: NOT_FOUND, "<kind> <id> does not exist", nothing more. */
    private static boolean looksMissing(String body) {
        JsonPath json = JsonPath.from(body);
        String detail = json.getString("detail");
        return "NOT_FOUND".equals(json.getString("code")) && detail != null && detail.endsWith(" does not exist")
                && json.get("violations") == null;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    static List<String> names(List<ScopeMatrixCase> cases) {
        List<String> ids = new ArrayList<>();
        cases.forEach(c -> ids.add(c.operationId));
        return ids;
    }
}
