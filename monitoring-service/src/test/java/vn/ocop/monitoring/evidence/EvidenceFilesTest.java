package vn.ocop.monitoring.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.ocop.monitoring.MonitoringTestSupport.certificate;
import static vn.ocop.monitoring.MonitoringTestSupport.issue;
import static vn.ocop.monitoring.MonitoringTestSupport.today;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.monitoring.inspection.InspectionTestData;
import vn.ocop.testkit.Tokens;
import vn.ocop.testkit.OcopTestResource;

/**
 * Evidence files on inspection findings and the photo of a complaint: type sniffing, size limit (262144 bytes in
 * tests), SHA-256, and who may download what.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class EvidenceFilesTest {
    static final String INSPECTOR_51 = Tokens.of("inspector-51@ocop.gov.vn", "inspector").claim("province", "51").mint();
    static final String INSPECTOR_46 = Tokens.of("inspector-46@ocop.gov.vn", "inspector").claim("province", "46").mint();
    static final byte[] JPEG = bytes(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}, 2000);
    static final byte[] PDF = bytes("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 3000);
    static final byte[] PNG = bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 1500);

    @Test
    void inspectorsAttachEvidenceToFindingsAndTheProvinceDownloadsItWithItsChecksum() {
        ProductRegistered product = InspectionTestData.product("51");
        issue(certificate(product.productId(), product.producerId(), "51", 4, today().minusMonths(5), null));
        String id = given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON)
                .body(Map.of("productId", product.productId(), "inspector", "Trần Văn Nam", "inspectedOn", today().toString()))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        String base = "/api/v1/inspections/" + id + "/evidence";

        String fileId = given().auth().oauth2(INSPECTOR_51).contentType("image/jpeg").queryParam("fileName", "nhãn sai sao.jpg")
                .queryParam("finding", 0).body(JPEG).post(base).then().statusCode(201)
                .body("sha256", equalTo(sha256(JPEG)))
                .body("sizeBytes", equalTo(JPEG.length))
                .body("finding", equalTo(0))
                .body("uploadedBy", equalTo("inspector-51@ocop.gov.vn"))
                .extract().path("id");
        given().auth().oauth2(INSPECTOR_51).contentType("application/pdf").queryParam("fileName", "phieu-kiem-nghiem.pdf")
                .body(PDF).post(base).then().statusCode(201).body("finding", equalTo(null));

        // A PNG declared as a JPEG, a text file, an empty and an oversize file: refused, nothing stored.
        given().auth().oauth2(INSPECTOR_51).contentType("image/jpeg").body(PNG).post(base).then().statusCode(415)
                .body("code", equalTo("UNSUPPORTED_FILE_TYPE"));
        given().auth().oauth2(INSPECTOR_51).contentType("text/plain").body("not evidence").post(base).then().statusCode(415);
        given().auth().oauth2(INSPECTOR_51).contentType("image/png").body(new byte[0]).post(base).then().statusCode(400);
        given().auth().oauth2(INSPECTOR_51).contentType("image/png").body(bytes(PNG, 262_145)).post(base).then().statusCode(413)
                .body("code", equalTo("FILE_TOO_LARGE"));
        given().auth().oauth2(INSPECTOR_51).contentType("image/png").queryParam("finding", -1).body(PNG).post(base)
                .then().statusCode(400).body("violations[0].field", equalTo("finding"));
        // Another province's inspector may neither add nor read: to them the inspection does not exist.
        given().auth().oauth2(INSPECTOR_46).contentType("image/png").body(PNG).post(base).then().statusCode(404);
        given().auth().oauth2(INSPECTOR_46).get(base).then().statusCode(404);
        given().auth().oauth2(Tokens.producer(product.producerId())).get(base).then().statusCode(403);

        given().auth().oauth2(Tokens.provinceOfficer("51")).get(base).then().statusCode(200).body("$", hasSize(2))
                .body("fileName", org.hamcrest.Matchers.contains("nhãn sai sao.jpg", "phieu-kiem-nghiem.pdf"));
        Response download = given().auth().oauth2(Tokens.centralOfficer()).get(base + "/" + fileId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("image/jpeg");
        assertThat(download.asByteArray()).isEqualTo(JPEG);
        assertThat(download.header("ETag")).isEqualTo("\"" + sha256(JPEG) + "\"");
        assertThat(download.header("Repr-Digest")).isEqualTo("sha-256=:" + Base64.getEncoder()
                .encodeToString(HexFormat.of().parseHex(sha256(JPEG))) + ":");
        assertThat(download.header("Content-Disposition")).contains("nh%C3%A3n%20sai%20sao.jpg");
        given().auth().oauth2(INSPECTOR_46).get(base + "/" + fileId).then().statusCode(404);
        given().auth().oauth2(INSPECTOR_51).get(base + "/" + UUID.randomUUID()).then().statusCode(404);

        // Once the inspection recorded its single finding, evidence can only point at finding 0.
        Map<String, Object> completion = new java.util.HashMap<>();
        completion.put("checklist", Map.of("criteriaStillMet", true, "markUseProper", true, "labelMatches", false,
                "foodSafetyOk", true, "productionActive", true));
        completion.put("findings", java.util.List.of(Map.of("description", "Nhãn ghi 4 sao", "severity", "MAJOR")));
        completion.put("labResults", java.util.List.of());
        completion.put("outcome", "CORRECTIVE_ACTION");
        completion.put("correctiveDeadline", today().plusDays(30).toString());
        given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(completion)
                .post("/api/v1/inspections/" + id + "/completion").then().statusCode(200);
        given().auth().oauth2(INSPECTOR_51).contentType("image/png").queryParam("finding", 1).body(PNG).post(base)
                .then().statusCode(400).body("violations[0].field", equalTo("finding"));
        given().auth().oauth2(INSPECTOR_51).contentType("image/png").queryParam("finding", 0).body(PNG).post(base)
                .then().statusCode(201);
    }

    @Test
    void theComplainantAddsOnePhotoAtIntakeAndOnlyTheProvinceSeesIt() {
        ProductRegistered product = InspectionTestData.product("51");
        String caseNumber = given().contentType(ContentType.JSON)
                .body(Map.of("productCode", product.productCode(), "description", "Tỏi bị mốc"))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("caseNumber");
        String photo = "/api/v1/complaints/" + caseNumber + "/photo";

        given().contentType("application/pdf").body(PDF).post(photo).then().statusCode(415);
        given().contentType("image/jpeg").body(PNG).post(photo).then().statusCode(415);
        given().contentType("image/jpeg").body(bytes(JPEG, 262_145)).post(photo).then().statusCode(413);
        given().contentType("image/jpeg").queryParam("fileName", "goi-toi.jpg").body(JPEG).post(photo).then().statusCode(201)
                .body("sha256", equalTo(sha256(JPEG))).body("uploadedBy", equalTo("complainant"));
        given().contentType("image/png").body(PNG).post(photo).then().statusCode(409).body("code", equalTo("PHOTO_EXISTS"));
        given().contentType("image/png").body(PNG).post("/api/v1/complaints/KN-2026-000000-ZZZZ/photo").then().statusCode(404);

        given().get(photo).then().statusCode(401);
        given().auth().oauth2(INSPECTOR_46).get(photo).then().statusCode(404);
        given().auth().oauth2(Tokens.centralOfficer()).get(photo).then().statusCode(403);
        given().auth().oauth2(Tokens.of("auditor", "auditor").mint()).get(photo).then().statusCode(403);
        Response download = given().auth().oauth2(INSPECTOR_51).get(photo);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.asByteArray()).isEqualTo(JPEG);
        assertThat(download.header("ETag")).isEqualTo("\"" + sha256(JPEG) + "\"");
        given().auth().oauth2(Tokens.provinceOfficer("51")).get(photo).then().statusCode(200);

        // After triage the intake is over: a photo can no longer be added to a case without one.
        String other = given().contentType(ContentType.JSON)
                .body(Map.of("productCode", product.productCode(), "description", "Bao bì rách"))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("caseNumber");
        given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("status", "UNDER_REVIEW", "note", "Đang xem xét"))
                .post("/api/v1/complaints/" + other + "/triage").then().statusCode(200);
        given().contentType("image/jpeg").body(JPEG).post("/api/v1/complaints/" + other + "/photo").then().statusCode(409)
                .body("code", equalTo("COMPLAINT_NOT_AT_INTAKE"));
        given().auth().oauth2(INSPECTOR_51).get("/api/v1/complaints/" + other + "/photo").then().statusCode(404);
    }

    @Test
    void evidenceAndPhotosAlsoArriveAsAMultipartFilePartTypedByTheirContent() {
        ProductRegistered product = InspectionTestData.product("51");
        issue(certificate(product.productId(), product.producerId(), "51", 4, today().minusMonths(5), null));
        String id = given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON)
                .body(Map.of("productId", product.productId(), "inspector", "Trần Văn Nam", "inspectedOn", today().toString()))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        String base = "/api/v1/inspections/" + id + "/evidence";

        // Refused as a raw body would be, with a problem document, and nothing stored: a PNG part labelled JPEG, a part
        // whose content is no PDF, JPEG or PNG, and a form without the file part.
        given().auth().oauth2(INSPECTOR_51).multiPart("file", "nhan.jpg", PNG, "image/jpeg").post(base).then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_FILE_TYPE"));
        given().auth().oauth2(INSPECTOR_51).multiPart("file", "ghi-chu.txt", "not evidence".getBytes(StandardCharsets.UTF_8),
                "application/octet-stream").post(base).then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_FILE_TYPE"));
        given().auth().oauth2(INSPECTOR_51).multiPart("fileName", "nhan.jpg").post(base).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("file"));
        given().auth().oauth2(INSPECTOR_51).get(base).then().statusCode(200).body("$", hasSize(0));

        // What generated clients send: the part labelled application/octet-stream and named after the local file.
        String fileId = given().auth().oauth2(INSPECTOR_51).queryParam("finding", 0)
                .multiPart("file", "nhan-sai-sao.jpg", JPEG, "application/octet-stream").post(base).then().statusCode(201)
                .body("contentType", equalTo("image/jpeg"))
                .body("fileName", equalTo("nhan-sai-sao.jpg"))
                .body("finding", equalTo(0))
                .body("sha256", equalTo(sha256(JPEG)))
                .extract().path("id");
        Response download = given().auth().oauth2(Tokens.provinceOfficer("51")).get(base + "/" + fileId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("image/jpeg");
        assertThat(download.asByteArray()).isEqualTo(JPEG);

        // The anonymous complaint photo: a PDF part is refused even unlabelled; a PNG part is kept under the last segment of
        // the path some clients send as its file name.
        String caseNumber = given().contentType(ContentType.JSON)
                .body(Map.of("productCode", product.productCode(), "description", "Tem OCOP bị làm giả"))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("caseNumber");
        String photo = "/api/v1/complaints/" + caseNumber + "/photo";
        given().multiPart("file", "don.pdf", PDF, "application/octet-stream").post(photo).then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_FILE_TYPE"));
        given().auth().oauth2(INSPECTOR_51).get(photo).then().statusCode(404);
        given().multiPart("file", "Anh/cua-hang.png", PNG, "image/png").post(photo).then().statusCode(201)
                .body("contentType", equalTo("image/png"))
                .body("fileName", equalTo("cua-hang.png"))
                .body("uploadedBy", equalTo("complainant"));
        assertThat(given().auth().oauth2(INSPECTOR_51).get(photo).then().statusCode(200).extract().asByteArray()).isEqualTo(PNG);
    }

    static byte[] bytes(byte[] prefix, int size) {
        byte[] content = Arrays.copyOf(prefix, size);
        for (int i = prefix.length; i < size; i++) {
            content[i] = (byte) (i * 31);
        }
        return content;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
