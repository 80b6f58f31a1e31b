package vn.ocop.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ocop.evaluation.EvaluationTestSupport.as;
import static vn.ocop.evaluation.EvaluationTestSupport.best;
import static vn.ocop.evaluation.EvaluationTestSupport.council;
import static vn.ocop.evaluation.EvaluationTestSupport.createSession;
import static vn.ocop.evaluation.EvaluationTestSupport.member;
import static vn.ocop.evaluation.EvaluationTestSupport.rate;
import static vn.ocop.evaluation.EvaluationTestSupport.sheet;
import static vn.ocop.evaluation.EvaluationTestSupport.soloCouncil;
import static vn.ocop.evaluation.EvaluationTestSupport.submitApplication;
import static vn.ocop.evaluation.EvaluationTestSupport.unique;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.ScopeMatrixCase;
import vn.ocop.testkit.ScopeRuleCheck;
import vn.ocop.testkit.Tokens;

/**
 * Every evaluation operation, read or write, called by every kind of caller, inside and outside its scope: province 04
 * is "own", 08 "other"; council P (04) is "own", Q (08) "other"; producer A is "own". Councils, sessions, score sheets,
 * results, advice and certificate imports are not public: outside the caller's scope they answer exactly like a missing
 * record (404, or the 400 a missing result gets in a recognition). Writes are refused (403, or that 404) before any
 * business check, which in-scope callers reach (412, 409, 422 or 400). All leaks are collected and reported together.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class ScopeMatrixTest {
    static final String OWN = "04";
    static final String OTHER = "08";
    static final String STALE = "\"999\"";

    enum Caller {
        CENTRAL, AUDITOR, OFFICER_OWN, OFFICER_OTHER, INSPECTOR_OWN, COMMUNE_OWN, PRODUCER_OWN, PRODUCER_OTHER,
        MEMBER_OWN, MEMBER_OTHER, SECRETARY, OPERATOR, ANONYMOUS
    }

    /** A call of an evaluation operation; an anonymous caller gets 401 unless named. */
    static final class Case extends ScopeMatrixCase<Caller> {
        Case(String operationId, String name, Function<RequestSpecification, Response> call) {
            super(operationId, name, call);
            expect(401, Caller.ANONYMOUS);
        }
    }

    static final Caller[] READERS_OF_P = {Caller.CENTRAL, Caller.AUDITOR, Caller.OFFICER_OWN, Caller.INSPECTOR_OWN,
            Caller.COMMUNE_OWN, Caller.MEMBER_OWN, Caller.SECRETARY};
    static final Caller[] READERS_OF_RESULT = {Caller.CENTRAL, Caller.AUDITOR, Caller.OFFICER_OWN, Caller.INSPECTOR_OWN,
            Caller.COMMUNE_OWN, Caller.PRODUCER_OWN, Caller.MEMBER_OWN, Caller.SECRETARY};

    @Test
    void everyOperationTimesEveryCallerLeaksNothing() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        UUID producerA = UUID.randomUUID();
        UUID producerB = UUID.randomUUID();
        String chairP = unique("chair-p");
        String memberP = unique("member-p");
        String secretaryP = unique("secretary-p");
        String officer = Tokens.provinceOfficer(OWN);

        // Council P of province 04 (chair, member, secretary) and council Q of 08.
        Map<String, String> seats = new LinkedHashMap<>();
        seats.put(chairP, "CHAIR");
        seats.put(memberP, "MEMBER");
        seats.put(secretaryP, "SECRETARY");
        Map<String, Object> councilBody = council("Hội đồng P " + chairP, "PROVINCIAL", OWN, 1, seats);
        String p = as(officer).body(councilBody).post("/api/v1/councils").then().statusCode(201).extract().path("id");
        String[] q = soloCouncil(OTHER);

        // Producer A's products in 04: pa1 and pa2 rated on session S, pa3 still open there (the chair's sheet in), pa4 awaiting.
        UUID pa1 = registered(OWN, producerA);
        UUID pa2 = UUID.randomUUID();
        UUID pa3 = UUID.randomUUID();
        submitApplication(OWN, pa1, producerA, OWN + "-21548-" + pa1.toString().substring(0, 4) + "-2026", "FIRST_RATING");
        submitApplication(OWN, pa2, producerA, OWN + "-21548-" + pa2.toString().substring(0, 4) + "-2026", "FIRST_RATING");
        submitApplication(OWN, pa3, producerA, OWN + "-21548-" + pa3.toString().substring(0, 4) + "-2026", "FIRST_RATING");
        UUID pa4 = submitApplication(OWN, producerA, OWN + "-21548-" + UUID.randomUUID().toString().substring(0, 4) + "-2026").productId();
        String s = createSession(officer, p, List.of(pa1, pa2, pa3));
        String sheets = "/api/v1/sessions/" + s + "/scoresheets";
        String sheet1 = as(member(chairP)).body(sheet(pa1, best("10.1", "10.1.b"))).post(sheets).then().statusCode(201).extract().path("id");
        as(member(chairP)).body(sheet(pa2, best("10.1", "10.1.b"))).post(sheets).then().statusCode(201);
        String sheet3 = as(member(chairP)).body(sheet(pa3, best())).post(sheets).then().statusCode(201).extract().path("id");
        String close = "/api/v1/sessions/" + s + "/close";
        String r1 = as(member(chairP)).body(Map.of("productId", pa1.toString())).post(close).then().statusCode(201).extract().path("id");
        String r2 = as(member(chairP)).body(Map.of("productId", pa2.toString())).post(close).then().statusCode(201).extract().path("id");
        // Producer B's product in 08, rated by council Q.
        UUID pb = submitApplication(OTHER, producerB, OTHER + "-21548-" + UUID.randomUUID().toString().substring(0, 4) + "-2026").productId();
        String rb = rate(q, Tokens.provinceOfficer(OTHER), pb, best("10.1", "10.1.b"));

        String decision = "QD-" + UUID.randomUUID().toString().substring(0, 6) + "/QĐ-UBND";
        String cert1 = as(officer).body(Map.of("decisionNumber", decision, "decidedOn", today.toString(), "resultIds", List.of(r1)))
                .post("/api/v1/recognitions").then().statusCode(201).extract().path("certificates[0].id");
        as(officer).body(report(pa1, "summary")).post("/api/v1/sessions/" + s + "/advisory-report").then().statusCode(201);
        byte[] pdf = "%PDF-1.7 biên bản tổ tư vấn".getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(officer).contentType("application/pdf").body(pdf).post("/api/v1/sessions/" + s + "/advisory-report/file")
                .then().statusCode(201);
        UUID conflictProducer = UUID.randomUUID();
        Map<String, Object> conflict = Map.of("memberSubject", memberP, "producerId", conflictProducer.toString(), "reason", "Người thân");
        String declared = as(member(memberP)).body(conflict).post("/api/v1/councils/" + p + "/conflicts").then().statusCode(201)
                .extract().path("id");
        String job = given().auth().oauth2(officer).contentType("text/csv; charset=UTF-8")
                .body("productCode,certificateNumber,stars,level,provinceCode,decisionNumber,decidedOn\n"
                        + "04-00000-0-2020,1/QĐ-UBND,3,PROVINCE,04,1/QĐ-UBND,2021-01-04\n")
                .post("/api/v1/certificate-imports").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(officer).queryParam("province", OWN).queryParam("size", 200)
                .get("/api/v1/dossiers").then().statusCode(200).body(org.hamcrest.Matchers.containsString(pa4.toString())));
        String councilEtag = as(officer).get("/api/v1/councils/" + p).then().statusCode(200).extract().header("ETag");

        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        tokens.put(Caller.CENTRAL, Tokens.centralOfficer());
        tokens.put(Caller.AUDITOR, Tokens.of("auditor@ocop.gov.vn", "auditor").mint());
        tokens.put(Caller.OFFICER_OWN, officer);
        tokens.put(Caller.OFFICER_OTHER, Tokens.provinceOfficer(OTHER));
        tokens.put(Caller.INSPECTOR_OWN, Tokens.of("inspector-04@ocop.gov.vn", "inspector").claim("province", OWN).mint());
        tokens.put(Caller.COMMUNE_OWN, Tokens.of("commune-04@ocop.gov.vn", "commune-officer").claim("province", OWN)
                .claim("commune", "00001").mint());
        tokens.put(Caller.PRODUCER_OWN, Tokens.producer(producerA));
        tokens.put(Caller.PRODUCER_OTHER, Tokens.producer(producerB));
        tokens.put(Caller.MEMBER_OWN, member(memberP));
        tokens.put(Caller.MEMBER_OTHER, member(q[1]));
        tokens.put(Caller.SECRETARY, member(secretaryP));
        tokens.put(Caller.OPERATOR, Tokens.of("operator@shop.vn", "channel-operator").claim("channel_id", UUID.randomUUID().toString()).mint());
        // What outsiders get, held against each operation's documented scope rule at the end.
        ScopeRuleCheck scopeRules = ScopeRuleCheck.watch(tokens.get(Caller.OFFICER_OTHER), tokens.get(Caller.PRODUCER_OTHER),
                tokens.get(Caller.MEMBER_OTHER));

        List<ScopeMatrixCase<Caller>> cases = new ArrayList<>();
        cases.addAll(councilCases(p, declared, councilBody, councilEtag, conflict));
        cases.addAll(sessionCases(p, s, pa1, pa4, sheet1, sheet3, pdf));
        cases.addAll(resultCases(r1, r2, rb, pa1, cert1, decision, job));
        cases.addAll(referenceCases(pa1));

        assertThat(ScopeMatrixCase.uncovered(cases)).as("operations the matrix does not cover").isEmpty();
        List<String> leaks = new ArrayList<>();
        cases.forEach(c -> c.run(tokens, List.of(), leaks));
        assertThat(leaks).as("scope matrix").isEmpty();
        assertThat(scopeRules.disagreements()).as("documented scope rules (x-ocop-scope)").isEmpty();

        // An out-of-scope caller gets the very body a missing record gets (the id aside), and nothing was written.
        String missing = UUID.randomUUID().toString();
        String other = tokens.get(Caller.OFFICER_OTHER);
        assertThat(as(other).get("/api/v1/sessions/" + s).asString().replace(s, missing))
                .isEqualTo(as(other).get("/api/v1/sessions/" + missing).asString());
        assertThat(as(other).get("/api/v1/results/" + r1).asString().replace(r1, missing))
                .isEqualTo(as(other).get("/api/v1/results/" + missing).asString());
        assertThat(as(other).get("/api/v1/certificate-imports/" + job).asString().replace(job, missing))
                .isEqualTo(as(other).get("/api/v1/certificate-imports/" + missing).asString());
        assertThat(as(other).body(Map.of("decisionNumber", decision, "decidedOn", today.toString(), "resultIds", List.of(r1)))
                .post("/api/v1/recognitions").asString().replace(r1, missing))
                .isEqualTo(as(other).body(Map.of("decisionNumber", decision, "decidedOn", today.toString(), "resultIds", List.of(missing)))
                        .post("/api/v1/recognitions").asString());
        as(officer).get("/api/v1/councils/" + p).then().statusCode(200).header("ETag", councilEtag);
        as(officer).get("/api/v1/councils/" + p + "/conflicts").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1));
        as(officer).queryParam("councilId", p).get("/api/v1/sessions").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1));
        as(officer).get("/api/v1/sessions/" + s).then().statusCode(200)
                .body("products.find { it.productId == '" + pa3 + "' }.status", org.hamcrest.Matchers.equalTo("PENDING"));
        as(officer).get(sheets).then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(3));
    }

    private static List<ScopeMatrixCase<Caller>> councilCases(String p, String declared, Map<String, Object> councilBody,
                                                              String etag, Map<String, Object> conflict) {
        List<ScopeMatrixCase<Caller>> cases = new ArrayList<>();
        String url = "/api/v1/councils/" + p;
        cases.add(new Case("getCouncil", "P", r -> r.get(url)).expect(200, List.of(p), List.of(), READERS_OF_P).others(404));
        cases.add(new Case("listCouncils", "?province=04", r -> r.queryParam("province", OWN).queryParam("size", 200).get("/api/v1/councils"))
                .expect(200, List.of(p), List.of(), READERS_OF_P)
                .expect(403, Caller.OFFICER_OTHER)
                .others(200, p));
        cases.add(new Case("listConflicts", "of P", r -> r.get(url + "/conflicts"))
                .expect(200, List.of(declared), List.of(), READERS_OF_P).others(404));

        Map<String, Object> blankName = new HashMap<>(councilBody);
        blankName.put("name", " ");
        cases.add(new Case("createCouncil", "in 04 with a blank name", r -> r.contentType(ContentType.JSON).body(blankName)
                .post("/api/v1/councils"))
                .expect(400, Caller.CENTRAL, Caller.OFFICER_OWN).others(403));
        cases.add(new Case("updateCouncil", "P with a stale ETag", r -> r.header("If-Match", STALE).contentType(ContentType.JSON)
                .body(councilBody).put(url))
                .expect(412, Caller.CENTRAL, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER).others(403));
        cases.add(new Case("updateCouncil", "P with a blank name", r -> r.header("If-Match", etag).contentType(ContentType.JSON)
                .body(blankName).put(url))
                .expect(400, Caller.CENTRAL, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER).others(403));
        cases.add(new Case("declareConflict", "again", r -> r.contentType(ContentType.JSON).body(conflict).post(url + "/conflicts"))
                .expect(409, Caller.CENTRAL, Caller.OFFICER_OWN, Caller.MEMBER_OWN)
                .expect(404, Caller.OFFICER_OTHER, Caller.MEMBER_OTHER).others(403));
        Map<String, Object> noReason = new HashMap<>(conflict);
        noReason.put("reason", "");
        cases.add(new Case("declareConflict", "without a reason", r -> r.contentType(ContentType.JSON).body(noReason).post(url + "/conflicts"))
                .expect(400, Caller.CENTRAL, Caller.OFFICER_OWN, Caller.MEMBER_OWN)
                .expect(404, Caller.OFFICER_OTHER, Caller.MEMBER_OTHER).others(403));
        return cases;
    }

    private static List<ScopeMatrixCase<Caller>> sessionCases(String p, String s, UUID pa1, UUID pa4, String sheet1,
                                                              String sheet3, byte[] pdf) {
        List<ScopeMatrixCase<Caller>> cases = new ArrayList<>();
        String url = "/api/v1/sessions/" + s;
        Caller[] offices = {Caller.CENTRAL, Caller.AUDITOR, Caller.OFFICER_OWN, Caller.INSPECTOR_OWN, Caller.COMMUNE_OWN};
        cases.add(new Case("getSession", "S", r -> r.get(url)).expect(200, List.of(s, "advisoryReport"), List.of(), READERS_OF_P).others(404));
        cases.add(new Case("listSessions", "of P", r -> r.queryParam("councilId", p).get("/api/v1/sessions"))
                .expect(200, List.of(s), List.of(), READERS_OF_P).others(404));
        cases.add(new Case("downloadAdvisoryReportFile", "of S", r -> r.get(url + "/advisory-report/file"))
                .expect(200, List.of("%PDF"), List.of(), READERS_OF_P).others(404));
        cases.add(new Case("listScoreSheets", "of S", r -> r.queryParam("size", 200).get(url + "/scoresheets"))
                .expect(200, List.of(sheet1, sheet3), List.of(), offices)
                // Members see others' sheets only once the product is closed.
                .expect(200, List.of(sheet1), List.of(sheet3), Caller.MEMBER_OWN, Caller.SECRETARY)
                .others(404));
        cases.add(new Case("getScoreIntegrity", "of pa1", r -> r.queryParam("productId", pa1.toString()).get(url + "/scoresheets/integrity"))
                .expect(200, Caller.CENTRAL, Caller.AUDITOR, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER).others(403));
        cases.add(new Case("listDossiers", "?province=04", r -> r.queryParam("province", OWN).queryParam("size", 200).get("/api/v1/dossiers"))
                .expect(200, List.of(pa4.toString()), List.of(), Caller.CENTRAL, Caller.AUDITOR, Caller.OFFICER_OWN).others(403));
        cases.add(new Case("listCarriedOver", "?province=04", r -> r.queryParam("province", OWN).get("/api/v1/rounds/carried-over"))
                .expect(200, Caller.CENTRAL, Caller.AUDITOR, Caller.OFFICER_OWN).others(403));

        Map<String, Object> taken = Map.of("councilId", p, "heldOn", "2026-06-20", "productIds", List.of(pa1.toString()));
        cases.add(new Case("createSession", "with an evaluated product", r -> r.contentType(ContentType.JSON).body(taken).post("/api/v1/sessions"))
                .expect(422, Caller.CENTRAL, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER).others(403));
        Map<String, Object> empty = Map.of("councilId", p, "heldOn", "2026-06-20", "productIds", List.of());
        cases.add(new Case("createSession", "without products", r -> r.contentType(ContentType.JSON).body(empty).post("/api/v1/sessions"))
                .expect(400, Caller.CENTRAL, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER).others(403));
        cases.add(new Case("closeSessionProduct", "pa1 again", r -> r.contentType(ContentType.JSON)
                .body(Map.of("productId", pa1.toString())).post(url + "/close"))
                .expect(409, Caller.CENTRAL, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER, Caller.MEMBER_OTHER).others(403));
        cases.add(new Case("closeSessionProduct", "without a product", r -> r.contentType(ContentType.JSON).body(Map.of()).post(url + "/close"))
                .expect(400, Caller.CENTRAL, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER, Caller.MEMBER_OTHER).others(403));
        cases.add(new Case("attachAdvisoryReport", "again", r -> r.contentType(ContentType.JSON).body(report(pa1, "again"))
                .post(url + "/advisory-report"))
                .expect(409, Caller.CENTRAL, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER).others(403));
        Map<String, Object> noSummary = new HashMap<>(report(pa1, "again"));
        noSummary.put("summary", "");
        cases.add(new Case("attachAdvisoryReport", "without a summary", r -> r.contentType(ContentType.JSON).body(noSummary)
                .post(url + "/advisory-report"))
                .expect(400, Caller.CENTRAL, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER).others(403));
        cases.add(new Case("uploadAdvisoryReportFile", "again", r -> r.contentType("application/pdf").body(pdf)
                .post(url + "/advisory-report/file"))
                .expect(409, Caller.CENTRAL, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER).others(403));
        cases.add(new Case("submitScoreSheet", "for closed pa1", r -> r.contentType(ContentType.JSON).body(sheet(pa1, best()))
                .post(url + "/scoresheets"))
                .expect(409, Caller.MEMBER_OWN).expect(404, Caller.MEMBER_OTHER).others(403));
        cases.add(new Case("submitScoreSheet", "without choices", r -> r.contentType(ContentType.JSON)
                .body(Map.of("productId", pa1.toString())).post(url + "/scoresheets"))
                .expect(400, Caller.MEMBER_OWN).expect(404, Caller.MEMBER_OTHER).others(403));
        return cases;
    }

    private static List<ScopeMatrixCase<Caller>> resultCases(String r1, String r2, String rb, UUID pa1, String cert1,
                                                             String decision, String job) {
        List<ScopeMatrixCase<Caller>> cases = new ArrayList<>();
        cases.add(new Case("getResult", "R1", r -> r.get("/api/v1/results/" + r1))
                .expect(200, List.of(r1), List.of(), READERS_OF_RESULT).others(404));
        cases.add(new Case("listResults", "?province=04", r -> r.queryParam("province", OWN).queryParam("size", 200).get("/api/v1/results"))
                .expect(200, List.of(r1, r2), List.of(rb), READERS_OF_RESULT)
                .expect(403, Caller.OFFICER_OTHER)
                .others(200, r1, r2, rb));
        cases.add(new Case("listResults", "everywhere", r -> r.queryParam("size", 200).get("/api/v1/results"))
                .expect(200, List.of(r1, rb), List.of(), Caller.CENTRAL, Caller.AUDITOR)
                .expect(200, List.of(r1, r2), List.of(rb), Caller.OFFICER_OWN, Caller.INSPECTOR_OWN, Caller.COMMUNE_OWN,
                        Caller.PRODUCER_OWN, Caller.MEMBER_OWN, Caller.SECRETARY)
                .expect(200, List.of(rb), List.of(r1, r2), Caller.OFFICER_OTHER, Caller.PRODUCER_OTHER, Caller.MEMBER_OTHER)
                .expect(200, List.of(), List.of(r1, r2, rb), Caller.OPERATOR));
        String advice = "/api/v1/products/" + pa1 + "/upgrade-advice";
        cases.add(new Case("getUpgradeAdvice", "of pa1", r -> r.get(advice)).expect(200, READERS_OF_RESULT).others(404));
        cases.add(new Case("whatIfUpgrade", "of pa1", r -> r.contentType(ContentType.JSON)
                .body(Map.of("changes", Map.of("10.1", "10.1.a"))).post(advice + "/what-if"))
                .expect(200, READERS_OF_RESULT).others(404));
        cases.add(new Case("whatIfUpgrade", "without changes", r -> r.contentType(ContentType.JSON)
                .body(Map.of("changes", Map.of())).post(advice + "/what-if"))
                .expect(400, READERS_OF_RESULT).others(404));

        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        Map<String, Object> again = Map.of("decisionNumber", decision + "-2", "decidedOn", today, "resultIds", List.of(r1));
        cases.add(new Case("recogniseResults", "R1 again", r -> r.contentType(ContentType.JSON).body(again).post("/api/v1/recognitions"))
                .expect(409, Caller.CENTRAL, Caller.OFFICER_OWN)
                .expect(400, List.of("no result " + r1), List.of("RESULT_ALREADY_RECOGNISED"), Caller.OFFICER_OTHER)
                .others(403));
        Map<String, Object> noNumber = Map.of("decisionNumber", "", "decidedOn", today, "resultIds", List.of(r2));
        cases.add(new Case("recogniseResults", "R2 without a number", r -> r.contentType(ContentType.JSON).body(noNumber)
                .post("/api/v1/recognitions"))
                .expect(400, List.of("decisionNumber"), List.of(), Caller.CENTRAL, Caller.OFFICER_OWN)
                .expect(400, List.of("no result " + r2), List.of("decisionNumber"), Caller.OFFICER_OTHER)
                .others(403));

        cases.add(new Case("getEvaluationCertificate", "of pa1", r -> r.get("/api/v1/certificates/" + cert1))
                .expect(403, Caller.OFFICER_OTHER, Caller.PRODUCER_OTHER).others(200));
        cases.add(new Case("listEvaluationCertificates", "?province=04", r -> r.queryParam("province", OWN).queryParam("size", 200)
                .get("/api/v1/certificates"))
                .expect(403, Caller.OFFICER_OTHER)
                .expect(200, List.of(), List.of(cert1), Caller.PRODUCER_OTHER)
                .othersShow(200, cert1));

        String imports = "/api/v1/certificate-imports/" + job;
        cases.add(new Case("getCertificateImport", "J", r -> r.get(imports))
                .expect(200, List.of(job), List.of(), Caller.CENTRAL, Caller.AUDITOR, Caller.OFFICER_OWN)
                .expect(404, Caller.OFFICER_OTHER).others(403));
        cases.add(new Case("listCertificateImportRows", "J", r -> r.get(imports + "/rows"))
                .expect(200, Caller.CENTRAL, Caller.AUDITOR, Caller.OFFICER_OWN)
                .expect(404, Caller.OFFICER_OTHER).others(403));
        cases.add(new Case("startCertificateImport", "without rows", r -> r.contentType("text/csv; charset=UTF-8")
                .body("productCode,certificateNumber,stars,level,provinceCode,decisionNumber,decidedOn\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/certificate-imports"))
                .expect(400, Caller.CENTRAL, Caller.OFFICER_OWN, Caller.OFFICER_OTHER).others(403));
        return cases;
    }

    /** Reference data (criteria, rounds, the product projection): readable by every signed-in caller, written by the centre. */
    private static List<ScopeMatrixCase<Caller>> referenceCases(UUID pa1) {
        List<ScopeMatrixCase<Caller>> cases = new ArrayList<>();
        cases.add(new Case("getRound", "provincial", r -> r.queryParam("level", "PROVINCIAL").get("/api/v1/rounds")).others(200));
        cases.add(new Case("getRoundCalendar", "", r -> r.get("/api/v1/rounds/calendar")).others(200));
        cases.add(new Case("listCriteriaSets", "", r -> r.get("/api/v1/criteria-sets")).others(200));
        cases.add(new Case("getCriteriaSet", "S01", r -> r.get("/api/v1/criteria-sets/QD26-2026-S01")).others(200));
        cases.add(new Case("publishCriteriaSet", "empty", r -> r.contentType(ContentType.JSON).body(Map.of()).post("/api/v1/criteria-sets"))
                .expect(400, Caller.CENTRAL).others(403));
        cases.add(new Case("changeCriteriaSet", "S01", r -> r.contentType(ContentType.JSON).body(Map.of()).put("/api/v1/criteria-sets/QD26-2026-S01"))
                .expect(409, Caller.CENTRAL).others(403));
        String draft = "/api/v1/criteria-set-drafts/" + UUID.randomUUID();
        cases.add(new Case("uploadCriteriaSheet", "unreadable", r -> r.contentType("text/csv").body("x".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/criteria-set-drafts"))
                .expect(400, Caller.CENTRAL).others(403));
        cases.add(new Case("previewCriteriaSheet", "missing", r -> r.get(draft)).expect(404, Caller.CENTRAL, Caller.AUDITOR).others(403));
        cases.add(new Case("getCriteriaSheetDraft", "missing", r -> r.get(draft + "/status")).expect(404, Caller.CENTRAL, Caller.AUDITOR).others(403));
        cases.add(new Case("publishCriteriaSheet", "missing", r -> r.post(draft + "/publish")).expect(404, Caller.CENTRAL).others(403));
        cases.add(new Case("getEvaluationProduct", "pa1", r -> r.get("/api/v1/products/" + pa1))
                .expect(403, Caller.OFFICER_OTHER, Caller.PRODUCER_OTHER).others(200));
        cases.add(new Case("listEvaluationProducts", "?province=04", r -> r.queryParam("province", OWN).get("/api/v1/products"))
                .expect(403, Caller.OFFICER_OTHER).others(200));
        return cases;
    }

    /** A product registered in the registry, known here once its ProductRegistered has come through the broker. */
    private static UUID registered(String province, UUID producerId) {
        UUID id = UUID.randomUUID();
        ProductRegistered event = new ProductRegistered(id, province + "-21548-" + id.toString().substring(0, 6) + "-2026",
                "Chè Shan tuyết " + id.toString().substring(0, 4), 1, producerId, province, "21548", Instant.parse("2026-01-10T01:00:00Z"));
        KafkaTestClient.publish(event, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Tokens.centralOfficer()).get("/api/v1/products/" + id)
                .then().statusCode(200));
        return id;
    }

    private static Map<String, Object> report(UUID productId, String recommendation) {
        Map<String, Object> body = new HashMap<>();
        body.put("summary", "Đã thẩm định hồ sơ và khảo sát thực tế");
        body.put("recommendations", List.of(Map.of("productId", productId.toString(), "recommendation", recommendation)));
        body.put("author", "Trần Thị Bình");
        body.put("reportDate", "2026-06-15");
        return body;
    }
}
