package vn.ocop.evaluation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import vn.ocop.evaluation.criteria.CriteriaSetJson;
import vn.ocop.evaluation.rating.CriteriaSet;
import vn.ocop.evaluation.rating.CriterionOption;
import vn.ocop.events.registry.ApplicationSubmitted;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.Tokens;

/** Calls and bodies shared by the evaluation tests. */
public final class EvaluationTestSupport {
    public static final CriteriaSet SET1 = CriteriaSetJson.resource("QD26-2026-S01");

    private EvaluationTestSupport() {
    }

    public static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).auth().oauth2(token);
    }

    public static String member(String subject) {
        return Tokens.of(subject, "council-member").mint();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@ocop.gov.vn";
    }

    /** The best option of every criterion of set 1 (100 points, every minimum met), with overrides. */
    public static Map<String, String> best(String... overrides) {
        Map<String, String> choices = new LinkedHashMap<>();
        SET1.criteria().forEach(c -> choices.put(c.code(),
                c.options().stream().max(Comparator.comparing(CriterionOption::points)).orElseThrow().code()));
        for (int i = 0; i < overrides.length; i += 2) {
            choices.put(overrides[i], overrides[i + 1]);
        }
        return choices;
    }

    public static Map<String, Object> sheet(UUID productId, Map<String, String> choices) {
        Map<String, Object> body = new HashMap<>();
        body.put("productId", productId.toString());
        body.put("choices", choices);
        body.put("knockOuts", List.of());
        return body;
    }

    public static Map<String, Object> council(String name, String level, String province, int quorum, Map<String, String> members) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("level", level);
        if (province != null) {
            body.put("provinceCode", province);
        }
        body.put("quorum", quorum);
        body.put("members", members.entrySet().stream()
                .map(e -> Map.of("subject", e.getKey(), "fullName", "Thành viên " + e.getKey().substring(0, 6), "role", e.getValue()))
                .toList());
        return body;
    }

    /** Announces an accepted dossier as the registry would, and returns its product id. */
    public static ApplicationSubmitted submitApplication(String province, UUID producerId, String code) {
        return submitApplication(province, UUID.randomUUID(), producerId, code, "FIRST_RATING");
    }

    public static ApplicationSubmitted submitApplication(String province, UUID productId, UUID producerId, String code, String kind) {
        ApplicationSubmitted event = new ApplicationSubmitted(UUID.randomUUID(), productId, code, producerId,
                province, 1, kind, null, Instant.parse("2026-06-01T02:00:00Z"));
        KafkaTestClient.publish(event, UUID.randomUUID().toString());
        return event;
    }

    /** Schedules a session once the dossiers have arrived through the broker; returns its id. */
    public static String createSession(String token, String councilId, List<UUID> productIds) {
        Map<String, Object> body = Map.of("councilId", councilId, "heldOn", "2026-06-20",
                "productIds", productIds.stream().map(UUID::toString).toList());
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                id[0] = as(token).body(body).post("/api/v1/sessions").then().statusCode(201).extract().path("id"));
        return id[0];
    }

    /** A council of one (quorum 1) in the province, set up by its officer; returns {councilId, chairSubject}. */
    public static String[] soloCouncil(String province) {
        String chair = unique("chair");
        String token = province == null ? Tokens.centralOfficer() : Tokens.provinceOfficer(province);
        String id = as(token).body(council("Hội đồng " + chair, province == null ? "CENTRAL" : "PROVINCIAL", province, 1,
                Map.of(chair, "CHAIR"))).post("/api/v1/councils").then().statusCode(201).extract().path("id");
        return new String[] {id, chair};
    }

    /** Puts the product before the council, scores it with the chair's choices, closes it; returns the result id. */
    public static String rate(String[] council, String officerToken, UUID productId, Map<String, String> choices) {
        String session = createSession(officerToken, council[0], List.of(productId));
        as(member(council[1])).body(sheet(productId, choices)).post("/api/v1/sessions/" + session + "/scoresheets")
                .then().statusCode(201);
        return as(member(council[1])).body(Map.of("productId", productId.toString())).post("/api/v1/sessions/" + session + "/close")
                .then().statusCode(201).extract().path("id");
    }
}
