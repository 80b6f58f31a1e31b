package vn.ocop.monitoring.complaint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static vn.ocop.monitoring.MonitoringTestSupport.certificate;
import static vn.ocop.monitoring.MonitoringTestSupport.issue;
import static vn.ocop.monitoring.MonitoringTestSupport.today;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.monitoring.inspection.InspectionTestData;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class ComplaintTest {
    static final String INSPECTOR_51 = Tokens.of("inspector-51@ocop.gov.vn", "inspector").claim("province", "51").mint();

    @Test
    void anyoneFilesAComplaintAndFollowsItWhileTheProvinceTriagesAndInspects() {
        ProductRegistered product = InspectionTestData.product("51");
        CertificateIssued certificate = issue(certificate(product.productId(), product.producerId(), "51", 5, today().minusMonths(3), null));

        String caseNumber = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("productCode", product.productCode(), "description", "Tỏi bị mốc, bao bì ghi OCOP 5 sao",
                        "whereBought", "Chợ Bình Tây", "contact", "0901 234 567"))
                .post("/api/v1/complaints").then().statusCode(201)
                .body("status", equalTo("RECEIVED"))
                .body("caseNumber", matchesPattern("KN-\\d{4}-\\d{6}-[2-9A-Z]{4}"))
                .body("contact", nullValue())
                .extract().path("caseNumber");
        given().get("/api/v1/complaints/" + caseNumber + "/status").then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("contact", nullValue());
        given().contentType(ContentType.JSON)
                .body(Map.of("certificateNumber", "OCOP-51-1999-nothing", "description", "Không rõ nguồn gốc"))
                .post("/api/v1/complaints").then().statusCode(422).body("code", equalTo("UNKNOWN_CERTIFICATE"));
        given().contentType(ContentType.JSON).body(Map.of("description", "Không rõ nguồn gốc"))
                .post("/api/v1/complaints").then().statusCode(400).body("violations[0].field", equalTo("productCode"));

        given().auth().oauth2(INSPECTOR_51).queryParam("status", "RECEIVED").queryParam("size", "200")
                .get("/api/v1/complaints").then().statusCode(200).body("items.caseNumber", hasItem(caseNumber));
        given().auth().oauth2(INSPECTOR_51).get("/api/v1/complaints/" + caseNumber).then().statusCode(200)
                .body("contact", equalTo("0901 234 567"))
                .body("certificateId", equalTo(certificate.certificateId().toString()));
        given().auth().oauth2(Tokens.provinceOfficer("46")).get("/api/v1/complaints/" + caseNumber).then().statusCode(404);

        given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("status", "UNDER_REVIEW", "note", "Chuyển đoàn hậu kiểm"))
                .post("/api/v1/complaints/" + caseNumber + "/triage").then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        given().get("/api/v1/complaints/" + caseNumber + "/status").then().body("status", equalTo("UNDER_REVIEW"));

        String inspectionId = given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON)
                .body(Map.of("inspector", "Trần Văn Nam", "inspectedOn", today().toString()))
                .post("/api/v1/complaints/" + caseNumber + "/inspections").then().statusCode(201)
                .body("complaintId", equalTo(given().auth().oauth2(INSPECTOR_51).get("/api/v1/complaints/" + caseNumber).path("id")))
                .body("productId", equalTo(product.productId().toString()))
                .body("status", equalTo("OPEN"))
                .extract().path("id");
        given().get("/api/v1/complaints/" + caseNumber + "/status").then().body("status", equalTo("INSPECTION_OPENED"));
        given().auth().oauth2(INSPECTOR_51).get("/api/v1/complaints/" + caseNumber).then()
                .body("inspectionId", equalTo(inspectionId));
        given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON)
                .body(Map.of("inspector", "Trần Văn Nam", "inspectedOn", today().toString()))
                .post("/api/v1/complaints/" + caseNumber + "/inspections").then().statusCode(409)
                .body("code", equalTo("COMPLAINT_CLOSED"));
    }
}
