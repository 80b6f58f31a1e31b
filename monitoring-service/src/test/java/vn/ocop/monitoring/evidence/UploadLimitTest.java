package vn.ocop.monitoring.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.monitoring.MonitoringTestSupport.certificate;
import static vn.ocop.monitoring.MonitoringTestSupport.issue;
import static vn.ocop.monitoring.MonitoringTestSupport.today;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.monitoring.inspection.InspectionTestData;
import vn.ocop.testkit.ChunkedUpload;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * Each upload holds its file limit (ocop.monitoring.evidence.max-bytes, 262144 bytes in tests) whether the client
 * declares the length or streams the file chunked, raw or as a multipart part: one byte over is 413 FILE_TOO_LARGE
 * and nothing is stored; a file of exactly the limit is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class UploadLimitTest {
    private static final int LIMIT = 262_144;
    private static final byte[] JPEG_HEAD = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};
    private static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void aComplaintPhotoOverTheLimitIsRefusedDeclaredOrChunkedAndOneAtTheLimitIsKept() {
        ProductRegistered product = InspectionTestData.product("51");
        String caseNumber = given().contentType(ContentType.JSON)
                .body(Map.of("productCode", product.productCode(), "description", "Ảnh quá lớn"))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("caseNumber");
        String photo = "/api/v1/complaints/" + caseNumber + "/photo";
        byte[] over = EvidenceFilesTest.bytes(JPEG_HEAD, LIMIT + 1);

        given().contentType("image/jpeg").body(over).post(photo).then().statusCode(413).body("code", equalTo("FILE_TOO_LARGE"));
        given().multiPart("file", "anh.jpg", over, "image/jpeg").post(photo).then().statusCode(413)
                .body("code", equalTo("FILE_TOO_LARGE"));
        given().multiPart("file", "anh.jpg", EvidenceFilesTest.bytes(JPEG_HEAD, LIMIT + 70_000), "image/jpeg").post(photo)
                .then().statusCode(413).body("code", equalTo("FILE_TOO_LARGE"));
        assertRefused(ChunkedUpload.post(photo, null, "image/jpeg", over));
        assertRefused(ChunkedUpload.postFilePart(photo, null, "anh.jpg", "image/jpeg", over));
        // Far beyond the service's own bound too: still the operation's problem document, not a bare answer.
        assertRefused(ChunkedUpload.post(photo, null, "image/jpeg", EvidenceFilesTest.bytes(JPEG_HEAD, 11 * 1024 * 1024)));
        given().auth().oauth2(Tokens.provinceOfficer("51")).get(photo).then().statusCode(404);

        HttpResponse<String> kept = ChunkedUpload.post(photo + "?fileName=anh.jpg", null, "image/jpeg", EvidenceFilesTest.bytes(JPEG_HEAD, LIMIT));
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
        assertThat(kept.body()).contains("\"sizeBytes\":" + LIMIT);
    }

    @Test
    void inspectionEvidenceOverTheLimitIsRefusedChunkedRawOrAsAPartAndFilesAtTheLimitAreKept() {
        String inspector = Tokens.of("inspector-51@ocop.gov.vn", "inspector").claim("province", "51").mint();
        ProductRegistered product = InspectionTestData.product("51");
        issue(certificate(product.productId(), product.producerId(), "51", 4, today().minusMonths(5), null));
        String id = given().auth().oauth2(inspector).contentType(ContentType.JSON)
                .body(Map.of("productId", product.productId(), "inspector", "Trần Văn Nam", "inspectedOn", today().toString()))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        String evidence = "/api/v1/inspections/" + id + "/evidence";
        byte[] over = EvidenceFilesTest.bytes(PNG_HEAD, LIMIT + 1);

        assertRefused(ChunkedUpload.post(evidence, inspector, "image/png", over));
        assertRefused(ChunkedUpload.postFilePart(evidence, inspector, "bang.png", "image/png", over));
        given().auth().oauth2(inspector).get(evidence).then().statusCode(200).body("size()", equalTo(0));

        given().auth().oauth2(inspector).contentType("image/png").queryParam("fileName", "khai-bao.png")
                .body(EvidenceFilesTest.bytes(PNG_HEAD, LIMIT)).post(evidence).then().statusCode(201);
        HttpResponse<String> part = ChunkedUpload.postFilePart(evidence, inspector, "bang.png", "image/png",
                EvidenceFilesTest.bytes(PNG_HEAD, LIMIT));
        assertThat(part.statusCode()).as(part.body()).isEqualTo(201);
        given().auth().oauth2(inspector).get(evidence).then().statusCode(200)
                .body("sizeBytes", contains(LIMIT, LIMIT)).body("fileName", contains("khai-bao.png", "bang.png"));
    }

    private static void assertRefused(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"code\":\"FILE_TOO_LARGE\"")
                // stopped by the platform while reading (body) or before reading the part (file), not after storing it
                .contains("this operation accepts at most " + LIMIT + " bytes");
    }
}
