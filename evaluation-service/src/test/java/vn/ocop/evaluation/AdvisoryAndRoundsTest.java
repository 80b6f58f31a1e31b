package vn.ocop.evaluation;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.ocop.evaluation.EvaluationTestSupport.as;
import static vn.ocop.evaluation.EvaluationTestSupport.best;
import static vn.ocop.evaluation.EvaluationTestSupport.council;
import static vn.ocop.evaluation.EvaluationTestSupport.createSession;
import static vn.ocop.evaluation.EvaluationTestSupport.member;
import static vn.ocop.evaluation.EvaluationTestSupport.rate;
import static vn.ocop.evaluation.EvaluationTestSupport.soloCouncil;
import static vn.ocop.evaluation.EvaluationTestSupport.submitApplication;
import static vn.ocop.evaluation.EvaluationTestSupport.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.events.registry.ApplicationSubmitted;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** The advisory team (tổ tư vấn) and its report on a session; rounds, their deadlines and carried-over dossiers. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class AdvisoryAndRoundsTest {

    static Map<String, Object> report(UUID productId, String recommendation) {
        Map<String, Object> body = new HashMap<>();
        body.put("summary", "Đã thẩm định hồ sơ và khảo sát thực tế");
        body.put("recommendations", List.of(Map.of("productId", productId.toString(), "recommendation", recommendation)));
        body.put("attachmentUrl", "https://docs.ocop.gov.vn/tu-van.pdf");
        body.put("author", "Trần Thị Bình");
        body.put("reportDate", "2026-06-15");
        return body;
    }

    @Test
    void theOfficeManagingTheCouncilSetsItsAdvisoryTeamAndReplacesItWithIfMatch() {
        String officer = Tokens.provinceOfficer("55");
        Map<String, Object> body = council("Hội đồng tư vấn", "PROVINCIAL", "55", 1, Map.of(unique("chair"), "CHAIR"));
        body.put("advisoryTeam", List.of(Map.of("name", "Trần Thị Bình", "organisation", "Sở Nông nghiệp và Môi trường"),
                Map.of("name", "Lê Văn Cường", "organisation", "Sở Y tế")));
        var created = as(officer).body(body).post("/api/v1/councils").then().statusCode(201)
                .body("advisoryTeam.name", contains("Trần Thị Bình", "Lê Văn Cường"))
                .body("advisoryTeam.organisation", contains("Sở Nông nghiệp và Môi trường", "Sở Y tế")).extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        body.put("advisoryTeam", List.of(Map.of("name", "Phạm Thu Dung", "organisation", "Chi cục Quản lý chất lượng")));
        as(officer).body(body).put("/api/v1/councils/" + id).then().statusCode(428);
        as(Tokens.provinceOfficer("01")).header("If-Match", etag).body(body).put("/api/v1/councils/" + id)
                .then().statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));
        as(officer).header("If-Match", etag).body(body).put("/api/v1/councils/" + id).then().statusCode(200)
                .body("advisoryTeam.name", contains("Phạm Thu Dung"));
        as(officer).get("/api/v1/councils/" + id).then().statusCode(200)
                .body("advisoryTeam.name", contains("Phạm Thu Dung"))
                .body("advisoryTeam.organisation", contains("Chi cục Quản lý chất lượng"));
        as(officer).header("If-Match", etag).body(body).put("/api/v1/councils/" + id).then().statusCode(412);
    }

    @Test
    void aSessionShowsItsRoundAndTheAdvisoryReportTheOfficeAttaches() {
        String officer = Tokens.provinceOfficer("56");
        String[] council = soloCouncil("56");
        UUID product = submitApplication("56", UUID.randomUUID(), "56-10001-1-2026").productId();
        String session = createSession(officer, council[0], List.of(product)); // held on 2026-06-20

        as(officer).get("/api/v1/sessions/" + session).then().statusCode(200)
                .body("round.code", equalTo("PROVINCIAL-2026-1"))
                .body("round.filesDueBy", equalTo("2026-04-30"))
                .body("round.decideBy", equalTo("2026-06-30"))
                .body("advisoryReport", nullValue());

        as(Tokens.provinceOfficer("01")).body(report(product, "Đề nghị 4 sao")).post("/api/v1/sessions/" + session + "/advisory-report")
                .then().statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));
        as(member(council[1])).body(report(product, "Đề nghị 4 sao")).post("/api/v1/sessions/" + session + "/advisory-report")
                .then().statusCode(403);
        as(officer).body(report(UUID.randomUUID(), "Đề nghị 4 sao")).post("/api/v1/sessions/" + session + "/advisory-report")
                .then().statusCode(400);

        as(officer).header("Idempotency-Key", UUID.randomUUID().toString()).body(report(product, "Đề nghị 4 sao"))
                .post("/api/v1/sessions/" + session + "/advisory-report").then().statusCode(201)
                .body("advisoryReport.summary", equalTo("Đã thẩm định hồ sơ và khảo sát thực tế"))
                .body("advisoryReport.recommendations[0].productId", equalTo(product.toString()));
        as(member(council[1])).get("/api/v1/sessions/" + session).then().statusCode(200)
                .body("advisoryReport.recommendations[0].recommendation", equalTo("Đề nghị 4 sao"))
                .body("advisoryReport.attachmentUrl", equalTo("https://docs.ocop.gov.vn/tu-van.pdf"))
                .body("advisoryReport.author", equalTo("Trần Thị Bình"))
                .body("advisoryReport.reportDate", equalTo("2026-06-15"));
        as(officer).body(report(product, "Đề nghị 3 sao")).post("/api/v1/sessions/" + session + "/advisory-report")
                .then().statusCode(409).body("code", equalTo("ADVISORY_REPORT_EXISTS"));
        as(officer).get("/api/v1/sessions?councilId=" + council[0]).then().statusCode(200)
                .body("items[0].advisoryReport.recommendations[0].recommendation", equalTo("Đề nghị 4 sao"));
    }

    @Test
    void dossiersWhoseRoundDeadlinePassedWithoutAResultAreCarriedOver() {
        String province = "57";
        String officer = Tokens.provinceOfficer(province);
        String[] council = soloCouncil(province);
        // Accepted 1/6/2026: after the 30/4 cut-off, so the round decided by 30/12/2026.
        UUID waiting = submitApplication(province, UUID.randomUUID(), "57-10001-1-2026").productId();
        UUID rated = submitApplication(province, UUID.randomUUID(), "57-10002-1-2026").productId();
        rate(council, officer, rated, best());
        // 30/4 18:00 UTC is 1/5 in Vietnam: misses the first round's cut-off too.
        UUID lateApril = UUID.randomUUID();
        KafkaTestClient.publish(new ApplicationSubmitted(UUID.randomUUID(), lateApril, "57-10003-1-2026", UUID.randomUUID(),
                province, 1, "FIRST_RATING", null, Instant.parse("2026-04-30T18:00:00Z")), UUID.randomUUID().toString());
        // Accepted 29/4 in Vietnam: round decided by 30/6/2026.
        UUID early = UUID.randomUUID();
        KafkaTestClient.publish(new ApplicationSubmitted(UUID.randomUUID(), early, "57-10004-1-2026", UUID.randomUUID(),
                province, 1, "FIRST_RATING", null, Instant.parse("2026-04-29T03:00:00Z")), UUID.randomUUID().toString());

        String url = "/api/v1/rounds/carried-over?province=" + province + "&size=200&asOf=";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(officer).get(url + "2026-12-31").then().statusCode(200)
                        .body("items.productId", hasItem(early.toString()))
                        .body("items.productId", hasItem(waiting.toString()))
                        .body("items.productId", hasItem(lateApril.toString())));
        as(officer).get(url + "2026-07-01").then().statusCode(200)
                .body("items.find { it.productId == '" + early + "' }.round.code", equalTo("PROVINCIAL-2026-1"))
                .body("items.find { it.productId == '" + early + "' }.round.decideBy", equalTo("2026-06-30"))
                .body("items.productId", not(hasItem(lateApril.toString())))
                .body("items.productId", not(hasItem(waiting.toString())));
        as(officer).get(url + "2026-06-30").then().statusCode(200).body("items.productId", not(hasItem(early.toString())));
        as(officer).get(url + "2026-12-30").then().statusCode(200)
                .body("items.productId", not(hasItem(waiting.toString())));
        as(officer).get(url + "2026-12-31").then().statusCode(200)
                .body("items.productId", hasItem(waiting.toString()))
                .body("items.productId", hasItem(lateApril.toString()))
                .body("items.productId", not(hasItem(rated.toString())))
                .body("items.find { it.productId == '" + waiting + "' }.round.code", equalTo("PROVINCIAL-2026-2"))
                .body("items.find { it.productId == '" + waiting + "' }.round.decideBy", equalTo("2026-12-30"));

        as(Tokens.provinceOfficer("01")).get("/api/v1/rounds/carried-over?province=" + province)
                .then().statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));
        as(Tokens.producer(UUID.randomUUID())).get("/api/v1/rounds/carried-over?province=" + province).then().statusCode(403);
        as(Tokens.centralOfficer()).get(url + "2026-12-31").then().statusCode(200)
                .body("items.productId", hasItem(waiting.toString()));
        as(officer).get(url + "31-12-2026").then().statusCode(400);
    }

    @Test
    void theRoundOfADayAndTheCalendarAreServed() {
        as(Tokens.centralOfficer()).get("/api/v1/rounds?level=PROVINCIAL&on=2026-12-31").then().statusCode(200)
                .body("code", equalTo("PROVINCIAL-2027-1")).body("decideBy", equalTo("2027-06-30"));
        as(Tokens.centralOfficer()).get("/api/v1/rounds?level=CENTRAL&on=2026-03-31").then().statusCode(200)
                .body("code", equalTo("CENTRAL-2026-2")).body("filesDueBy", equalTo("2026-07-30"));
        as(Tokens.centralOfficer()).get("/api/v1/rounds?level=COMMUNE").then().statusCode(400);
        as(Tokens.centralOfficer()).get("/api/v1/rounds/calendar").then().statusCode(200)
                .body("[0].version", equalTo("ND-OCOP-ROUNDS-2026"));
    }
}
