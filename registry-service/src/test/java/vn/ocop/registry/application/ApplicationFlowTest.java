package vn.ocop.registry.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.ocop.registry.RegistryTestSupport.as;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import vn.ocop.events.Topics;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.ChunkedUpload;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;
import vn.ocop.platform.time.VietnamTime;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.rules.ProgrammeRules;

@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ApplicationFlowTest {
    @Inject
    LegalClock clock;


    private static final String PROVINCE = Tokens.provinceOfficer("51");
    private static final String COMMUNE = Tokens.of("commune-21040@ocop.gov.vn", "commune-officer")
            .claim("province", "51").claim("commune", "21040").mint();
    /** Another officer of the same commune (the one who did not file on the producer's behalf). */
    private static final String COMMUNE_COLLEAGUE = Tokens.of("commune-21040-b@ocop.gov.vn", "commune-officer")
            .claim("province", "51").claim("commune", "21040").mint();
    private static final String OTHER_COMMUNE = Tokens.of("commune-21548@ocop.gov.vn", "commune-officer")
            .claim("province", "51").claim("commune", "21548").mint();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final LocalDate TODAY = LocalDate.now(VietnamTime.ZONE);
    private static final ProgrammeRules RULES = ProgrammeRules.standard();

    @Inject
    EntityManager entityManager;

    record Filed(String producerToken, String productId, String applicationId) {
    }

    @Test
    void aFirstRatingGoesFromDraftThroughCommuneAndReturnToAcceptanceAndIsAnnounced() throws Exception {
        Filed filed = draft("FIRST_RATING");
        String producer = filed.producerToken();
        String url = "/api/v1/applications/" + filed.applicationId();

        as(producer).get(url).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("selfTotal", equalTo(5.5f))
                .body("checklist.find { it.type == 'BUSINESS_REGISTRATION' }.uploaded", equalTo(false));
        as(producer).post(url + "/submit").then().statusCode(422).body("code", equalTo("DOCUMENTS_MISSING"))
                .body("detail", containsString("REGISTRATION_FORM"));

        String documentId = uploadAll(producer, url, "FIRST_RATING");
        byte[] downloaded = given().auth().oauth2(PROVINCE).get(url + "/documents/" + documentId).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(downloaded).isEqualTo(PDF);
        as(producer).get(url + "/documents").then().body("sha256", hasItem(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(PDF))));

        String receipt = as(producer).post(url + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("reviewDueOn", equalTo(RULES.inForceOn(TODAY).communeReviewDue(TODAY, RULES.calendar()).toString())).body("reviewOverdue", equalTo(false))
                .body("receiptNumber", org.hamcrest.Matchers.matchesPattern("\\d+/PĐK-51-21040-" + TODAY.getYear()))
                .extract().path("receiptNumber");
        as(producer).body(Map.of("form01", form01(), "form02", form02())).header("If-Match", "\"1\"").put(url)
                .then().statusCode(409).body("code", equalTo("APPLICATION_NOT_EDITABLE"));

        as(OTHER_COMMUNE).body(review(5)).post(url + "/commune-review").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(COMMUNE).body(review(3)).post(url + "/commune-review").then().statusCode(422).body("code", equalTo("SAMPLES_MISSING"));
        as(COMMUNE).body(review(5)).post(url + "/commune-review").then().statusCode(200)
                .body("status", equalTo("COMMUNE_REVIEWED")).body("samplesReceived", equalTo(5))
                .body("form03.localLabour", equalTo("45 lao động địa phương"));

        as(Tokens.provinceOfficer("40")).body(Map.of("reasons", List.of("x"))).post(url + "/return").then().statusCode(404);
        as(PROVINCE).body(Map.of("reasons", List.of())).post(url + "/return").then().statusCode(400)
                .body("violations[0].field", equalTo("reasons"));
        as(PROVINCE).body(Map.of("reasons", List.of("Thiếu phiếu kiểm nghiệm định kỳ"))).post(url + "/return").then()
                .statusCode(200).body("status", equalTo("RETURNED")).body("returnReasons", equalTo(List.of("Thiếu phiếu kiểm nghiệm định kỳ")));

        String etag = as(producer).get(url).then().extract().header("ETag");
        as(producer).body(Map.of("form01", form01(), "form02", form02())).header("If-Match", etag).put(url)
                .then().statusCode(200);
        // Resubmitted after the return: same dossier, same receipt number.
        as(producer).post(url + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("receiptNumber", equalTo(receipt));
        as(COMMUNE).body(review(5)).post(url + "/commune-review").then().statusCode(200);
        as(PROVINCE).body(Map.of("note", "Đủ hồ sơ")).post(url + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        as(PROVINCE).body(Map.of("note", "lần nữa")).post(url + "/accept").then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords(Topics.REGISTRY,
                r -> filed.productId().equals(r.key()) && "ApplicationSubmitted".equals(KafkaTestClient.header(r, "ce_type")),
                1, Duration.ofSeconds(30));
        assertThat(records.get(0).value()).contains("\"applicationId\":\"" + filed.applicationId() + "\"")
                .contains("\"kind\":\"FIRST_RATING\"");

        List<String> actions = as(COMMUNE).get(url + "/history").then().statusCode(200)
                .body("[3].reason", equalTo("Thiếu phiếu kiểm nghiệm định kỳ"))
                .body("[3].actor", equalTo("officer-51@ocop.gov.vn"))
                .extract().path("action");
        assertThat(actions).containsExactly("CREATE", "SUBMIT", "COMMUNE_REVIEW", "RETURN", "SUBMIT", "COMMUNE_REVIEW", "ACCEPT");
    }

    @Test
    void aForm02WithoutEvidenceAnswersAnEmptyListNotNull() {
        Filed filed = draft("FIRST_RATING");
        String url = "/api/v1/applications/" + filed.applicationId();
        String etag = as(filed.producerToken()).get(url).then().statusCode(200).extract().header("ETag");
        Map<String, Object> withoutEvidence = Map.of("selfScores", List.of(Map.of("criterionCode", "A.1.1", "score", 3)),
                "businessResults", "Doanh thu 2025: 2 tỷ đồng");

        as(filed.producerToken()).header("If-Match", etag).body(Map.of("form01", form01(), "form02", withoutEvidence)).put(url)
                .then().statusCode(200).body("form02.evidence", org.hamcrest.Matchers.empty());
        as(filed.producerToken()).get(url).then().statusCode(200).body("form02.evidence", org.hamcrest.Matchers.empty());
    }

    @Test
    void uploadsAreCheckedForTypeContentAndSize() {
        Filed filed = draft("FIRST_RATING");
        String url = "/api/v1/applications/" + filed.applicationId() + "/documents?type=OTHER_EVIDENCE";
        given().auth().oauth2(filed.producerToken()).contentType("text/plain").body("hello".getBytes(StandardCharsets.UTF_8))
                .post(url).then().statusCode(415).contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_DOCUMENT_TYPE"));
        given().auth().oauth2(filed.producerToken()).contentType("application/pdf").body(new byte[] {'M', 'Z', 0, 0})
                .post(url).then().statusCode(415).body("detail", containsString("not a application/pdf"));
        byte[] big = new byte[300_000];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        given().auth().oauth2(filed.producerToken()).contentType("application/pdf").body(big)
                .post(url).then().statusCode(413).body("code", equalTo("DOCUMENT_TOO_LARGE"));
        // One byte over the limit (262144 in tests) streamed without a length, raw or as a part: stopped while read.
        byte[] over = Arrays.copyOf(PDF, 262_145);
        for (HttpResponse<String> chunked : List.of(ChunkedUpload.post(url, filed.producerToken(), "application/pdf", over),
                ChunkedUpload.postFilePart(url, filed.producerToken(), "lon.pdf", "application/pdf", over))) {
            assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
            assertThat(chunked.body()).contains("\"code\":\"DOCUMENT_TOO_LARGE\"").contains("accepts at most 262144 bytes");
        }
        given().auth().oauth2(filed.producerToken()).contentType("application/pdf").body(PDF)
                .post("/api/v1/applications/" + filed.applicationId() + "/documents?type=PASSPORT").then().statusCode(400)
                .body("violations[0].field", equalTo("type"));
        as(filed.producerToken()).get("/api/v1/applications/" + filed.applicationId() + "/documents").then().body("size()", equalTo(0));

        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(filed.producerToken()).header("Idempotency-Key", key).contentType("application/pdf")
                .body(PDF).post(url).then().statusCode(201).extract().path("id");
        given().auth().oauth2(filed.producerToken()).header("Idempotency-Key", key).contentType("application/pdf")
                .body(PDF).post(url).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(filed.producerToken()).get("/api/v1/applications/" + filed.applicationId() + "/documents").then().body("size()", equalTo(1));
        HttpResponse<String> atLimit = ChunkedUpload.post(url, filed.producerToken(), "application/pdf", Arrays.copyOf(PDF, 262_144));
        assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(201);
        assertThat(atLimit.body()).contains("\"sizeBytes\":262144");
    }

    @Test
    void aMultipartFilePartIsStoredWithTheTypeItsContentShowsAndCheckedLikeARawBody() throws Exception {
        Filed filed = draft("FIRST_RATING");
        String documents = "/api/v1/applications/" + filed.applicationId() + "/documents";

        // Refused as a raw body would be, with a problem document, and nothing stored: a PDF part labelled PNG, a part
        // whose content is no PDF, JPEG or PNG, an oversize part and a form without the file part.
        given().auth().oauth2(filed.producerToken()).multiPart("file", "nhan.png", PDF, "image/png")
                .post(documents + "?type=OTHER_EVIDENCE").then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_DOCUMENT_TYPE"));
        given().auth().oauth2(filed.producerToken()).multiPart("file", "setup.exe", new byte[] {'M', 'Z', 0, 0}, "application/octet-stream")
                .post(documents + "?type=OTHER_EVIDENCE").then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_DOCUMENT_TYPE"));
        byte[] big = new byte[300_000];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        given().auth().oauth2(filed.producerToken()).multiPart("file", "lon.pdf", big, "application/octet-stream")
                .post(documents + "?type=OTHER_EVIDENCE").then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("DOCUMENT_TOO_LARGE"));
        given().auth().oauth2(filed.producerToken()).multiPart("fileName", "dang-ky.pdf")
                .post(documents + "?type=OTHER_EVIDENCE").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("file"));
        as(filed.producerToken()).get(documents).then().body("size()", equalTo(0));

        // What generated clients send: the part labelled application/octet-stream and named after the local file.
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        String id = given().auth().oauth2(filed.producerToken())
                .multiPart("file", "giay-dang-ky-htx.pdf", PDF, "application/octet-stream")
                .post(documents + "?type=BUSINESS_REGISTRATION").then().statusCode(201)
                .header("Location", containsString(documents + "/"))
                .body("type", equalTo("BUSINESS_REGISTRATION"))
                .body("fileName", equalTo("giay-dang-ky-htx.pdf"))
                .body("contentType", equalTo("application/pdf"))
                .body("sha256", equalTo(sha256))
                .extract().path("id");
        byte[] downloaded = given().auth().oauth2(PROVINCE).get(documents + "/" + id).then().statusCode(200)
                .contentType("application/pdf").header("ETag", "\"" + sha256 + "\"").extract().asByteArray();
        assertThat(downloaded).isEqualTo(PDF);
        as(filed.producerToken()).get("/api/v1/applications/" + filed.applicationId()).then()
                .body("checklist.find { it.type == 'BUSINESS_REGISTRATION' }.uploaded", equalTo(true));
    }

    @Test
    void withdrawingAnnouncesItAndEndsTheDossier() {
        Filed filed = draft("FIRST_RATING");
        String url = "/api/v1/applications/" + filed.applicationId();
        as(Tokens.producer(UUID.randomUUID())).body(Map.of("reason", "không phải của tôi")).post(url + "/withdraw")
                .then().statusCode(404);
        as(filed.producerToken()).body(Map.of("reason", "Tạm dừng sản xuất")).post(url + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        as(filed.producerToken()).body(Map.of("reason", "lần nữa")).post(url + "/withdraw").then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        assertThat(KafkaTestClient.awaitRecords(Topics.REGISTRY, r -> filed.productId().equals(r.key())
                && "ApplicationWithdrawn".equals(KafkaTestClient.header(r, "ce_type")), 1, Duration.ofSeconds(30))
                .get(0).value()).contains("Tạm dừng sản xuất");
        // With the old dossier withdrawn a new one may be filed; two at once may not.
        as(filed.producerToken()).body(createBody(filed.productId(), "FIRST_RATING")).post("/api/v1/applications").then().statusCode(201);
        as(filed.producerToken()).body(createBody(filed.productId(), "FIRST_RATING")).post("/api/v1/applications").then().statusCode(409)
                .body("code", equalTo("APPLICATION_ALREADY_OPEN"));
    }

    @Test
    void reRatingIsFiledOnly180To120DaysBeforeExpiryAndUpgradeNeedsACertificateInForce() {
        Filed early = product();
        certify(early.productId(), TODAY.plusDays(200));
        LocalDate validUntil = TODAY.plusDays(200);
        as(early.producerToken()).body(createBody(early.productId(), "RE_RATING")).post("/api/v1/applications").then()
                .statusCode(422).body("code", equalTo("RE_RATING_OUTSIDE_WINDOW"))
                .body("detail", containsString("from " + validUntil.minusDays(180) + " to " + validUntil.minusDays(120)));

        Filed due = product();
        String number = certify(due.productId(), TODAY.plusDays(150));
        as(due.producerToken()).body(createBody(due.productId(), "RE_RATING")).post("/api/v1/applications").then()
                .statusCode(201).body("currentCertificateNumber", equalTo(number))
                .body("checklist.type", hasItem("PERIODIC_TEST_REPORT")).body("checklist.type", not(hasItem("BUSINESS_REGISTRATION")));

        Filed uncertified = product();
        as(uncertified.producerToken()).body(createBody(uncertified.productId(), "UPGRADE")).post("/api/v1/applications").then()
                .statusCode(422).body("code", equalTo("NO_ACTIVE_CERTIFICATE"));
        as(due.producerToken()).body(createBody(due.productId(), "FIRST_RATING")).post("/api/v1/applications").then()
                .statusCode(409);
    }

    @Test
    void theReRatingWindowHoldsAtItsEdgesOnThePinnedClock() {
        LocalDate validUntil = LocalDate.of(2029, 6, 15);
        Filed early = product();
        certify(early.productId(), validUntil);
        Filed late = product();
        certify(late.productId(), validUntil);
        try {
            for (int outside : new int[] {181, 119}) {
                clock.pinTo(validUntil.minusDays(outside));
                as(early.producerToken()).body(createBody(early.productId(), "RE_RATING")).post("/api/v1/applications").then()
                        .statusCode(422).body("code", equalTo("RE_RATING_OUTSIDE_WINDOW"))
                        .body("detail", containsString("today is " + validUntil.minusDays(outside)));
            }
            clock.pinTo(validUntil.minusDays(180));
            as(early.producerToken()).body(createBody(early.productId(), "RE_RATING")).post("/api/v1/applications").then()
                    .statusCode(201);
            clock.pinTo(validUntil.minusDays(120));
            as(late.producerToken()).body(createBody(late.productId(), "RE_RATING")).post("/api/v1/applications").then()
                    .statusCode(201);
        } finally {
            clock.reset();
        }
    }

    @Test
    void eachRoleSeesOnlyItsOwnDossiersAndOverdueReviewsAreListed() {
        Filed filed = draft("FIRST_RATING");
        String url = "/api/v1/applications/" + filed.applicationId();
        uploadAll(filed.producerToken(), url, "FIRST_RATING");
        as(filed.producerToken()).post(url + "/submit").then().statusCode(200);
        // Sixteen working days pass without a commune review.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update application set review_due_on = ?1 where id = ?2")
                .setParameter(1, TODAY.minusDays(1)).setParameter(2, UUID.fromString(filed.applicationId())).executeUpdate());

        as(COMMUNE).queryParam("overdue", "true").get("/api/v1/applications").then().statusCode(200)
                .body("items.id", hasItem(filed.applicationId())).body("items[0].reviewOverdue", equalTo(true));
        as(OTHER_COMMUNE).get("/api/v1/applications").then().body("items.id", not(hasItem(filed.applicationId())));
        // A dossier's existence is not public: outside its scope it answers like a missing one.
        as(OTHER_COMMUNE).get(url).then().statusCode(404);
        as(Tokens.provinceOfficer("40")).get(url).then().statusCode(404);
        as(Tokens.producer(UUID.randomUUID())).get(url).then().statusCode(404);
        as(Tokens.producer(UUID.randomUUID())).get("/api/v1/applications").then().body("total", equalTo(0));
        as(PROVINCE).queryParam("overdue", "maybe").get("/api/v1/applications").then().statusCode(400)
                .body("violations[0].field", equalTo("overdue"));
        as(Tokens.centralOfficer()).queryParam("status", "SUBMITTED").get("/api/v1/applications").then().statusCode(200)
                .body("items.id", hasItem(filed.applicationId()));
    }

    @Test
    void aCommuneOfficerFilesADossierOnBehalfOfAProducerWhoSeesAndFollowsIt() {
        Filed p = product();
        String producer = p.producerToken();
        as(Tokens.provinceOfficer("40")).body(createBody(p.productId(), "FIRST_RATING")).post("/api/v1/applications")
                .then().statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));
        as(OTHER_COMMUNE).body(createBody(p.productId(), "FIRST_RATING")).post("/api/v1/applications")
                .then().statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));
        as(Tokens.producer(UUID.randomUUID())).body(createBody(p.productId(), "FIRST_RATING")).post("/api/v1/applications")
                .then().statusCode(403);

        String id = as(COMMUNE).body(createBody(p.productId(), "FIRST_RATING")).post("/api/v1/applications")
                .then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("filedBy", equalTo("commune-21040@ocop.gov.vn")).body("filedOnBehalf", equalTo(true))
                .extract().path("id");
        String url = "/api/v1/applications/" + id;
        uploadAll(COMMUNE, url, "FIRST_RATING");
        as(OTHER_COMMUNE).post(url + "/submit").then().statusCode(404);
        as(COMMUNE).post(url + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));

        // The dossier is the producer's: it sees it in its list, reads it and its history, and follows it.
        as(producer).get("/api/v1/applications").then().statusCode(200).body("items.id", hasItem(id));
        as(producer).get(url).then().statusCode(200).body("producerId", equalTo(as(PROVINCE).get("/api/v1/products/" + p.productId())
                .then().extract().path("producerId"))).body("filedOnBehalf", equalTo(true));
        as(producer).get(url + "/history").then().statusCode(200).body("actor", equalTo(List.of("commune-21040@ocop.gov.vn",
                "commune-21040@ocop.gov.vn")));
        // The officer who filed it does not review it too; a colleague of the commune does.
        as(COMMUNE).body(review(5)).post(url + "/commune-review").then().statusCode(409)
                .body("code", equalTo("REVIEWER_FILED_IT")).body("detail", containsString("another officer of commune 21040"));
        as(producer).get(url).then().body("status", equalTo("SUBMITTED"));
        as(COMMUNE_COLLEAGUE).body(review(5)).post(url + "/commune-review").then().statusCode(200)
                .body("status", equalTo("COMMUNE_REVIEWED"));
        as(PROVINCE).body(Map.of("reasons", List.of("Thiếu phiếu kiểm nghiệm định kỳ"))).post(url + "/return").then().statusCode(200);
        String etag = as(producer).get(url).then().extract().header("ETag");
        as(producer).body(Map.of("form01", form01(), "form02", form02())).header("If-Match", etag).put(url).then().statusCode(200);
        as(producer).post(url + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));

        // A producer filing for itself is recorded as such.
        Filed own = draft("FIRST_RATING");
        as(own.producerToken()).get("/api/v1/applications/" + own.applicationId()).then()
                .body("filedOnBehalf", equalTo(false)).body("filedBy", org.hamcrest.Matchers.startsWith("producer-"));
    }

    @Test
    void aBodySentToTheSubmitIsRefusedWithTheDocumented415() throws Exception {
        Filed filed = draft("FIRST_RATING");
        String url = "/api/v1/applications/" + filed.applicationId() + "/submit";
        // java.net.http adds no Content-Type of its own (REST Assured would)
        HttpResponse<String> noType = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + url)).header("Authorization", "Bearer " + filed.producerToken())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noType.statusCode()).isEqualTo(415);
        assertThat(noType.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(noType.body()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
        given().auth().oauth2(filed.producerToken()).contentType("text/plain").body("bitte")
                .post(url).then().statusCode(415).contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        // a DELETE is matched against the class's @Consumes too
        given().auth().oauth2(filed.producerToken()).contentType("text/plain").body("bitte")
                .delete("/api/v1/applications/" + filed.applicationId() + "/documents/" + UUID.randomUUID())
                .then().statusCode(415).contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        as(filed.producerToken()).get(url.replace("/submit", "")).then().body("status", equalTo("DRAFT"));

        // Both answers are in the document (the response validation of these tests checks the status too).
        for (String operation : List.of("'/api/v1/applications/{id}/submit'.post", "'/api/v1/applications/{id}/documents/{documentId}'.delete")) {
            given().accept("application/json").get("/q/openapi").then().statusCode(200)
                    .body("paths." + operation + ".responses.'415'.description", org.hamcrest.Matchers.startsWith("UNSUPPORTED_MEDIA_TYPE"))
                    .body("paths." + operation + ".responses.'415'.content.'application/problem+json'.schema.'$ref'",
                            equalTo("#/components/schemas/Problem"));
        }
    }

    @Test
    void aContentTypeOnARequestWithoutABodyIsIgnored() {
        Filed filed = draft("FIRST_RATING");
        // the class's @Consumes(JSON) once made these GETs an undocumented 415
        given().auth().oauth2(filed.producerToken()).contentType("text/plain")
                .get("/api/v1/applications/" + filed.applicationId()).then().statusCode(200).body("status", equalTo("DRAFT"));
        given().auth().oauth2(PROVINCE).contentType("text/plain").get("/api/v1/producers")
                .then().statusCode(200).contentType("application/json");
    }

    // --- helpers

    private Filed product() {
        String producerId = RegistryTestSupport.registerProducer(PROVINCE, "HTX Hồ sơ", "51");
        String productId = as(PROVINCE).body(RegistryTestSupport.product(producerId, "Tỏi Lý Sơn")).post("/api/v1/products")
                .then().statusCode(201).extract().path("id");
        return new Filed(Tokens.producer(UUID.fromString(producerId)), productId, null);
    }

    private Filed draft(String kind) {
        Filed p = product();
        String id = as(p.producerToken()).body(createBody(p.productId(), kind)).post("/api/v1/applications")
                .then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        return new Filed(p.producerToken(), p.productId(), id);
    }

    private static String uploadAll(String producer, String url, String kind) {
        String last = null;
        for (String type : List.of("REGISTRATION_FORM", "SELF_ASSESSMENT_REPORT", "BUSINESS_REGISTRATION", "QUALITY_DECLARATION")) {
            last = given().auth().oauth2(producer).contentType("application/pdf").body(PDF)
                    .post(url + "/documents?type=" + type + "&fileName=" + type.toLowerCase() + ".pdf")
                    .then().statusCode(201).extract().path("id");
        }
        return last;
    }

    private static String certify(String productId, LocalDate validUntil) {
        String number = "CERT-" + UUID.randomUUID();
        LocalDate issuedOn = validUntil.minusMonths(36).plusDays(1);
        KafkaTestClient.publish(new CertificateIssued(UUID.randomUUID(), number, UUID.fromString(productId), "51-21040-1-2026",
                UUID.randomUUID(), "51", 4, issuedOn, validUntil, "QD26-2026", UUID.randomUUID(), "1/QĐ-UBND", null,
                Instant.now()), UUID.randomUUID().toString());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/api/v1/public/certificates/" + number).statusCode() == 200);
        return number;
    }

    private static Map<String, Object> createBody(String productId, String kind) {
        return Map.of("productId", productId, "kind", kind, "form01", form01(), "form02", form02());
    }

    private static Map<String, Object> form01() {
        return Map.of("unitName", "HTX Tỏi Lý Sơn", "legalRepresentative", "Trương Thị Hoa", "representativeTitle", "Giám đốc",
                "address", "Thôn Đông, Lý Sơn", "phone", "0255 3867 215", "email", "htx@example.org",
                "productName", "Tỏi Lý Sơn", "productGroup", "Thực phẩm / Gia vị", "sampleCount", 5);
    }

    private static Map<String, Object> form02() {
        return Map.of("selfScores", List.of(Map.of("criterionCode", "A.1.1", "score", 3), Map.of("criterionCode", "B.4.1", "score", 2.5)),
                "evidence", List.of(Map.of("criterionCode", "A.1.1", "description", "Hợp đồng liên kết vùng nguyên liệu")),
                "businessResults", "Doanh thu 2025: 2 tỷ đồng");
    }

    private static Map<String, Object> review(int samples) {
        return Map.of("form03", Map.of("localRawMaterials", "100% tỏi trồng tại Lý Sơn", "localLabour", "45 lao động địa phương",
                "ideaOrigin", "Ý tưởng của HTX", "localIdentity", "Chỉ dẫn địa lý Lý Sơn", "recommendation", "Đề nghị đánh giá"),
                "samplesReceived", samples);
    }
}
