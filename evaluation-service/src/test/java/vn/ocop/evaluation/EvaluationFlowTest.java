package vn.ocop.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static vn.ocop.evaluation.EvaluationTestSupport.as;
import static vn.ocop.evaluation.EvaluationTestSupport.best;
import static vn.ocop.evaluation.EvaluationTestSupport.council;
import static vn.ocop.evaluation.EvaluationTestSupport.member;
import static vn.ocop.evaluation.EvaluationTestSupport.sheet;
import static vn.ocop.evaluation.EvaluationTestSupport.unique;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.events.Topics;
import vn.ocop.events.registry.ApplicationSubmitted;
import vn.ocop.events.registry.ApplicationWithdrawn;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * A provincial council evaluates two products from accepted dossiers: sheets are scored by the server, conflicts and
 * non-members are refused, the quorum gates closing, the star rule decides, and the results go out as events; the
 * central council then rates the nominated product.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class EvaluationFlowTest {
    static final String PROVINCE = "51";

    @Test
    void councilsAreManagedOnlyByTheirProvinceAndNeedAChairAndAReachableQuorum() {
        Map<String, String> members = new LinkedHashMap<>();
        members.put(unique("chair"), "CHAIR");
        members.put(unique("member"), "MEMBER");
        members.put(unique("secretary"), "SECRETARY");
        as(Tokens.provinceOfficer("01")).body(council("Hội đồng", "PROVINCIAL", PROVINCE, 2, members)).post("/api/v1/councils")
                .then().statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));
        as(Tokens.provinceOfficer(PROVINCE)).body(council("Hội đồng", "PROVINCIAL", PROVINCE, 3, members)).post("/api/v1/councils")
                .then().statusCode(400).body("violations[0].field", equalTo("quorum"));
        as(Tokens.provinceOfficer(PROVINCE)).body(council("Hội đồng", "CENTRAL", null, 1, members)).post("/api/v1/councils")
                .then().statusCode(403);
        as(Tokens.provinceOfficer(PROVINCE)).body("{\"name\": \"H\", \"level\": \"PROVINCIAL\", \"provinceCode\": \"51\", "
                + "\"quorum\": 1, \"members\": [null]}").post("/api/v1/councils").then().statusCode(400);
        as(Tokens.provinceOfficer(PROVINCE)).body("{\"name\": \"H\", \"level\": \"REGIONAL\", \"quorum\": 1, \"members\": []}")
                .post("/api/v1/councils").then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        Map<String, String> noChair = Map.of(unique("member"), "MEMBER");
        as(Tokens.provinceOfficer(PROVINCE)).body(council("Hội đồng", "PROVINCIAL", PROVINCE, 1, noChair)).post("/api/v1/councils")
                .then().statusCode(400).body("violations[0].field", equalTo("members"));

        var created = as(Tokens.provinceOfficer(PROVINCE)).body(council("Hội đồng tỉnh Quảng Ngãi", "PROVINCIAL", PROVINCE, 2, members))
                .post("/api/v1/councils").then().statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        Map<String, Object> update = council("Hội đồng tỉnh Quảng Ngãi 2026", "PROVINCIAL", PROVINCE, 1, members);
        as(Tokens.provinceOfficer(PROVINCE)).body(update).put("/api/v1/councils/" + id).then().statusCode(428);
        as(Tokens.provinceOfficer(PROVINCE)).header("If-Match", etag).body(update).put("/api/v1/councils/" + id)
                .then().statusCode(200).body("quorum", equalTo(1)).body("name", equalTo("Hội đồng tỉnh Quảng Ngãi 2026"));
        as(Tokens.provinceOfficer(PROVINCE)).header("If-Match", etag).body(update).put("/api/v1/councils/" + id)
                .then().statusCode(412);
        // Councils are not public: outside the caller's scope one answers like a missing council.
        as(Tokens.provinceOfficer("01")).get("/api/v1/councils/" + id).then().statusCode(404);
        String chair = members.keySet().iterator().next();
        as(member(chair)).get("/api/v1/councils/" + id).then().statusCode(200);
        as(member(chair)).get("/api/v1/councils").then().statusCode(200).body("items.id", contains(id));
        as(member(unique("other-council"))).get("/api/v1/councils/" + id).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        as(member(unique("other-council"))).get("/api/v1/councils").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aProvincialCouncilRatesTwoProductsAndTheCentralCouncilGivesFiveStars() {
        String chair = unique("chair");
        String m1 = unique("m1");
        String m2 = unique("m2");
        String m3 = unique("m3");
        String secretary = unique("secretary");
        Map<String, String> members = new LinkedHashMap<>();
        members.put(chair, "CHAIR");
        members.put(m1, "MEMBER");
        members.put(m2, "MEMBER");
        members.put(m3, "MEMBER");
        members.put(secretary, "SECRETARY");
        String councilId = as(Tokens.provinceOfficer(PROVINCE)).body(council("Hội đồng OCOP Quảng Ngãi", "PROVINCIAL", PROVINCE, 3, members))
                .post("/api/v1/councils").then().statusCode(201).extract().path("id");

        UUID producerP = UUID.randomUUID();
        UUID producerQ = UUID.randomUUID();
        ApplicationSubmitted garlic = EvaluationTestSupport.submitApplication(PROVINCE, producerP, "51-21040-1-2026");
        ApplicationSubmitted onion = EvaluationTestSupport.submitApplication(PROVINCE, producerQ, "51-21040-2-2026");
        UUID p = garlic.productId();
        UUID q = onion.productId();

        // m2 is related to the producer of q and says so.
        as(member(m2)).body(Map.of("memberSubject", m2, "producerId", producerQ.toString(), "reason", "Người thân là xã viên"))
                .post("/api/v1/councils/" + councilId + "/conflicts").then().statusCode(201);

        // A product of another province is not this council's to evaluate.
        ApplicationSubmitted elsewhere = EvaluationTestSupport.submitApplication("38", UUID.randomUUID(), "38-14797-1-2026");
        String sessionId = EvaluationTestSupport.createSession(Tokens.provinceOfficer(PROVINCE), councilId, List.of(p, q));
        as(Tokens.provinceOfficer(PROVINCE)).body(Map.of("councilId", councilId, "heldOn", "2026-06-20",
                        "productIds", List.of(elsewhere.productId().toString()))).post("/api/v1/sessions")
                .then().statusCode(422).body("code", equalTo("PRODUCT_NOT_AWAITING_EVALUATION"));
        as(Tokens.provinceOfficer(PROVINCE)).get("/api/v1/sessions/" + sessionId).then().statusCode(200)
                .body("products.criteriaSetId", contains("QD26-2026-S01", "QD26-2026-S01"))
                .body("products.status", contains("PENDING", "PENDING"));

        String sheets = "/api/v1/sessions/" + sessionId + "/scoresheets";
        // The server computes totals: a client total, a foreign option, a missing criterion are refused.
        Map<String, Object> withTotal = new HashMap<>(sheet(p, best()));
        withTotal.put("total", 100);
        as(member(m1)).body(withTotal).post(sheets).then().statusCode(400).body("violations[0].field", equalTo("total"));
        Map<String, String> incomplete = best("1.5", "4.1.a");
        incomplete.remove("10.1");
        as(member(m1)).body(sheet(p, incomplete)).post(sheets).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("choices.1.5", "choices.10.1"));
        // Only the council's scoring members score; a conflict of interest bars the member.
        as(member(secretary)).body(sheet(p, best())).post(sheets).then().statusCode(403).body("code", equalTo("NOT_A_COUNCIL_MEMBER"));
        as(member(unique("stranger"))).body(sheet(p, best())).post(sheets).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(Tokens.provinceOfficer(PROVINCE)).body(sheet(p, best())).post(sheets).then().statusCode(403);
        as(member(m2)).body(sheet(q, best())).post(sheets).then().statusCode(403).body("code", equalTo("CONFLICT_OF_INTEREST"));
        as(member(unique("stranger"))).get(sheets).then().statusCode(404).body("code", equalTo("NOT_FOUND"));

        // Product p: two perfect sheets and one without ISO/HACCP or export channels → 98 on average, every minimum
        // met by the majority: 5★ at province level is only a nomination.
        as(member(chair)).body(sheet(p, best())).post(sheets).then().statusCode(201).body("total", equalTo(100.0f))
                .body("partTotals.A", equalTo(40.0f)).body("mandatoryLevel", equalTo(5)).body("revision", equalTo(1));
        as(member(m1)).header("Idempotency-Key", "m1-p").body(sheet(p, best())).post(sheets).then().statusCode(201);
        as(member(m1)).header("Idempotency-Key", "m1-p").body(sheet(p, best())).post(sheets).then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        String close = "/api/v1/sessions/" + sessionId + "/close";
        as(member(chair)).body(Map.of("productId", p.toString())).post(close).then().statusCode(422).body("code", equalTo("QUORUM_NOT_MET"));
        as(member(m1)).queryParam("productId", p.toString()).get(sheets).then().statusCode(200)
                .body("items.memberSubject", contains(m1)); // no peeking at the chair's sheet before the product is closed
        as(member(m2)).body(sheet(p, best("10.1", "10.1.a", "4.1", "4.1.c"))).post(sheets).then().statusCode(201)
                .body("total", equalTo(94.0f)).body("mandatoryLevel", equalTo(3));
        as(member(m1)).body(Map.of("productId", p.toString())).post(close).then().statusCode(403);
        String nominated = as(member(chair)).body(Map.of("productId", p.toString())).post(close).then().statusCode(201)
                .body("averageScore", equalTo(98.0f)).body("band", equalTo(5)).body("mandatoryLevel", equalTo(5))
                .body("stars", equalTo(5)).body("outcome", equalTo("FIVE_STAR_NOMINATED"))
                .body("criteriaSetId", equalTo("QD26-2026-S01")).extract().path("id");
        as(member(m1)).queryParam("productId", p.toString()).get(sheets).then().statusCode(200).body("total", equalTo(3));
        as(member(m2)).get("/api/v1/councils/" + councilId + "/conflicts").then().statusCode(200)
                .body("items.producerId", contains(producerQ.toString()));

        // Product q: m1 amends to the food-safety certificate only; with m3 likewise, the 4★ ISO/HACCP minimum is met by
        // one sheet of three: 97.33 points, band 5★, but rated 3★.
        as(member(chair)).body(sheet(q, best())).post(sheets).then().statusCode(201);
        as(member(m1)).body(sheet(q, best())).post(sheets).then().statusCode(201);
        as(member(m1)).body(sheet(q, best("10.1", "10.1.a"))).post(sheets).then().statusCode(409)
                .body("code", equalTo("SHEET_ALREADY_SUBMITTED"));
        Map<String, Object> amendment = new HashMap<>(sheet(q, best("10.1", "10.1.a")));
        amendment.put("amendmentReason", "Chứng nhận HACCP đã hết hiệu lực");
        as(member(m1)).body(amendment).post(sheets).then().statusCode(201).body("revision", equalTo(2)).body("total", equalTo(96.0f));
        as(member(m3)).body(sheet(q, best("10.1", "10.1.a"))).post(sheets).then().statusCode(201);
        as(Tokens.provinceOfficer(PROVINCE)).queryParam("productId", q.toString()).get(sheets).then().statusCode(200)
                .body("items.findAll { it.memberSubject == '" + m1 + "' }.revision", contains(1, 2))
                .body("items.findAll { it.memberSubject == '" + m1 + "' }.current", contains(false, true))
                .body("items.findAll { it.memberSubject == '" + m1 + "' }.amendmentReason", contains(null, "Chứng nhận HACCP đã hết hiệu lực"));
        String certifiable = as(Tokens.provinceOfficer(PROVINCE)).body(Map.of("productId", q.toString())).post(close).then().statusCode(201)
                .body("averageScore", equalTo(97.33f)).body("band", equalTo(5)).body("mandatoryLevel", equalTo(3))
                .body("stars", equalTo(3)).body("outcome", equalTo("CERTIFIABLE"))
                .body("unmetMinima[0].criterionCode", equalTo("10.1")).body("unmetMinima[0].requiredOptionCode", equalTo("10.1.b"))
                .extract().path("id");
        as(Tokens.provinceOfficer(PROVINCE)).body(Map.of("productId", q.toString())).post(close).then().statusCode(409)
                .body("code", equalTo("PRODUCT_NOT_OPEN"));
        as(member(m3)).body(amendmentOf(q)).post(sheets).then().statusCode(409).body("code", equalTo("PRODUCT_NOT_OPEN"));

        // Results: the province sees both, another province none of them.
        as(Tokens.provinceOfficer(PROVINCE)).queryParam("province", PROVINCE).get("/api/v1/results").then().statusCode(200)
                .body("items.id", hasItems(nominated, certifiable));
        as(Tokens.provinceOfficer("01")).get("/api/v1/results/" + certifiable).then().statusCode(404);
        as(Tokens.producer(producerQ)).get("/api/v1/results").then().statusCode(200).body("items.id", contains(certifiable));

        // The events other services rely on.
        List<ConsumerRecord<String, String>> rated = KafkaTestClient.awaitRecords(Topics.EVALUATION,
                r -> (p.toString().equals(r.key()) || q.toString().equals(r.key())), 3, Duration.ofSeconds(30));
        assertThat(rated).extracting(r -> KafkaTestClient.header(r, "ce_type"))
                .containsExactlyInAnyOrder("ProductRated", "FiveStarNominated", "ProductRated");
        assertThat(rated).filteredOn(r -> "FiveStarNominated".equals(KafkaTestClient.header(r, "ce_type")))
                .singleElement().satisfies(r -> assertThat(r.value()).contains(nominated).contains("\"averageScore\":98.00"));

        // The central council takes the nominated product only, and alone makes it 5★.
        String expert = unique("central-expert");
        String centralCouncil = as(Tokens.centralOfficer()).body(council("Hội đồng cấp trung ương", "CENTRAL", null, 1, Map.of(expert, "CHAIR")))
                .post("/api/v1/councils").then().statusCode(201).extract().path("id");
        as(Tokens.centralOfficer()).body(Map.of("councilId", centralCouncil, "heldOn", "2026-09-15", "productIds", List.of(q.toString())))
                .post("/api/v1/sessions").then().statusCode(422).body("code", equalTo("PRODUCT_NOT_NOMINATED"));
        String central = as(Tokens.centralOfficer()).body(Map.of("councilId", centralCouncil, "heldOn", "2026-09-15",
                "productIds", List.of(p.toString()))).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        as(member(expert)).body(sheet(p, best())).post("/api/v1/sessions/" + central + "/scoresheets").then().statusCode(201);
        as(member(expert)).body(Map.of("productId", p.toString())).post("/api/v1/sessions/" + central + "/close").then().statusCode(201)
                .body("councilLevel", equalTo("CENTRAL")).body("stars", equalTo(5)).body("outcome", equalTo("CERTIFIABLE"));
        given().auth().oauth2(Tokens.centralOfficer()).queryParam("productId", p.toString()).get("/api/v1/results").then()
                .statusCode(200).body("items.councilLevel", contains("CENTRAL", "PROVINCIAL"))
                .body("items.outcome", hasItem("FIVE_STAR_NOMINATED"));
    }

    @Test
    void aConflictDeclaredAfterScoringDropsTheSheetAndAKnockOutUpheldByTheMajorityEndsAtOneStar() {
        String chair = unique("chair");
        String m1 = unique("m1");
        String m2 = unique("m2");
        Map<String, String> members = new LinkedHashMap<>();
        members.put(chair, "CHAIR");
        members.put(m1, "MEMBER");
        members.put(m2, "MEMBER");
        String councilId = as(Tokens.provinceOfficer(PROVINCE)).body(council("Hội đồng loại trừ", "PROVINCIAL", PROVINCE, 2, members))
                .post("/api/v1/councils").then().statusCode(201).extract().path("id");
        UUID producer = UUID.randomUUID();
        UUID product = EvaluationTestSupport.submitApplication(PROVINCE, producer, "51-21040-40-2026").productId();
        String session = EvaluationTestSupport.createSession(Tokens.provinceOfficer(PROVINCE), councilId, List.of(product));
        String sheets = "/api/v1/sessions/" + session + "/scoresheets";
        String close = "/api/v1/sessions/" + session + "/close";

        as(member(chair)).body(sheet(product, best())).post(sheets).then().statusCode(201);
        as(member(m1)).body(sheet(product, best())).post(sheets).then().statusCode(201);
        // m1 discovers a conflict after scoring: the sheet no longer counts towards the quorum.
        as(member(m1)).body(Map.of("memberSubject", m1, "producerId", producer.toString(), "reason", "Góp vốn vào hợp tác xã"))
                .post("/api/v1/councils/" + councilId + "/conflicts").then().statusCode(201);
        as(member(chair)).body(Map.of("productId", product.toString())).post(close).then().statusCode(422)
                .body("code", equalTo("QUORUM_NOT_MET"));

        // An unknown ground is refused; the knock-out found on both counted sheets (a majority) stops the product.
        Map<String, Object> unknown = new HashMap<>(sheet(product, best()));
        unknown.put("knockOuts", List.of("KO-UNKNOWN"));
        as(member(m2)).body(unknown).post(sheets).then().statusCode(400);
        Map<String, Object> knockedOut = new HashMap<>(sheet(product, best()));
        knockedOut.put("knockOuts", List.of("KO-FOOD-SAFETY"));
        as(member(m2)).body(knockedOut).post(sheets).then().statusCode(201);
        Map<String, Object> amendment = new HashMap<>(knockedOut);
        amendment.put("amendmentReason", "Kết luận thanh tra an toàn thực phẩm");
        as(member(chair)).body(amendment).post(sheets).then().statusCode(201).body("revision", equalTo(2));
        String result = as(member(chair)).body(Map.of("productId", product.toString())).post(close).then().statusCode(201)
                .body("sheetCount", equalTo(2))
                .body("averageScore", equalTo(100.0f))
                .body("outcome", equalTo("KNOCKED_OUT"))
                .body("stars", equalTo(1))
                .body("mandatoryLevel", equalTo(0))
                .body("upheldKnockOuts", contains("KO-FOOD-SAFETY")).extract().path("id");
        as(Tokens.provinceOfficer(PROVINCE)).body(Map.of("decisionNumber", "KO-" + UUID.randomUUID().toString().substring(0, 6),
                        "decidedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString(), "resultIds", List.of(result)))
                .post("/api/v1/recognitions").then().statusCode(422).body("code", equalTo("RESULT_NOT_CERTIFIABLE"));
        List<ConsumerRecord<String, String>> rated = KafkaTestClient.awaitRecords(Topics.EVALUATION,
                r -> product.toString().equals(r.key()) && "ProductRated".equals(KafkaTestClient.header(r, "ce_type")), 1,
                Duration.ofSeconds(30));
        assertThat(rated).singleElement().satisfies(r -> assertThat(r.value()).contains("\"outcome\":\"KNOCKED_OUT\"")
                .contains("\"stars\":1"));
    }

    private static Map<String, Object> amendmentOf(UUID productId) {
        Map<String, Object> body = new HashMap<>(sheet(productId, best()));
        body.put("amendmentReason", "Muộn");
        return body;
    }

    @Test
    void aWithdrawnDossierLeavesTheQueueAndItsSessionAndCannotBeScored() {
        String[] solo = EvaluationTestSupport.soloCouncil(PROVINCE);
        ApplicationSubmitted waiting = EvaluationTestSupport.submitApplication(PROVINCE, UUID.randomUUID(), "51-21040-30-2026");
        ApplicationSubmitted scheduled = EvaluationTestSupport.submitApplication(PROVINCE, UUID.randomUUID(), "51-21040-31-2026");
        String session = EvaluationTestSupport.createSession(Tokens.provinceOfficer(PROVINCE), solo[0], List.of(scheduled.productId()));

        KafkaTestClient.publish(new ApplicationWithdrawn(waiting.applicationId(), waiting.productId(), "Chủ thể rút hồ sơ",
                java.time.Instant.now()), UUID.randomUUID().toString());
        KafkaTestClient.publish(new ApplicationWithdrawn(scheduled.applicationId(), scheduled.productId(), "Chủ thể rút hồ sơ",
                java.time.Instant.now()), UUID.randomUUID().toString());

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(Tokens.provinceOfficer(PROVINCE)).get("/api/v1/sessions/" + session).then().body("products[0].status", equalTo("WITHDRAWN")));
        as(Tokens.provinceOfficer(PROVINCE)).body(Map.of("councilId", solo[0], "heldOn", "2026-06-20",
                        "productIds", List.of(waiting.productId().toString()))).post("/api/v1/sessions")
                .then().statusCode(422).body("code", equalTo("PRODUCT_NOT_AWAITING_EVALUATION"));
        as(member(solo[1])).body(sheet(scheduled.productId(), best())).post("/api/v1/sessions/" + session + "/scoresheets")
                .then().statusCode(409).body("code", equalTo("PRODUCT_NOT_OPEN"));
        as(member(solo[1])).body(Map.of("productId", scheduled.productId().toString())).post("/api/v1/sessions/" + session + "/close")
                .then().statusCode(409).body("code", equalTo("PRODUCT_NOT_OPEN"));
    }

    @Test
    void closingTwiceWithTheSameIdempotencyKeyRatesTheProductOnce() {
        String[] solo = EvaluationTestSupport.soloCouncil(PROVINCE);
        UUID product = EvaluationTestSupport.submitApplication(PROVINCE, UUID.randomUUID(), "51-21040-32-2026").productId();
        String session = EvaluationTestSupport.createSession(Tokens.provinceOfficer(PROVINCE), solo[0], List.of(product));
        as(member(solo[1])).body(sheet(product, best("10.1", "10.1.b"))).post("/api/v1/sessions/" + session + "/scoresheets")
                .then().statusCode(201);
        String close = "/api/v1/sessions/" + session + "/close";
        String first = as(member(solo[1])).header("Idempotency-Key", "close-" + product).body(Map.of("productId", product.toString()))
                .post(close).then().statusCode(201).extract().path("id");
        as(member(solo[1])).header("Idempotency-Key", "close-" + product).body(Map.of("productId", product.toString()))
                .post(close).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(member(solo[1])).header("Idempotency-Key", "close-" + product).body(Map.of("productId", UUID.randomUUID().toString()))
                .post(close).then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        List<ConsumerRecord<String, String>> rated = KafkaTestClient.readAll(Topics.EVALUATION,
                r -> product.toString().equals(r.key()) && "ProductRated".equals(KafkaTestClient.header(r, "ce_type")));
        assertThat(rated).hasSize(1);
        assertThat(rated.get(0).value()).contains("\"stars\":4").contains("\"outcome\":\"CERTIFIABLE\"");
    }
}
