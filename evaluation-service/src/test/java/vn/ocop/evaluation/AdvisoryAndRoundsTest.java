package vn.ocop.evaluation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
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
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
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
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
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

    static byte[] pdf(int size) {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) 'x');
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 9);
        return content;
    }

    @Test
    void theSignedAdvisoryReportIsUploadedOnceCheckedByContentAndDownloadedByWhoeverReadsTheSession() throws Exception {
        String officer = Tokens.provinceOfficer("64");
        String[] council = soloCouncil("64");
        UUID product = submitApplication("64", UUID.randomUUID(), "64-10001-1-2026").productId();
        String session = createSession(officer, council[0], List.of(product));
        String file = "/api/v1/sessions/" + session + "/advisory-report/file";
        byte[] signed = pdf(4000);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signed));

        given().auth().oauth2(officer).contentType("application/pdf").body(signed).post(file).then().statusCode(422)
                .body("code", equalTo("NO_ADVISORY_REPORT"));
        as(officer).body(report(product, "Đề nghị 4 sao")).post("/api/v1/sessions/" + session + "/advisory-report").then().statusCode(201);
        as(officer).get(file).then().statusCode(404);

        given().auth().oauth2(officer).contentType("application/pdf").body("not a pdf".getBytes(StandardCharsets.UTF_8))
                .post(file).then().statusCode(415).body("code", equalTo("UNSUPPORTED_FILE_TYPE"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
        given().auth().oauth2(officer).contentType("application/pdf").body(png).post(file).then().statusCode(415)
                .body("detail", containsString("image/png"));
        given().auth().oauth2(officer).contentType("application/pdf").body(pdf(262145)).post(file).then().statusCode(413)
                .body("code", equalTo("FILE_TOO_LARGE"));
        given().auth().oauth2(officer).contentType("application/pdf").body(new byte[0]).post(file).then().statusCode(400);
        given().auth().oauth2(Tokens.provinceOfficer("01")).contentType("application/pdf").body(signed).post(file).then().statusCode(404);
        given().auth().oauth2(member(council[1])).contentType("application/pdf").body(signed).post(file).then().statusCode(403);
        given().auth().oauth2(officer).contentType("application/pdf").body(signed).queryParam("fileName", "../x.pdf")
                .post(file).then().statusCode(400).body("violations[0].field", equalTo("fileName"));
        as(officer).get(file).then().statusCode(404);

        // Sent as a generic byte stream: the type comes from the content.
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(officer).header("Idempotency-Key", key).contentType("application/octet-stream").body(signed)
                .queryParam("fileName", "báo cáo tổ tư vấn.pdf").post(file).then().statusCode(201)
                .header("Location", endsWith(file))
                .body("contentType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(4000))
                .body("sha256", equalTo(sha256))
                .body("fileName", equalTo("báo cáo tổ tư vấn.pdf"));
        given().auth().oauth2(officer).header("Idempotency-Key", key).contentType("application/octet-stream").body(signed)
                .queryParam("fileName", "báo cáo tổ tư vấn.pdf").post(file).then().statusCode(201).body("sha256", equalTo(sha256));
        given().auth().oauth2(officer).contentType("application/pdf").body(pdf(10)).post(file).then().statusCode(409)
                .body("code", equalTo("ADVISORY_REPORT_FILE_EXISTS"));

        as(member(council[1])).get("/api/v1/sessions/" + session).then().statusCode(200)
                .body("advisoryReport.file.sha256", equalTo(sha256))
                .body("advisoryReport.file.href", equalTo(file));
        byte[] downloaded = given().auth().oauth2(member(council[1])).get(file).then().statusCode(200)
                .contentType("application/pdf")
                .header("ETag", "\"" + sha256 + "\"")
                .header("Content-Disposition", containsString("b%C3%A1o%20c%C3%A1o"))
                .extract().asByteArray();
        org.assertj.core.api.Assertions.assertThat(downloaded).isEqualTo(signed);
        given().auth().oauth2(Tokens.of("auditor@ocop.gov.vn", "auditor").mint()).get(file).then().statusCode(200);
        given().auth().oauth2(Tokens.provinceOfficer("01")).get(file).then().statusCode(404);
        given().auth().oauth2(member(unique("other"))).get(file).then().statusCode(404);
        given().get(file).then().statusCode(401);
    }

    @Test
    void theSignedReportAlsoArrivesAsAMultipartFilePartTypedByItsContent() throws Exception {
        String officer = Tokens.provinceOfficer("64");
        String[] council = soloCouncil("64");
        UUID product = submitApplication("64", UUID.randomUUID(), "64-10009-1-2026").productId();
        String session = createSession(officer, council[0], List.of(product));
        String file = "/api/v1/sessions/" + session + "/advisory-report/file";
        as(officer).body(report(product, "Đề nghị 4 sao")).post("/api/v1/sessions/" + session + "/advisory-report").then().statusCode(201);
        byte[] signed = pdf(3000);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signed));

        // Refused as a raw body would be, with a problem document, and nothing stored: a part labelled PDF whose content
        // is not one, and a form without the file part.
        given().auth().oauth2(officer).multiPart("file", "bao-cao.pdf", "not a pdf".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .post(file).then().statusCode(415).contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_FILE_TYPE"));
        given().auth().oauth2(officer).multiPart("fileName", "bao-cao.pdf").post(file).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("file"));
        as(officer).get(file).then().statusCode(404);

        // What generated clients send: the part labelled application/octet-stream and named after the local file.
        given().auth().oauth2(officer).multiPart("file", "bao-cao-to-tu-van.pdf", signed, "application/octet-stream")
                .post(file).then().statusCode(201)
                .header("Location", endsWith(file))
                .body("contentType", equalTo("application/pdf"))
                .body("fileName", equalTo("bao-cao-to-tu-van.pdf"))
                .body("sha256", equalTo(sha256));
        byte[] downloaded = given().auth().oauth2(member(council[1])).get(file).then().statusCode(200)
                .contentType("application/pdf").header("ETag", "\"" + sha256 + "\"").extract().asByteArray();
        org.assertj.core.api.Assertions.assertThat(downloaded).isEqualTo(signed);
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
