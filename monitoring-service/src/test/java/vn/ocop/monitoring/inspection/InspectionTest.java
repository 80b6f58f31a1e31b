package vn.ocop.monitoring.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.ocop.monitoring.MonitoringTestSupport.CENTRAL;
import static vn.ocop.monitoring.MonitoringTestSupport.certificate;
import static vn.ocop.monitoring.MonitoringTestSupport.issue;
import static vn.ocop.monitoring.MonitoringTestSupport.publish;
import static vn.ocop.monitoring.MonitoringTestSupport.today;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ocop.events.Topics;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class InspectionTest {
    static final String INSPECTOR_51 = Tokens.of("inspector-51@ocop.gov.vn", "inspector").claim("province", "51").mint();

    @Test
    void aPlannedInspectionIsCompletedOnceWithItsChecklistAndAnnounced() {
        ProductRegistered product = InspectionTestData.product("51");
        CertificateIssued certificate = issue(certificate(product.productId(), product.producerId(), "51", 4, today().minusMonths(6), null));

        given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON)
                .body(plan("51", List.of(product.productId(), UUID.randomUUID())))
                .post("/api/v1/inspection-plans").then().statusCode(422)
                .body("code", equalTo("UNKNOWN_PRODUCTS")).body("violations.field", contains("productIds[1]"));
        String planId = given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON)
                .body(plan("51", List.of(product.productId())))
                .post("/api/v1/inspection-plans").then().statusCode(201).extract().path("id");

        given().auth().oauth2(INSPECTOR_51).queryParam("kind", "PERIODIC").queryParam("size", "200")
                .get("/api/v1/inspection-plans").then().statusCode(200).body("items.id", hasItem(planId));
        given().auth().oauth2(Tokens.provinceOfficer("46")).get("/api/v1/inspection-plans/" + planId).then().statusCode(404);
        given().auth().oauth2(Tokens.provinceOfficer("46")).queryParam("size", "200")
                .get("/api/v1/inspection-plans").then().statusCode(200).body("items.id", not(hasItem(planId)));

        given().auth().oauth2(Tokens.of("inspector-46", "inspector").claim("province", "46").mint()).contentType(ContentType.JSON)
                .body(Map.of("productId", product.productId(), "inspector", "Lê Văn B", "inspectedOn", today().toString()))
                .post("/api/v1/inspections").then().statusCode(403);
        String id = given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON)
                .body(Map.of("productId", product.productId(), "planId", planId, "inspector", "Trần Văn Nam",
                        "inspectedOn", today().minusDays(1).toString()))
                .post("/api/v1/inspections").then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("OPEN"))
                .body("certificateId", equalTo(certificate.certificateId().toString()))
                .extract().path("id");

        Map<String, Object> corrective = completion("CORRECTIVE_ACTION", false);
        corrective.put("correctiveDeadline", today().plusDays(30).toString());
        given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON).body(corrective)
                .post("/api/v1/inspections/" + id + "/completion").then().statusCode(428);
        given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(corrective)
                .post("/api/v1/inspections/" + id + "/completion").then().statusCode(412);
        given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(completion("COMPLIANT", false))
                .post("/api/v1/inspections/" + id + "/completion").then().statusCode(422)
                .body("code", equalTo("OUTCOME_CONTRADICTS_CHECKLIST"));
        given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(completion("CORRECTIVE_ACTION", false))
                .post("/api/v1/inspections/" + id + "/completion").then().statusCode(400)
                .body("violations[0].field", equalTo("correctiveDeadline"));
        given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(corrective)
                .post("/api/v1/inspections/" + id + "/completion").then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("checklist.labelMatches", equalTo(false))
                .body("findings[0].severity", equalTo("MAJOR"))
                .body("labResults[0].parameter", equalTo("Coliforms"));
        given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(corrective)
                .post("/api/v1/inspections/" + id + "/completion").then().statusCode(409)
                .body("code", equalTo("INSPECTION_COMPLETED"));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.awaitRecords(Topics.MONITORING,
                r -> ("inspection/" + id).equals(KafkaTestClient.header(r, "ce_subject")), 1, Duration.ofSeconds(30));
        assertThat(events).singleElement().satisfies(r -> {
            assertThat(KafkaTestClient.header(r, "ce_type")).isEqualTo("InspectionCompleted");
            assertThat(r.value()).contains("\"outcome\":\"CORRECTIVE_ACTION\"");
            assertThat(r.key()).isEqualTo(product.productId().toString());
        });
    }

    @Test
    void aRevocationProposalWithoutDecisionAfterFifteenDaysIsOverdueUntilDecided() {
        ProductRegistered product = InspectionTestData.product("51");
        CertificateIssued certificate = issue(certificate(product.productId(), product.producerId(), "51", 3, today().minusMonths(9), null));
        String id = given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON)
                .body(Map.of("productId", product.productId(), "inspector", "Trần Văn Nam", "inspectedOn", today().minusDays(25).toString()))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        Map<String, Object> proposal = completion("REVOCATION_PROPOSED", false);
        proposal.put("proposedGround", "CRITERIA_NO_LONGER_MET");
        proposal.put("concludedOn", today().minusDays(20).toString());
        given().auth().oauth2(INSPECTOR_51).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(proposal)
                .post("/api/v1/inspections/" + id + "/completion").then().statusCode(200)
                .body("revocationDeadline", equalTo(today().minusDays(5).toString()));

        given().auth().oauth2(Tokens.provinceOfficer("51")).queryParam("revocationOverdue", "true").queryParam("size", "200")
                .get("/api/v1/inspections").then().statusCode(200).body("items.id", hasItem(id));

        // The decision names only the inspection: its conclusion date is the finding date, so the decision is late.
        Map<String, Object> decision = new HashMap<>();
        decision.put("certificateNumbers", List.of(certificate.certificateNumber()));
        decision.put("ground", "CRITERIA_NO_LONGER_MET");
        decision.put("decisionNumber", UUID.randomUUID().toString().substring(0, 6) + "/QĐ-UBND");
        decision.put("decidedOn", today().toString());
        decision.put("inspectionId", id);
        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON).body(decision)
                .post("/api/v1/revocations").then().statusCode(201)
                .body("findingOn", equalTo(today().minusDays(20).toString()))
                .body("decidedLate", equalTo(true));
        given().auth().oauth2(Tokens.provinceOfficer("51")).queryParam("revocationOverdue", "true").queryParam("size", "200")
                .get("/api/v1/inspections").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    static Map<String, Object> plan(String province, List<UUID> products) {
        return Map.of("provinceCode", province, "kind", "PERIODIC", "title", "Hậu kiểm 6 tháng cuối năm",
                "periodFrom", today().minusDays(30).toString(), "periodTo", today().plusDays(60).toString(),
                "productIds", products);
    }

    static Map<String, Object> completion(String outcome, boolean labelMatches) {
        Map<String, Object> body = new HashMap<>();
        body.put("checklist", Map.of("criteriaStillMet", true, "markUseProper", true, "labelMatches", labelMatches,
                "foodSafetyOk", true, "productionActive", true));
        body.put("findings", List.of(Map.of("description", "Nhãn ghi 4 sao, sản phẩm được công nhận 3 sao", "severity", "MAJOR")));
        body.put("labResults", List.of(Map.of("parameter", "Coliforms", "result", "12 CFU/g", "withinLimit", true)));
        body.put("outcome", outcome);
        return body;
    }
}
