package vn.ocop.monitoring;

import static io.restassured.RestAssured.given;
import static vn.ocop.monitoring.MonitoringTestSupport.CENTRAL;
import static vn.ocop.monitoring.MonitoringTestSupport.certificate;
import static vn.ocop.monitoring.MonitoringTestSupport.issue;
import static vn.ocop.monitoring.MonitoringTestSupport.today;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.monitoring.inspection.InspectionTestData;
import vn.ocop.testkit.Tokens;

/**
 * The records the scope matrix reads and tries to change, in province 04 ("own") and 08 ("other"): products, a
 * certificate, a plan, an open inspection with an evidence file, a completed one proposing revocation, one of 08,
 * a complaint with its photo, a dismissed complaint and a revocation decision.
 */
final class ScopeMatrixFixtures {
    static final String INSPECTOR_04 = Tokens.of("inspector-04@ocop.gov.vn", "inspector").claim("province", "04").mint();
    static final String INSPECTOR_08 = Tokens.of("inspector-08@ocop.gov.vn", "inspector").claim("province", "08").mint();
    static final byte[] PNG = png();

    final String run = UUID.randomUUID().toString().substring(0, 8);
    ProductRegistered product;
    ProductRegistered product2;
    ProductRegistered otherProduct;
    CertificateIssued certificate;
    String plan;
    String openInspection;
    String evidenceFile;
    String proposal;
    String proposalEtag;
    String otherInspection;
    String complaint;
    String dismissedComplaint;
    String revocation;

    static ScopeMatrixFixtures create() {
        ScopeMatrixFixtures f = new ScopeMatrixFixtures();
        f.product = InspectionTestData.product("04");
        f.product2 = InspectionTestData.product("04");
        f.otherProduct = InspectionTestData.product("08");
        f.certificate = issue(certificate(f.product.productId(), f.product.producerId(), "04", 4, today().minusMonths(6), null));
        CertificateIssued toRevoke = issue(certificate("04", 3, today().minusMonths(30)));

        f.plan = post(INSPECTOR_04, "/api/v1/inspection-plans", f.planBody(List.of(f.product.productId()), "Hậu kiểm " + f.run))
                .path("id");
        f.openInspection = post(INSPECTOR_04, "/api/v1/inspections", Map.of("productId", f.product.productId(),
                "planId", f.plan, "inspector", "Trần Văn Nam", "inspectedOn", today().minusDays(1).toString())).path("id");
        f.evidenceFile = given().auth().oauth2(INSPECTOR_04).contentType("image/png").body(PNG)
                .post("/api/v1/inspections/" + f.openInspection + "/evidence").then().statusCode(201).extract().path("id");
        f.proposal = post(INSPECTOR_04, "/api/v1/inspections", Map.of("productId", f.product.productId(),
                "inspector", "Trần Văn Nam", "inspectedOn", today().minusDays(2).toString())).path("id");
        Map<String, Object> proposed = completion("REVOCATION_PROPOSED");
        proposed.put("proposedGround", "CRITERIA_NO_LONGER_MET");
        f.proposalEtag = given().auth().oauth2(INSPECTOR_04).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(proposed).post("/api/v1/inspections/" + f.proposal + "/completion").then().statusCode(200)
                .extract().header("ETag");
        f.otherInspection = post(INSPECTOR_08, "/api/v1/inspections", Map.of("productId", f.otherProduct.productId(),
                "inspector", "Lê Văn B", "inspectedOn", today().minusDays(1).toString())).path("id");

        f.complaint = post(null, "/api/v1/complaints", Map.of("productCode", f.product.productCode(),
                "description", "Mô tả " + f.run, "contact", "0901-" + f.run)).path("caseNumber");
        given().contentType("image/png").body(PNG).post("/api/v1/complaints/" + f.complaint + "/photo").then().statusCode(201);
        f.dismissedComplaint = post(null, "/api/v1/complaints", Map.of("productCode", f.product.productCode(),
                "description", "Không rõ " + f.run)).path("caseNumber");
        given().auth().oauth2(INSPECTOR_04).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("status", "DISMISSED")).post("/api/v1/complaints/" + f.dismissedComplaint + "/triage")
                .then().statusCode(200);

        Map<String, Object> decision = f.revocationBody(today());
        decision.put("certificateNumbers", List.of(toRevoke.certificateNumber()));
        f.revocation = post(Tokens.provinceOfficer("04"), "/api/v1/revocations", decision).path("id");
        return f;
    }

    /** What only those who see the complaint may read. */
    List<String> secrets() {
        return List.of("0901-" + run, "Mô tả " + run);
    }

    Map<String, Object> planBody(List<UUID> products, String title) {
        return Map.of("provinceCode", "04", "kind", "PERIODIC", "title", title,
                "periodFrom", today().minusDays(30).toString(), "periodTo", today().plusDays(60).toString(),
                "productIds", products);
    }

    /** A decision revoking the 4★ certificate of 04, which only 04's officers may revoke. */
    Map<String, Object> revocationBody(LocalDate decidedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("certificateNumbers", List.of(certificate.certificateNumber()));
        body.put("ground", "CRITERIA_NO_LONGER_MET");
        body.put("decisionNumber", UUID.randomUUID().toString().substring(0, 6) + "/QĐ-UBND");
        body.put("decidedOn", decidedOn.toString());
        body.put("findingOn", today().minusDays(1).toString());
        return body;
    }

    static Map<String, Object> completion(String outcome) {
        Map<String, Object> body = new HashMap<>();
        body.put("checklist", Map.of("criteriaStillMet", true, "markUseProper", true, "labelMatches", true,
                "foodSafetyOk", true, "productionActive", true));
        body.put("findings", List.of(Map.of("description", "Nhãn ghi 4 sao", "severity", "MINOR")));
        body.put("outcome", outcome);
        return body;
    }

    /** Targets valid in every field, from a day long before the latest version: refused by the programme rule. */
    static Map<String, Object> pastTargets() {
        Map<String, Object> targets = new LinkedHashMap<>();
        for (String code : List.of("PRODUCTS_3_STAR", "PRODUCTS_5_STAR", "POINT_OF_SALE_PER_PROVINCE")) {
            targets.put(code, Map.of("value", 10));
        }
        for (String code : List.of("COOPERATIVE_SHARE", "SME_SHARE", "MODERN_CHANNEL_SHARE")) {
            targets.put(code, Map.of("value", 0.5));
        }
        return Map.of("instrument", "QĐ 1/QĐ-TTg", "title", "Past", "effectiveFrom", "2000-01-01", "targets", targets);
    }

    /** What the calls of the matrix must leave as it was. */
    Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String list : List.of("/api/v1/inspections?province=04", "/api/v1/inspections?province=08",
                "/api/v1/inspection-plans?province=04", "/api/v1/complaints?province=04", "/api/v1/revocations?authority=04")) {
            state.put(list, read(list).path("total"));
        }
        state.put("targets", read("/api/v1/programme-targets").jsonPath().getList("$").size());
        for (String inspection : List.of(openInspection, proposal, otherInspection)) {
            Response r = read("/api/v1/inspections/" + inspection);
            state.put(inspection, r.path("status") + " " + r.header("ETag"));
            state.put(inspection + " evidence", read("/api/v1/inspections/" + inspection + "/evidence").jsonPath().getList("id"));
        }
        for (String c : List.of(complaint, dismissedComplaint)) {
            Response r = read("/api/v1/complaints/" + c);
            state.put(c, r.path("status") + " " + r.header("ETag"));
        }
        state.put("certificate", read("/api/v1/certificates/" + certificate.certificateNumber()).path("status"));
        return state;
    }

    private static Response read(String path) {
        Response response = given().auth().oauth2(CENTRAL).get(path);
        response.then().statusCode(200);
        return response;
    }

    private static Response post(String token, String path, Object body) {
        var request = token == null ? given() : given().auth().oauth2(token);
        Response response = request.contentType(ContentType.JSON).body(body).post(path);
        response.then().statusCode(201);
        return response;
    }

    private static byte[] png() {
        byte[] bytes = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 1500);
        return bytes;
    }
}
