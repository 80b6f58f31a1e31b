package vn.ocop.evaluation;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static vn.ocop.evaluation.EvaluationTestSupport.as;
import static vn.ocop.evaluation.EvaluationTestSupport.best;
import static vn.ocop.evaluation.EvaluationTestSupport.council;
import static vn.ocop.evaluation.EvaluationTestSupport.createSession;
import static vn.ocop.evaluation.EvaluationTestSupport.rate;
import static vn.ocop.evaluation.EvaluationTestSupport.soloCouncil;
import static vn.ocop.evaluation.EvaluationTestSupport.submitApplication;
import static vn.ocop.evaluation.EvaluationTestSupport.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import vn.ocop.evaluation.rating.CouncilLevel;
import vn.ocop.evaluation.round.Round;
import vn.ocop.evaluation.round.RoundCalendar;
import vn.ocop.events.registry.ApplicationSubmitted;
import vn.ocop.events.registry.ApplicationWithdrawn;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * Central-level carry-over of 5★ nominations, extra rounds a council's regulation allows, and the list of dossiers
 * awaiting evaluation. Each test uses its own province: a province's extra rounds apply to all its dossiers.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class RoundsAndDossiersTest {
    @Inject
    LegalClock clock;

    static final String REGULATION = "Quyết định 1234/QĐ-UBND ngày 10/3/2026 ban hành Quy chế hoạt động của Hội đồng";

    static UUID accepted(String province, String code, String acceptedAt) {
        UUID product = UUID.randomUUID();
        KafkaTestClient.publish(new ApplicationSubmitted(UUID.randomUUID(), product, code, UUID.randomUUID(), province, 1,
                "FIRST_RATING", null, Instant.parse(acceptedAt)), UUID.randomUUID().toString());
        return product;
    }

    @Test
    void nominationsWhoseCentralRoundPassedWithoutACentralResultAreCarriedOver() {
        String province = "59";
        String officer = Tokens.provinceOfficer(province);
        String central = Tokens.centralOfficer();
        String[] provincial = soloCouncil(province);
        String[] centralCouncil = soloCouncil(null);
        UUID waiting = submitApplication(province, UUID.randomUUID(), "59-10001-1-2026").productId();
        UUID scheduled = submitApplication(province, UUID.randomUUID(), "59-10002-1-2026").productId();
        UUID decided = submitApplication(province, UUID.randomUUID(), "59-10003-1-2026").productId();
        for (UUID product : List.of(waiting, scheduled, decided)) {
            rate(provincial, officer, product, best()); // 100 points at the province: nominated for 5★
        }
        createSession(central, centralCouncil[0], List.of(scheduled));
        rate(centralCouncil, central, decided, best());

        // Nominated today: the province's file is for the first central round whose files-due day is today or later.
        Round round = RoundCalendar.resource("round-calendar/rounds.json").roundForDossier(CouncilLevel.CENTRAL, clock.today());
        String url = "/api/v1/rounds/carried-over?province=" + province + "&size=200&asOf=";
        as(officer).get(url + round.decideBy() + "&level=CENTRAL").then().statusCode(200).body("total", equalTo(0));
        as(officer).get(url + round.decideBy().plusDays(1) + "&level=CENTRAL").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.productId", hasItems(waiting.toString(), scheduled.toString()))
                .body("items.productId", not(hasItem(decided.toString())))
                .body("items.level", contains("CENTRAL", "CENTRAL"))
                .body("items.kind", contains("FIVE_STAR_NOMINATION", "FIVE_STAR_NOMINATION"))
                .body("items.find { it.productId == '" + waiting + "' }.status", equalTo("AWAITING"))
                .body("items.find { it.productId == '" + scheduled + "' }.status", equalTo("IN_SESSION"))
                .body("items.find { it.productId == '" + waiting + "' }.round.code", equalTo(round.code()))
                .body("items.find { it.productId == '" + waiting + "' }.round.filesDueBy", equalTo(round.filesDueBy().toString()))
                .body("items.find { it.productId == '" + waiting + "' }.nominationResultId", not(equalTo(null)))
                .body("items.find { it.productId == '" + waiting + "' }.applicationId", equalTo(null));
        // Their provincial dossiers are evaluated: nothing is carried over at the provincial level; both levels by default.
        as(officer).get(url + round.decideBy().plusDays(1) + "&level=PROVINCIAL").then().statusCode(200).body("total", equalTo(0));
        as(central).get(url + round.decideBy().plusDays(1)).then().statusCode(200).body("total", equalTo(2));
        as(Tokens.provinceOfficer("01")).get(url + round.decideBy().plusDays(1)).then().statusCode(403);
        as(officer).get(url + round.decideBy().plusDays(1) + "&level=COMMUNE").then().statusCode(400)
                .body("violations[0].field", equalTo("level"));
    }

    @Test
    void aCouncilsRegulationAddsExtraRoundsThatSessionsAndCarryOverUse() {
        String province = "58";
        String officer = Tokens.provinceOfficer(province);
        String chair = unique("chair");
        Map<String, Object> body = council("Hội đồng có đợt bổ sung", "PROVINCIAL", province, 1, Map.of(chair, "CHAIR"));
        body.put("extraRounds", List.of(Map.of("filesDueBy", "2026-05-20", "decideBy", "2026-06-10")));
        as(officer).body(body).post("/api/v1/councils").then().statusCode(400).body("violations[0].field", equalTo("regulation"));
        body.put("regulation", REGULATION);
        body.put("extraRounds", List.of(Map.of("filesDueBy", "2026-06-10", "decideBy", "2026-05-20")));
        as(officer).body(body).post("/api/v1/councils").then().statusCode(400)
                .body("violations[0].field", equalTo("extraRounds[0].decideBy"));
        body.put("extraRounds", List.of(Map.of("filesDueBy", "2026-05-20", "decideBy", "2026-06-10")));
        var created = as(officer).body(body).post("/api/v1/councils").then().statusCode(201)
                .body("regulation", equalTo(REGULATION))
                .body("extraRounds[0].filesDueBy", equalTo("2026-05-20"))
                .body("extraRounds[0].decideBy", equalTo("2026-06-10")).extract();
        String councilId = created.path("id");

        // Accepted 10/5 (Vietnam): before the extra round's 20/5 cut-off. Accepted 1/6: after it, so the 30/12 round.
        UUID early = accepted(province, "58-10001-1-2026", "2026-05-10T03:00:00Z");
        UUID late = accepted(province, "58-10002-1-2026", "2026-06-01T03:00:00Z");
        UUID onAgenda = accepted(province, "58-10003-1-2026", "2026-05-10T03:00:00Z");
        Map<String, Object> session = Map.of("councilId", councilId, "heldOn", "2026-06-05", "productIds", List.of(onAgenda.toString()));
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                id[0] = as(officer).body(session).post("/api/v1/sessions").then().statusCode(201).extract().path("id"));
        as(officer).get("/api/v1/sessions/" + id[0]).then().statusCode(200)
                .body("round.code", equalTo("PROVINCIAL-2026-E1"))
                .body("round.extra", equalTo(true))
                .body("round.regulation", equalTo(REGULATION))
                .body("round.filesDueBy", equalTo("2026-05-20"))
                .body("round.decideBy", equalTo("2026-06-10"));

        String url = "/api/v1/rounds/carried-over?level=PROVINCIAL&province=" + province + "&size=200&asOf=";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(officer).get("/api/v1/dossiers?province=" + province).then().statusCode(200)
                        .body("items.productId", hasItems(early.toString(), late.toString())));
        as(officer).get(url + "2026-06-10").then().statusCode(200).body("total", equalTo(0));
        as(officer).get(url + "2026-06-11").then().statusCode(200)
                .body("items.productId", containsInAnyOrder(early.toString(), onAgenda.toString()))
                .body("items.find { it.productId == '" + early + "' }.round.code", equalTo("PROVINCIAL-2026-E1"))
                .body("items.find { it.productId == '" + early + "' }.round.regulation", equalTo(REGULATION))
                .body("items.find { it.productId == '" + early + "' }.status", equalTo("AWAITING"))
                .body("items.find { it.productId == '" + onAgenda + "' }.status", equalTo("IN_SESSION"));
        as(officer).get("/api/v1/dossiers?province=" + province).then().statusCode(200)
                .body("items.find { it.productId == '" + late + "' }.round.code", equalTo("PROVINCIAL-2026-2"))
                .body("items.find { it.productId == '" + early + "' }.round.code", equalTo("PROVINCIAL-2026-E1"));

        // Without the extra round (cleared by a PUT), the same session is in the regular first round and nothing is late yet.
        body.remove("extraRounds");
        as(officer).header("If-Match", created.header("ETag")).body(body).put("/api/v1/councils/" + councilId).then().statusCode(200)
                .body("extraRounds.size()", equalTo(0));
        as(officer).get("/api/v1/sessions/" + id[0]).then().statusCode(200)
                .body("round.code", equalTo("PROVINCIAL-2026-1")).body("round.extra", equalTo(false));
        as(officer).get(url + "2026-06-11").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void dossiersAwaitingEvaluationAreListedByStateWithinTheOfficersProvince() {
        String province = "62";
        String officer = Tokens.provinceOfficer(province);
        String[] council = soloCouncil(province);
        UUID awaiting = submitApplication(province, UUID.randomUUID(), "62-10001-1-2026").productId();
        UUID scheduled = submitApplication(province, UUID.randomUUID(), "62-10002-1-2026").productId();
        ApplicationSubmitted withdrawn = submitApplication(province, UUID.randomUUID(), "62-10003-1-2026");
        UUID evaluated = submitApplication(province, UUID.randomUUID(), "62-10004-1-2026").productId();
        UUID second = submitApplication(province, UUID.randomUUID(), "62-10005-1-2026").productId();
        createSession(officer, council[0], List.of(scheduled));
        rate(council, officer, evaluated, best());
        KafkaTestClient.publish(new ApplicationWithdrawn(withdrawn.applicationId(), withdrawn.productId(), "Chủ thể rút hồ sơ",
                Instant.parse("2026-06-05T02:00:00Z")), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(officer).get("/api/v1/dossiers?status=WITHDRAWN").then().statusCode(200)
                        .body("items.productId", contains(withdrawn.productId().toString())));
        as(officer).get("/api/v1/dossiers").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.productId", hasItems(awaiting.toString(), second.toString()))
                .body("items[0].status", equalTo("AWAITING"))
                .body("items[0].kind", equalTo("FIRST_RATING"))
                .body("items[0].round.code", equalTo("PROVINCIAL-2026-2"));
        as(officer).get("/api/v1/dossiers?status=AWAITING&size=1&page=1").then().statusCode(200)
                .body("total", equalTo(2)).body("items.size()", equalTo(1));
        as(officer).get("/api/v1/dossiers?status=IN_SESSION").then().statusCode(200)
                .body("items.productId", contains(scheduled.toString()));
        as(officer).get("/api/v1/dossiers?status=EVALUATED").then().statusCode(200)
                .body("items.productId", contains(evaluated.toString()));
        as(Tokens.centralOfficer()).get("/api/v1/dossiers?province=" + province).then().statusCode(200).body("total", equalTo(2));
        as(Tokens.of("auditor@ocop.gov.vn", "auditor").mint()).get("/api/v1/dossiers?province=" + province).then().statusCode(200).body("total", equalTo(2));

        as(Tokens.provinceOfficer("01")).get("/api/v1/dossiers?province=" + province).then().statusCode(403)
                .body("code", equalTo("OUT_OF_SCOPE"));
        as(Tokens.provinceOfficer("01")).get("/api/v1/dossiers").then().statusCode(200)
                .body("items.productId", not(hasItem(awaiting.toString())));
        as(Tokens.producer(UUID.randomUUID())).get("/api/v1/dossiers?province=" + province).then().statusCode(403);
        as(officer).get("/api/v1/dossiers?status=DONE").then().statusCode(400).body("violations[0].field", equalTo("status"));
        as(officer).get("/api/v1/dossiers?province=6").then().statusCode(400).body("violations[0].field", equalTo("province"));
    }
}
