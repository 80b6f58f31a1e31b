package vn.ocop.evaluation.certificateimport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static vn.ocop.evaluation.EvaluationTestSupport.as;
import static vn.ocop.evaluation.EvaluationTestSupport.best;
import static vn.ocop.evaluation.EvaluationTestSupport.rate;
import static vn.ocop.evaluation.EvaluationTestSupport.soloCouncil;
import static vn.ocop.evaluation.EvaluationTestSupport.submitApplication;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.ocop.events.EventJson;
import vn.ocop.events.Topics;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.Tokens;
import vn.ocop.testkit.OcopTestResource;

/** Certificates issued before the system come in by import, row by row, and then live like issued ones. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class CertificateImportTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    static final String HEADER = "productCode,certificateNumber,stars,level,provinceCode,decisionNumber,decidedOn,validUntil,"
            + "criteriaInstrument,score,issuedOn\n";

    /** A product registered in the registry, known here once its ProductRegistered has come through the broker. */
    static ProductRegistered product(String province) {
        String code = province + "-21548-" + UUID.randomUUID().toString().substring(0, 6) + "-2024";
        ProductRegistered event = new ProductRegistered(UUID.randomUUID(), code, "Tỏi Lý Sơn " + code, 10, UUID.randomUUID(),
                province, "21548", Instant.parse("2024-01-10T01:00:00Z"));
        KafkaTestClient.publish(event, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Tokens.centralOfficer())
                .get("/api/v1/products/" + event.productId()).then().statusCode(200));
        return event;
    }

    static String number(String suffix) {
        return UUID.randomUUID().toString().substring(0, 5) + "/" + suffix;
    }

    /** Uploads a file and waits for its job to finish; returns the job. */
    static JsonPath importFile(String token, String mediaType, String body) {
        String id = given().auth().oauth2(token).contentType(mediaType + "; charset=UTF-8")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/certificate-imports").then().statusCode(202).body("status", equalTo("QUEUED"))
                .extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(token).get("/api/v1/certificate-imports/" + id)
                .then().statusCode(200).body("status", equalTo("COMPLETED")));
        return as(token).get("/api/v1/certificate-imports/" + id).then().extract().jsonPath();
    }

    static JsonPath rows(String token, String jobId) {
        return as(token).queryParam("size", 100).get("/api/v1/certificate-imports/" + jobId + "/rows").then().statusCode(200)
                .extract().jsonPath();
    }

    static List<ConsumerRecord<String, String>> issuedEvents(UUID productId) {
        return KafkaTestClient.readAll(Topics.EVALUATION, r -> productId.toString().equals(r.key())
                && "CertificateIssued".equals(KafkaTestClient.header(r, "ce_type")));
    }

    @Test
    void aMixedFileBringsInTheGoodRowsReportsEachBadOneAndChangesNothingWhenSentAgain() {
        String central = Tokens.centralOfficer();
        ProductRegistered garlic = product("51");
        ProductRegistered sauce = product("51");
        ProductRegistered honey = product("51");
        ProductRegistered onion = product("51");
        String migrated = number("QĐ-UBND");
        String defaulted = number("GCN-OCOP");
        String fiveStars = number("QĐ-BNN-VPĐP");
        String csv = HEADER
                // 1: 4★ from former Kon Tum (62, now 51), with a stated end date
                + garlic.productCode() + "," + migrated + ",4,PROVINCE,62,1077/QĐ-UBND,2023-03-15,2026-12-31,148/QĐ-TTg,78.50,\n"
                // 2: 3★ without end date: 36 months from the decision
                + sauce.productCode() + ",\"" + defaulted + "\",3,PROVINCE,51,88/QĐ-UBND,2024-05-02,,148/QĐ-TTg,,\n"
                // 3: a column nobody reads
                + honey.productCode() + "," + number("x") + ",3,PROVINCE,51,1/QĐ-UBND,2024-05-02,,148/QĐ-TTg,,2024-05-02\n"
                // 4: no such product
                + "51-99999-1-2019," + number("x") + ",3,PROVINCE,51,1/QĐ-UBND,2024-05-02,,148/QĐ-TTg,,\n"
                // 5: 6 stars
                + honey.productCode() + "," + number("x") + ",6,CENTRAL,,1/QĐ-BNN,2024-05-02,,148/QĐ-TTg,,\n"
                // 6: 5★ at province level
                + honey.productCode() + "," + fiveStars + ",5,PROVINCE,51,1/QĐ-UBND,2024-05-02,,148/QĐ-TTg,,\n"
                // 7: ends before its decision
                + honey.productCode() + "," + number("x") + ",3,PROVINCE,51,1/QĐ-UBND,2024-05-02,2024-05-01,148/QĐ-TTg,,\n"
                // 8: the number of row 1 with other content
                + onion.productCode() + "," + migrated + ",4,PROVINCE,51,1077/QĐ-UBND,2023-03-15,2026-12-31,148/QĐ-TTg,78.50,\n"
                // 9: a 5★ at central level, the Ministry's decision
                + onion.productCode() + "," + fiveStars + ",5,CENTRAL,,2219/QĐ-BNN-VPĐP,2023-06-20,,148/QĐ-TTg,92,\n";

        JsonPath job = importFile(central, "text/csv", csv);

        assertThat(job.getInt("totalRows")).isEqualTo(9);
        assertThat(job.getInt("created")).isEqualTo(3);
        assertThat(job.getInt("failed")).isEqualTo(6);
        JsonPath rows = rows(central, job.getString("id"));
        assertThat(rows.getList("items.outcome")).containsExactly("CREATED", "CREATED", "FAILED", "FAILED", "FAILED", "FAILED",
                "FAILED", "FAILED", "CREATED");
        assertThat(rows.getString("items[2].errors[0].field")).isEqualTo("issuedOn");
        assertThat(rows.getString("items[2].errors[0].reason")).startsWith("unknown column");
        assertThat(rows.getString("items[3].errors[0].field")).isEqualTo("productCode");
        assertThat(rows.getString("items[4].errors[0].field")).isEqualTo("stars");
        assertThat(rows.getString("items[5].errors[0].field")).isEqualTo("level");
        assertThat(rows.getString("items[6].errors[0].field")).isEqualTo("validUntil");
        assertThat(rows.getString("items[7].errors[0].field")).isEqualTo("certificateNumber");
        assertThat(rows.getString("items[7].errors[0].reason")).contains("different product");
        // Nothing was written for a failed row: honey has no certificate.
        as(central).queryParam("productId", honey.productId().toString()).get("/api/v1/certificates")
                .then().statusCode(200).body("total", equalTo(0));

        // The original number finds the certificate, whatever its case; it keeps its stated dates.
        as(central).queryParam("number", migrated.toLowerCase()).get("/api/v1/certificates").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].number", equalTo(migrated))
                .body("items[0].migrated", equalTo(true)).body("items[0].decisionNumber", equalTo("1077/QĐ-UBND"))
                .body("items[0].provinceCode", equalTo("51")).body("items[0].issuedOn", equalTo("2023-03-15"))
                .body("items[0].validUntil", equalTo("2026-12-31")).body("items[0].criteriaSetId", equalTo("148/QĐ-TTg"))
                .body("items[0].resultId", nullValue()).body("items[0].status", equalTo("ACTIVE"));
        as(central).queryParam("number", defaulted).get("/api/v1/certificates").then().statusCode(200)
                .body("items[0].validUntil", equalTo("2027-05-02"));
        // Each is announced as migrated, with its original number and no result.
        List<ConsumerRecord<String, String>> events = KafkaTestClient.awaitRecords(Topics.EVALUATION,
                r -> garlic.productId().toString().equals(r.key()) && "CertificateIssued".equals(KafkaTestClient.header(r, "ce_type")),
                1, Duration.ofSeconds(30));
        CertificateIssued issued = EventJson.read(events.get(0).value(), CertificateIssued.class);
        assertThat(issued.migrated()).isTrue();
        assertThat(issued.certificateNumber()).isEqualTo(migrated);
        assertThat(issued.resultId()).isNull();
        assertThat(issued.decisionNumber()).isEqualTo("1077/QĐ-UBND");
        assertThat(issued.validUntil()).isEqualTo(LocalDate.of(2026, 12, 31));

        // The same file again: the certificates are UNCHANGED, the bad rows still fail, no new event.
        JsonPath again = importFile(central, "text/csv", csv);

        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(3);
        assertThat(again.getInt("failed")).isEqualTo(6);
        assertThat(rows(central, again.getString("id")).getList("items.outcome")).containsExactly("UNCHANGED", "UNCHANGED",
                "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "UNCHANGED");
        assertThat(issuedEvents(garlic.productId())).hasSize(1);
        as(central).queryParam("productId", garlic.productId().toString()).get("/api/v1/certificates")
                .then().body("total", equalTo(1));
    }

    @Test
    void aProvinceOfficerBringsInOnlyTheThreeAndFourStarCertificatesOfTheirProvince() {
        ProductRegistered own = product("51");
        ProductRegistered ownFiveStars = product("51");
        ProductRegistered elsewhere = product("38");
        String ndjson = String.join("\n",
                row(own, number("QĐ-UBND"), 4, "PROVINCE", "51"),
                row(ownFiveStars, number("QĐ-BNN"), 5, "CENTRAL", null),
                row(elsewhere, number("QĐ-UBND"), 3, "PROVINCE", "38"),
                row(own, number("QĐ-UBND"), 3, "PROVINCE", "38"));
        String officer = Tokens.provinceOfficer("51");

        JsonPath job = importFile(officer, "application/x-ndjson", ndjson);

        JsonPath rows = rows(officer, job.getString("id"));
        assertThat(rows.getList("items.outcome")).containsExactly("CREATED", "FAILED", "FAILED", "FAILED");
        assertThat(rows.getString("items[1].errors[0].field")).isEqualTo("level");
        assertThat(rows.getString("items[2].errors[0].reason")).contains("may import certificates of province 51");
        assertThat(rows.getString("items[3].errors[0].reason")).contains("is in province 51, not 38");
        as(Tokens.provinceOfficer("38")).get("/api/v1/certificate-imports/" + job.getString("id"))
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(Tokens.producer(own.producerId())).contentType("text/csv").body(HEADER)
                .post("/api/v1/certificate-imports").then().statusCode(403);
        given().auth().oauth2(officer).contentType("application/json").body("[]")
                .post("/api/v1/certificate-imports").then().statusCode(415);
        given().auth().oauth2(officer).contentType("text/csv").body(HEADER)
                .post("/api/v1/certificate-imports").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void aNumberIssuedHereCannotBeMigratedAndALaterMigratedCertificateSupersedesAnOlderOne() {
        String officer = Tokens.provinceOfficer("51");
        String[] council = soloCouncil("51");
        UUID producer = UUID.randomUUID();
        String code = "51-21548-" + UUID.randomUUID().toString().substring(0, 6) + "-2026";
        UUID rated = submitApplication("51", producer, code).productId();
        String result = rate(council, officer, rated, best("10.1", "10.1.b"));
        String nativeNumber = as(officer).body(Map.of("decisionNumber", number("QĐ-UBND"), "decidedOn", TODAY.toString(),
                "resultIds", List.of(result))).post("/api/v1/recognitions").then().statusCode(201)
                .extract().path("certificates[0].number");
        ProductRegistered product = product("51");
        String older = number("QĐ-UBND");
        String newer = number("QĐ-UBND");
        String ndjson = String.join("\n",
                row(product, nativeNumber, 4, "PROVINCE", "51"),
                row(product, older, 3, "PROVINCE", "51").replace("2023-03-15", "2020-01-10").replace("148/QĐ-TTg", "1048/QĐ-TTg"),
                row(product, newer, 4, "PROVINCE", "51"));

        JsonPath job = importFile(officer, "application/x-ndjson", ndjson);

        JsonPath rows = rows(officer, job.getString("id"));
        assertThat(rows.getList("items.outcome")).containsExactly("FAILED", "CREATED", "CREATED");
        assertThat(rows.getString("items[0].errors[0].reason")).contains("issued by a recognition decision of this system");
        as(officer).queryParam("productId", product.productId().toString()).queryParam("status", "ACTIVE")
                .get("/api/v1/certificates").then().body("items.number", contains(newer))
                .body("items[0].supersedesId", equalTo(rows.getString("items[1].certificateId")));
    }

    private static String row(ProductRegistered product, String number, int stars, String level, String province) {
        return "{\"productId\":\"" + product.productId() + "\",\"certificateNumber\":\"" + number + "\",\"stars\":" + stars
                + ",\"level\":\"" + level + "\"" + (province == null ? "" : ",\"provinceCode\":\"" + province + "\"")
                + ",\"decisionNumber\":\"" + number + "\",\"decidedOn\":\"2023-03-15\",\"criteriaInstrument\":\"148/QĐ-TTg\"}";
    }
}
