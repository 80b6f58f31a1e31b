package vn.ocop.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ocop.registry.RegistryTestSupport.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.platform.time.VietnamTime;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.ScopeMatrixCase;
import vn.ocop.testkit.ScopeRuleCheck;
import vn.ocop.testkit.Tokens;

/**
 * Every registry operation of the served document, called by every kind of caller, inside and outside its scope:
 * province 51 (commune 21040) is "own", province 40 and commune 21548 "other"; producer A (51) is "own", B (40)
 * "other". Reads must show exactly what the caller may see; a dossier or an import job outside the caller's scope
 * answers exactly like a missing one (404, the same body); writes out of scope are refused before any request or
 * business check, which in-scope callers reach (400, 409, 412, 415 or 422), and write nothing. All leaks are collected
 * and reported together; an operation of the document that no case calls fails the test too.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ScopeMatrixTest {

    enum Caller {
        CENTRAL, AUDITOR, OFFICER_OWN, OFFICER_OTHER, COMMUNE_OWN, COMMUNE_OTHER, INSPECTOR, PRODUCER_OWN, PRODUCER_OTHER,
        COUNCIL, OPERATOR, ANONYMOUS
    }

    /**
     * A call of a registry operation: an anonymous caller gets 401 unless named, and where the case {@link #hides} a
     * record, each 404 must be the very answer the same call gets for a missing one.
     */
    static final class Case extends ScopeMatrixCase<Caller> {
        /** The id of the record this case hides by 404, and the same call with a missing id. */
        private String hiddenId;
        private Function<RequestSpecification, Response> missing;

        Case(String operationId, String name, Function<RequestSpecification, Response> call) {
            super(operationId, name, call);
            expect(401, Caller.ANONYMOUS);
        }

        /** The 404s of this case must be the very answer to {@code missing}, with {@code id} in place of the missing one. */
        Case hides(String id, Function<RequestSpecification, Response> missing) {
            this.hiddenId = id;
            this.missing = missing;
            return this;
        }

        @Override
        protected void checkAlso(String where, String token, int status, String body, List<String> secrets, List<String> leaks) {
            if (status != 404 || hiddenId == null) {
                return;
            }
            String answer = missing.apply(request(token)).asString(); // asked by the same caller
            if (!body.replace(hiddenId, MISSING).equals(answer)) {
                leaks.add(where + "answers unlike a missing record: " + body + " vs " + answer);
            }
        }
    }

    private static final String STALE = "\"999\"";
    private static final String MISSING = UUID.randomUUID().toString();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String OFFICER_51 = Tokens.provinceOfficer("51");
    private static final String OFFICER_40 = Tokens.provinceOfficer("40");

    @Inject
    EntityManager entityManager;

    @Test
    void everyOperationTimesEveryCallerLeaksNothing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // --- producers and products: A in province 51, commune 21040; B in province 40
        String taxA = RegistryTestSupport.randomTaxCode();
        String nameA = "HTX Phạm vi A " + run;
        Map<String, Object> producerA = RegistryTestSupport.producer(nameA, "51", taxA);
        String a = as(OFFICER_51).body(producerA).post("/api/v1/producers").then().statusCode(201).extract().path("id");
        String b = RegistryTestSupport.registerProducer(OFFICER_40, "HTX Phạm vi B " + run, "40");
        Map<String, Object> productA = RegistryTestSupport.product(a, "Tỏi phạm vi " + run);
        String pa = as(OFFICER_51).body(productA).post("/api/v1/products").then().statusCode(201).extract().path("id");
        String pb = as(OFFICER_40).body(RegistryTestSupport.product(b, "Chè phạm vi " + run, RegistryTestSupport.communeOf("40")))
                .post("/api/v1/products").then().statusCode(201).extract().path("id");
        // a certified product of A with a GTIN, for the public operations
        String gtin = RegistryTestSupport.randomGtin13();
        Map<String, Object> productC = new HashMap<>(RegistryTestSupport.product(a, "Gạo phạm vi " + run));
        productC.put("gtin", gtin);
        String pc = as(OFFICER_51).body(productC).post("/api/v1/products").then().statusCode(201).extract().path("id");
        String number = "OCOP-51-" + UUID.randomUUID();
        LocalDate issuedOn = LocalDate.now(VietnamTime.ZONE).minusMonths(2);
        KafkaTestClient.publish(new CertificateIssued(UUID.randomUUID(), number, UUID.fromString(pc), "51-21040-1-2026",
                UUID.fromString(a), "51", 4, issuedOn, issuedOn.plusMonths(36).minusDays(1), "QD26-2026", UUID.randomUUID(),
                "100/QĐ-UBND", null, Instant.now()), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().accept("application/json").get("/api/v1/public/certificates/" + number).statusCode() == 200);

        // --- a submitted dossier D of product A, filed by producer A
        String producerOwn = Tokens.producer(UUID.fromString(a));
        String d = as(producerOwn).body(createBody(pa, "FIRST_RATING")).post("/api/v1/applications").then().statusCode(201)
                .extract().path("id");
        String dUrl = "/api/v1/applications/" + d;
        String doc = null;
        for (String type : List.of("REGISTRATION_FORM", "SELF_ASSESSMENT_REPORT", "BUSINESS_REGISTRATION", "QUALITY_DECLARATION")) {
            doc = given().auth().oauth2(producerOwn).contentType("application/pdf").body(PDF)
                    .post(dUrl + "/documents?type=" + type + "&fileName=" + type.toLowerCase() + ".pdf")
                    .then().statusCode(201).extract().path("id");
        }
        as(producerOwn).post(dUrl + "/submit").then().statusCode(200);
        String docId = doc;

        // --- an import job J of province 51, finished
        String ref = "SCOPE-" + run;
        String row = "{\"type\":\"producer\",\"externalRef\":\"" + ref + "\",\"name\":\"HTX Nhập " + run
                + "\",\"kind\":\"COOPERATIVE\",\"taxCode\":\"" + RegistryTestSupport.randomTaxCode()
                + "\",\"provinceCode\":\"51\",\"communeCode\":\"21040\",\"representative\":{\"fullName\":\"Lê Văn Nhập\",\"gender\":\"MALE\"}}";
        String j = given().auth().oauth2(OFFICER_51).contentType("application/x-ndjson").body(row.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports")
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(
                given().auth().oauth2(OFFICER_51).get("/api/v1/imports/" + j).then().extract().path("status")));

        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        tokens.put(Caller.CENTRAL, Tokens.centralOfficer());
        tokens.put(Caller.AUDITOR, Tokens.of("auditor@ocop.gov.vn", "auditor").mint());
        tokens.put(Caller.OFFICER_OWN, OFFICER_51);
        tokens.put(Caller.OFFICER_OTHER, OFFICER_40);
        tokens.put(Caller.COMMUNE_OWN, Tokens.of("commune-21040@ocop.gov.vn", "commune-officer")
                .claim("province", "51").claim("commune", "21040").mint());
        tokens.put(Caller.COMMUNE_OTHER, Tokens.of("commune-21548@ocop.gov.vn", "commune-officer")
                .claim("province", "51").claim("commune", "21548").mint());
        tokens.put(Caller.INSPECTOR, Tokens.of("inspector-51@ocop.gov.vn", "inspector").claim("province", "51").mint());
        tokens.put(Caller.PRODUCER_OWN, producerOwn);
        tokens.put(Caller.PRODUCER_OTHER, Tokens.producer(UUID.fromString(b)));
        tokens.put(Caller.COUNCIL, Tokens.of("council@ocop.gov.vn", "council-member").mint());
        tokens.put(Caller.OPERATOR, Tokens.of("operator@shop.example.vn", "channel-operator")
                .claim("channel_id", UUID.randomUUID().toString()).mint());
        // What outsiders get, held against each operation's documented scope rule at the end.
        ScopeRuleCheck scopeRules = ScopeRuleCheck.watch(tokens.get(Caller.OFFICER_OTHER), tokens.get(Caller.COMMUNE_OTHER),
                tokens.get(Caller.PRODUCER_OTHER));

        List<ScopeMatrixCase<Caller>> cases = new ArrayList<>();
        producerCases(cases, a, b, nameA, taxA, producerA, run);
        productCases(cases, a, pa, pb, productA, gtin);
        applicationCases(cases, pa, d, docId);
        importCases(cases, j, ref);
        publicCases(cases, pc, number, gtin, run);
        Map<String, Object> badCommune = Map.of("code", "1", "name", "", "kind", "COMMUNE", "provinceCode", "51");
        cases.add(new Case("loadCommunes", "with an invalid row", r -> r.contentType(ContentType.JSON)
                .body(List.of(badCommune)).post("/api/v1/communes"))
                .expect(400, Caller.CENTRAL).others(403));

        assertThat(ScopeMatrixCase.uncovered(cases)).as("operations the scope matrix does not call").isEmpty();

        String central = Tokens.centralOfficer();
        List<String> versionsBefore = versions(central, a, pa, dUrl);
        Map<String, Long> rowsBefore = rowCounts();
        List<String> leaks = new ArrayList<>();
        cases.forEach(c -> c.run(tokens, List.of(), leaks));
        assertThat(leaks).as("scope matrix").isEmpty();
        assertThat(scopeRules.disagreements()).as("documented scope rules (x-ocop-scope)").isEmpty();
        assertThat(rowCounts()).as("rows after the matrix (nothing may be written)").isEqualTo(rowsBefore);
        assertThat(versions(central, a, pa, dUrl)).as("versions after the matrix").isEqualTo(versionsBefore);
    }

    private static void producerCases(List<ScopeMatrixCase<Caller>> cases, String a, String b, String nameA, String taxA,
                                      Map<String, Object> producerA, String run) {
        Map<String, Object> nameless = new HashMap<>(producerA);
        nameless.remove("name");
        Map<String, Object> taken = new HashMap<>(producerA);
        taken.put("name", "HTX trùng mã số thuế " + run);
        cases.add(new Case("registerProducer", "without a name in 51", r -> r.contentType(ContentType.JSON).body(nameless)
                .post("/api/v1/producers"))
                .expect(400, Caller.CENTRAL, Caller.OFFICER_OWN)
                .expect(403, List.of("OUT_OF_SCOPE"), List.of(), Caller.OFFICER_OTHER).others(403));
        cases.add(new Case("registerProducer", "with A's tax code", r -> r.contentType(ContentType.JSON).body(taken)
                .post("/api/v1/producers"))
                .expect(409, Caller.CENTRAL, Caller.OFFICER_OWN)
                .expect(403, List.of("OUT_OF_SCOPE"), List.of(), Caller.OFFICER_OTHER).others(403));
        Caller[] readersOfA = {Caller.CENTRAL, Caller.AUDITOR, Caller.OFFICER_OWN, Caller.COMMUNE_OWN, Caller.COMMUNE_OTHER,
                Caller.INSPECTOR, Caller.PRODUCER_OWN, Caller.COUNCIL, Caller.OPERATOR};
        cases.add(new Case("getProducer", "A", r -> r.get("/api/v1/producers/" + a))
                .expect(200, List.of(a), List.of(), readersOfA)
                .expect(403, List.of("OUT_OF_SCOPE"), List.of(taxA), Caller.OFFICER_OTHER, Caller.PRODUCER_OTHER).others(401));
        cases.add(new Case("listProducers", "?province=51", r -> r.queryParam("province", "51").queryParam("q", run)
                .get("/api/v1/producers"))
                .expect(200, List.of(a), List.of(b), readersOfA)
                .expect(200, List.of(), List.of(a, b), Caller.PRODUCER_OTHER)
                .expect(403, List.of("OUT_OF_SCOPE"), List.of(a), Caller.OFFICER_OTHER).others(401));
        cases.add(new Case("listProducers", "of every province", r -> r.queryParam("q", run).get("/api/v1/producers"))
                .expect(200, List.of(a, b), List.of(), Caller.CENTRAL, Caller.AUDITOR, Caller.COUNCIL, Caller.OPERATOR)
                .expect(200, List.of(a), List.of(b), Caller.OFFICER_OWN, Caller.COMMUNE_OWN, Caller.COMMUNE_OTHER,
                        Caller.INSPECTOR, Caller.PRODUCER_OWN)
                .expect(200, List.of(b), List.of(a), Caller.OFFICER_OTHER, Caller.PRODUCER_OTHER).others(401));
        Caller[] writersOfA = {Caller.CENTRAL, Caller.OFFICER_OWN, Caller.PRODUCER_OWN};
        Caller[] outsiders = {Caller.OFFICER_OTHER, Caller.PRODUCER_OTHER};
        cases.add(new Case("updateProducer", "A with a stale ETag", r -> r.header("If-Match", STALE)
                .contentType(ContentType.JSON).body(producerA).put("/api/v1/producers/" + a))
                .expect(412, writersOfA).expect(403, List.of("OUT_OF_SCOPE"), List.of(), outsiders).others(403));
        cases.add(new Case("updateProducer", "A without a name", r -> r.header("If-Match", STALE)
                .contentType(ContentType.JSON).body(nameless).put("/api/v1/producers/" + a))
                .expect(400, writersOfA).expect(403, List.of("OUT_OF_SCOPE"), List.of(), outsiders).others(403));
        cases.add(new Case("patchProducer", "A with a stale ETag", r -> r.header("If-Match", STALE)
                .contentType("application/merge-patch+json").body("{\"address\": \"Thôn Tây\"}".getBytes(StandardCharsets.UTF_8)).patch("/api/v1/producers/" + a))
                .expect(412, writersOfA).expect(403, List.of("OUT_OF_SCOPE"), List.of(), outsiders).others(403));
        cases.add(new Case("patchProducer", "A with an empty name", r -> r.header("If-Match", STALE)
                .contentType("application/merge-patch+json").body("{\"name\": \"\"}".getBytes(StandardCharsets.UTF_8)).patch("/api/v1/producers/" + a))
                .expect(400, writersOfA).expect(403, List.of("OUT_OF_SCOPE"), List.of(), outsiders).others(403));
    }

    private static void productCases(List<ScopeMatrixCase<Caller>> cases, String a, String pa, String pb, Map<String, Object> productA, String gtin) {
        Map<String, Object> nameless = new HashMap<>(productA);
        nameless.remove("name");
        Map<String, Object> takenGtin = new HashMap<>(productA);
        takenGtin.put("gtin", gtin);
        Caller[] writersOfA = {Caller.CENTRAL, Caller.OFFICER_OWN, Caller.PRODUCER_OWN};
        Caller[] outsiders = {Caller.OFFICER_OTHER, Caller.PRODUCER_OTHER};
        cases.add(new Case("registerProduct", "of A without a name", r -> r.contentType(ContentType.JSON).body(nameless)
                .post("/api/v1/products"))
                .expect(400, writersOfA).expect(403, List.of("OUT_OF_SCOPE"), List.of(), outsiders).others(403));
        cases.add(new Case("registerProduct", "of A with a taken GTIN", r -> r.contentType(ContentType.JSON).body(takenGtin)
                .post("/api/v1/products"))
                .expect(409, writersOfA).expect(403, List.of("OUT_OF_SCOPE"), List.of(), outsiders).others(403));
        Caller[] readersOfA = {Caller.CENTRAL, Caller.AUDITOR, Caller.OFFICER_OWN, Caller.COMMUNE_OWN, Caller.COMMUNE_OTHER,
                Caller.INSPECTOR, Caller.PRODUCER_OWN, Caller.COUNCIL, Caller.OPERATOR};
        cases.add(new Case("getProduct", "PA", r -> r.get("/api/v1/products/" + pa))
                .expect(200, List.of(pa), List.of(), readersOfA)
                .expect(403, List.of("OUT_OF_SCOPE"), List.of(), outsiders).others(401));
        cases.add(new Case("listProducts", "of producer A", r -> r.queryParam("producerId", a).get("/api/v1/products"))
                .expect(200, List.of(pa), List.of(pb), readersOfA)
                .expect(200, List.of(), List.of(pa), outsiders).others(401));
        cases.add(new Case("listProducts", "?province=51 of producer A", r -> r.queryParam("producerId", a)
                .queryParam("province", "51").get("/api/v1/products"))
                .expect(200, List.of(pa), List.of(pb), readersOfA)
                .expect(200, List.of(), List.of(pa), Caller.PRODUCER_OTHER)
                .expect(403, List.of("OUT_OF_SCOPE"), List.of(pa), Caller.OFFICER_OTHER).others(401));
        cases.add(new Case("updateProduct", "PA with a stale ETag", r -> r.header("If-Match", STALE)
                .contentType(ContentType.JSON).body(productA).put("/api/v1/products/" + pa))
                .expect(412, writersOfA).expect(403, List.of("OUT_OF_SCOPE"), List.of(), outsiders).others(403));
        cases.add(new Case("updateProduct", "PA without a name", r -> r.header("If-Match", STALE)
                .contentType(ContentType.JSON).body(nameless).put("/api/v1/products/" + pa))
                .expect(400, writersOfA).expect(403, List.of("OUT_OF_SCOPE"), List.of(), outsiders).others(403));
        cases.add(new Case("patchProduct", "PA with a stale ETag", r -> r.header("If-Match", STALE)
                .contentType("application/merge-patch+json").body("{\"story\": \"Khác\"}".getBytes(StandardCharsets.UTF_8)).patch("/api/v1/products/" + pa))
                .expect(412, writersOfA).expect(403, List.of("OUT_OF_SCOPE"), List.of(), outsiders).others(403));
    }

    private static void applicationCases(List<ScopeMatrixCase<Caller>> cases, String pa, String d, String doc) {
        String url = "/api/v1/applications/" + d;
        String gone = "/api/v1/applications/" + MISSING;
        Caller[] filers = {Caller.PRODUCER_OWN, Caller.OFFICER_OWN, Caller.COMMUNE_OWN};
        Caller[] readers = {Caller.CENTRAL, Caller.AUDITOR, Caller.OFFICER_OWN, Caller.COMMUNE_OWN, Caller.INSPECTOR,
                Caller.PRODUCER_OWN};
        Caller[] outsiders = {Caller.OFFICER_OTHER, Caller.COMMUNE_OTHER, Caller.PRODUCER_OTHER};
        Caller[] nonReaders = {Caller.OFFICER_OTHER, Caller.COMMUNE_OTHER, Caller.PRODUCER_OTHER, Caller.COUNCIL, Caller.OPERATOR};

        cases.add(new Case("createApplication", "for PA, which has one open", r -> r.contentType(ContentType.JSON)
                .body(createBody(pa, "FIRST_RATING")).post("/api/v1/applications"))
                .expect(409, filers).expect(403, List.of("OUT_OF_SCOPE"), List.of(d), outsiders).others(403));
        Map<String, Object> kindless = new HashMap<>(createBody(pa, "FIRST_RATING"));
        kindless.remove("kind");
        cases.add(new Case("createApplication", "for PA without a kind", r -> r.contentType(ContentType.JSON)
                .body(kindless).post("/api/v1/applications"))
                .expect(400, filers).expect(403, List.of("OUT_OF_SCOPE"), List.of(), outsiders).others(403));
        cases.add(new Case("listApplications", "of PA", r -> r.queryParam("productId", pa).get("/api/v1/applications"))
                .expect(200, List.of(d), List.of(), readers).expect(200, List.of(), List.of(d), outsiders)
                .expect(403, Caller.COUNCIL, Caller.OPERATOR).others(401));
        cases.add(new Case("listApplications", "?province=51 of PA", r -> r.queryParam("productId", pa)
                .queryParam("province", "51").get("/api/v1/applications"))
                .expect(200, List.of(d), List.of(), readers).expect(200, List.of(), List.of(d), Caller.COMMUNE_OTHER,
                        Caller.PRODUCER_OTHER)
                .expect(403, Caller.OFFICER_OTHER, Caller.COUNCIL, Caller.OPERATOR).others(401));
        cases.add(new Case("getApplication", "D", r -> r.get(url))
                .hides(d, r -> r.get(gone))
                .expect(200, List.of(d, "SUBMITTED"), List.of(), readers).expect(404, nonReaders).others(401));
        cases.add(new Case("getApplicationHistory", "D", r -> r.get(url + "/history"))
                .hides(d, r -> r.get(gone + "/history"))
                .expect(200, List.of("SUBMIT"), List.of(), readers).expect(404, nonReaders).others(401));
        cases.add(new Case("listApplicationDocuments", "D", r -> r.get(url + "/documents"))
                .hides(d, r -> r.get(gone + "/documents"))
                .expect(200, List.of(doc), List.of(), readers).expect(404, nonReaders).others(401));
        cases.add(new Case("downloadApplicationDocument", "D's", r -> r.get(url + "/documents/" + doc))
                .hides(d, r -> r.get(gone + "/documents/" + doc))
                .expect(200, List.of("%PDF"), List.of(), readers).expect(404, nonReaders).others(401));

        Map<String, Object> update = Map.of("form01", form01(), "form02", form02());
        cases.add(new Case("updateApplication", "D with a stale ETag", r -> r.header("If-Match", STALE)
                .contentType(ContentType.JSON).body(update).put(url))
                .hides(d, r -> r.header("If-Match", STALE).contentType(ContentType.JSON).body(update).put(gone))
                .expect(412, filers).expect(404, outsiders).others(403));
        Map<String, Object> noForm01 = Map.of("form02", form02());
        cases.add(new Case("updateApplication", "D without Form 01", r -> r.header("If-Match", STALE)
                .contentType(ContentType.JSON).body(noForm01).put(url))
                .hides(d, r -> r.header("If-Match", STALE).contentType(ContentType.JSON).body(noForm01).put(gone))
                .expect(400, filers).expect(404, outsiders).others(403));
        cases.add(new Case("submitApplication", "D again", r -> r.contentType(ContentType.JSON).post(url + "/submit"))
                .hides(d, r -> r.contentType(ContentType.JSON).post(gone + "/submit"))
                .expect(409, filers).expect(404, outsiders).others(403));
        cases.add(new Case("uploadApplicationDocument", "into submitted D", r -> r.contentType("application/pdf").body(PDF)
                .post(url + "/documents?type=BUSINESS_REGISTRATION"))
                .hides(d, r -> r.contentType("application/pdf").body(PDF).post(gone + "/documents?type=BUSINESS_REGISTRATION"))
                .expect(409, filers).expect(404, outsiders).others(403));
        // a wrong query parameter is refused alike for every id, before the dossier is looked up
        cases.add(new Case("uploadApplicationDocument", "without a type", r -> r.contentType("application/pdf").body(PDF)
                .post(url + "/documents"))
                .expect(400, filers).expect(400, outsiders).others(403));
        cases.add(new Case("uploadApplicationDocument", "of an unsupported type", r -> r.contentType("text/plain").body("x")
                .post(url + "/documents?type=BUSINESS_REGISTRATION"))
                .hides(d, r -> r.contentType("text/plain").body("x").post(gone + "/documents?type=BUSINESS_REGISTRATION"))
                .expect(409, filers).expect(404, outsiders).others(403));
        cases.add(new Case("deleteApplicationDocument", "of submitted D", r -> r.delete(url + "/documents/" + doc))
                .hides(d, r -> r.delete(gone + "/documents/" + doc))
                .expect(409, filers).expect(404, outsiders).others(403));
        Map<String, Object> threeSamples = review(3);
        cases.add(new Case("reviewApplicationAtCommune", "D with 3 samples", r -> r.contentType(ContentType.JSON)
                .body(threeSamples).post(url + "/commune-review"))
                .hides(d, r -> r.contentType(ContentType.JSON).body(threeSamples).post(gone + "/commune-review"))
                .expect(422, Caller.COMMUNE_OWN).expect(404, Caller.COMMUNE_OTHER).others(403));
        Map<String, Object> noForm03 = Map.of("samplesReceived", 5);
        cases.add(new Case("reviewApplicationAtCommune", "D without Form 03", r -> r.contentType(ContentType.JSON)
                .body(noForm03).post(url + "/commune-review"))
                .hides(d, r -> r.contentType(ContentType.JSON).body(noForm03).post(gone + "/commune-review"))
                .expect(400, Caller.COMMUNE_OWN).expect(404, Caller.COMMUNE_OTHER).others(403));
        Map<String, Object> note = Map.of("note", "Đủ hồ sơ");
        cases.add(new Case("acceptApplication", "D before the commune's review", r -> r.contentType(ContentType.JSON)
                .body(note).post(url + "/accept"))
                .hides(d, r -> r.contentType(ContentType.JSON).body(note).post(gone + "/accept"))
                .expect(409, Caller.CENTRAL, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER).others(403));
        Map<String, Object> reasons = Map.of("reasons", List.of("Thiếu phiếu kiểm nghiệm"));
        cases.add(new Case("returnApplication", "D before the commune's review", r -> r.contentType(ContentType.JSON)
                .body(reasons).post(url + "/return"))
                .hides(d, r -> r.contentType(ContentType.JSON).body(reasons).post(gone + "/return"))
                .expect(409, Caller.CENTRAL, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER).others(403));
        Map<String, Object> noReasons = Map.of("reasons", List.of());
        cases.add(new Case("returnApplication", "D without reasons", r -> r.contentType(ContentType.JSON)
                .body(noReasons).post(url + "/return"))
                .hides(d, r -> r.contentType(ContentType.JSON).body(noReasons).post(gone + "/return"))
                .expect(400, Caller.CENTRAL, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER).others(403));
        Map<String, Object> blank = Map.of("reason", "");
        cases.add(new Case("withdrawApplication", "D without a reason", r -> r.contentType(ContentType.JSON)
                .body(blank).post(url + "/withdraw"))
                .hides(d, r -> r.contentType(ContentType.JSON).body(blank).post(gone + "/withdraw"))
                .expect(400, Caller.PRODUCER_OWN).expect(404, Caller.PRODUCER_OTHER).others(403));
    }

    private static void importCases(List<ScopeMatrixCase<Caller>> cases, String j, String ref) {
        String url = "/api/v1/imports/" + j;
        String gone = "/api/v1/imports/" + MISSING;
        Caller[] readers = {Caller.CENTRAL, Caller.AUDITOR, Caller.OFFICER_OWN};
        cases.add(new Case("startImport", "with no rows", r -> r.contentType(ContentType.JSON).body("[]").post("/api/v1/imports"))
                .expect(400, Caller.CENTRAL, Caller.OFFICER_OWN, Caller.OFFICER_OTHER).others(403));
        cases.add(new Case("getImport", "J", r -> r.get(url))
                .hides(j, r -> r.get(gone))
                .expect(200, List.of(j, "COMPLETED"), List.of(), readers).expect(404, Caller.OFFICER_OTHER).others(403));
        cases.add(new Case("listImportRows", "of J", r -> r.get(url + "/rows"))
                .hides(j, r -> r.get(gone + "/rows"))
                .expect(200, List.of(ref), List.of(), readers).expect(404, Caller.OFFICER_OTHER).others(403));
        cases.add(new Case("listImportRows", "of J with an unknown outcome", r -> r.queryParam("outcome", "MAYBE").get(url + "/rows"))
                .expect(400, readers).expect(400, Caller.OFFICER_OTHER).others(403));
        cases.add(new Case("cancelImport", "J, finished", r -> r.contentType(ContentType.JSON).post(url + "/cancel"))
                .hides(j, r -> r.contentType(ContentType.JSON).post(gone + "/cancel"))
                .expect(409, Caller.CENTRAL, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER).others(403));
    }

    /** Public operations: the same answer for everyone, with or without a token. */
    private static void publicCases(List<ScopeMatrixCase<Caller>> cases, String pc, String number, String gtin, String run) {
        String certificates = "/api/v1/public/certificates/" + number;
        cases.add(new Case("listProvinces", "", r -> r.get("/api/v1/provinces")).expect(200, Caller.values()));
        cases.add(new Case("getProvince", "51", r -> r.get("/api/v1/provinces/51")).expect(200, Caller.values()));
        cases.add(new Case("resolveProvince", "51", r -> r.queryParam("code", "51").get("/api/v1/provinces/resolve"))
                .expect(200, Caller.values()));
        cases.add(new Case("listCommunes", "of 51", r -> r.get("/api/v1/provinces/51/communes")).expect(200, Caller.values()));
        cases.add(new Case("searchCatalogue", "for C", r -> r.queryParam("q", "Gạo phạm vi " + run).get("/api/v1/public/products"))
                .expect(200, List.of(pc), List.of(), Caller.values()));
        cases.add(new Case("getCatalogueProduct", "C", r -> r.get("/api/v1/public/products/" + pc))
                .expect(200, List.of(pc), List.of(), Caller.values()));
        cases.add(new Case("verifyCertificate", "C's", r -> r.accept("application/json").get(certificates))
                .expect(200, List.of(number), List.of(), Caller.values()));
        cases.add(new Case("certificateDocument", "C's", r -> r.accept("application/pdf").get(certificates + "/document"))
                .expect(200, Caller.values()));
        cases.add(new Case("certificateQrCode", "C's", r -> r.accept("image/png").get(certificates + "/qr")).expect(200, Caller.values()));
        cases.add(new Case("certificatePage", "C's", r -> r.accept("text/html").get("/c/" + number))
                .expect(200, List.of(number), List.of(), Caller.values()));
        cases.add(new Case("resolveGtin", "C's", r -> r.accept("application/json").get("/01/" + gtin))
                .expect(200, List.of(number), List.of(), Caller.values()));
        cases.add(new Case("resolveGtinLot", "C's", r -> r.accept("application/json").get("/01/" + gtin + "/10/L1"))
                .expect(200, List.of(number), List.of(), Caller.values()));
    }

    /** The ETags of producer A, product A and dossier D, and D's status. */
    private static List<String> versions(String token, String a, String pa, String dUrl) {
        Response dossier = as(token).get(dUrl);
        return List.of(as(token).get("/api/v1/producers/" + a).header("ETag"), as(token).get("/api/v1/products/" + pa).header("ETag"),
                dossier.header("ETag"), dossier.path("status"));
    }

    private Map<String, Long> rowCounts() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (String table : List.of("producer", "product", "application", "application_document", "import_job")) {
                counts.put(table, ((Number) entityManager.createNativeQuery("select count(*) from " + table)
                        .getSingleResult()).longValue());
            }
            return counts;
        });
    }

    private static Map<String, Object> createBody(String productId, String kind) {
        return Map.of("productId", productId, "kind", kind, "form01", form01(), "form02", form02());
    }

    private static Map<String, Object> form01() {
        return Map.of("unitName", "HTX Phạm vi", "legalRepresentative", "Trương Thị Hoa", "representativeTitle", "Giám đốc",
                "address", "Thôn Đông, Lý Sơn", "phone", "0255 3867 215", "email", "htx@example.org",
                "productName", "Tỏi Lý Sơn", "productGroup", "Thực phẩm / Gia vị", "sampleCount", 5);
    }

    private static Map<String, Object> form02() {
        return Map.of("selfScores", List.of(Map.of("criterionCode", "A.1.1", "score", 3)),
                "evidence", List.of(Map.of("criterionCode", "A.1.1", "description", "Hợp đồng liên kết vùng nguyên liệu")),
                "businessResults", "Doanh thu 2025: 2 tỷ đồng");
    }

    private static Map<String, Object> review(int samples) {
        return Map.of("form03", Map.of("localRawMaterials", "100% tỏi trồng tại Lý Sơn", "localLabour", "45 lao động địa phương",
                "ideaOrigin", "Ý tưởng của HTX", "localIdentity", "Chỉ dẫn địa lý Lý Sơn", "recommendation", "Đề nghị đánh giá"),
                "samplesReceived", samples);
    }
}
