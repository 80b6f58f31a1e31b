package vn.ocop.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.monitoring.MonitoringTestSupport.today;
import static vn.ocop.monitoring.ScopeMatrixTest.Caller.ANONYMOUS;
import static vn.ocop.monitoring.ScopeMatrixTest.Caller.AUDITOR;
import static vn.ocop.monitoring.ScopeMatrixTest.Caller.CENTRAL;
import static vn.ocop.monitoring.ScopeMatrixTest.Caller.COMMUNE_OWN;
import static vn.ocop.monitoring.ScopeMatrixTest.Caller.COUNCIL;
import static vn.ocop.monitoring.ScopeMatrixTest.Caller.INSPECTOR_OTHER;
import static vn.ocop.monitoring.ScopeMatrixTest.Caller.INSPECTOR_OWN;
import static vn.ocop.monitoring.ScopeMatrixTest.Caller.OFFICER_OTHER;
import static vn.ocop.monitoring.ScopeMatrixTest.Caller.OFFICER_OWN;
import static vn.ocop.monitoring.ScopeMatrixTest.Caller.OPERATOR;
import static vn.ocop.monitoring.ScopeMatrixTest.Caller.OPS_ADMIN;
import static vn.ocop.monitoring.ScopeMatrixTest.Caller.PRODUCER_OTHER;
import static vn.ocop.monitoring.ScopeMatrixTest.Caller.PRODUCER_OWN;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.ScopeMatrixCase;
import vn.ocop.testkit.ScopeRuleCheck;
import vn.ocop.testkit.Tokens;

/**
 * Every monitoring operation (the served document's operationIds, all of them) called by every kind of caller:
 * province 04 is "own", 08 "other". Reads show exactly what the caller may see; another province's inspection plans,
 * inspections, evidence and complaint details answer 404 like missing records; writes out of scope are refused before
 * validation and before any business check, which in-scope callers reach (400, 409, 412 or 422), and nothing is
 * written. All leaks are collected and reported together.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class ScopeMatrixTest {

    enum Caller {
        CENTRAL, AUDITOR, OFFICER_OWN, OFFICER_OTHER, COMMUNE_OWN, INSPECTOR_OWN, INSPECTOR_OTHER, PRODUCER_OWN,
        PRODUCER_OTHER, COUNCIL, OPERATOR, OPS_ADMIN, ANONYMOUS
    }

    /**
     * A call of a monitoring operation: an anonymous caller gets 401 unless named, no refusal shows the fixtures'
     * personal details, and a 404 is exactly what a missing record answers.
     */
    static final class Case extends ScopeMatrixCase<Caller> {
        Case(String operationId, String name, Function<RequestSpecification, Response> call) {
            super(operationId, name, call);
            expect(401, Caller.ANONYMOUS);
        }

        @Override
        protected void checkAlso(String where, String token, int status, String body, List<String> secrets, List<String> leaks) {
            if (status >= 400) {
                secrets.stream().filter(body::contains).forEach(t -> leaks.add(where + "LEAKS in a refusal " + t));
            }
            if (status == 404 && !looksMissing(body)) {
                leaks.add(where + "a 404 unlike a missing record's: " + abbreviate(body));
            }
        }

        /** What a missing record answers: NOT_FOUND, "<kind> <id> does not exist", nothing more. */
        private static boolean looksMissing(String body) {
            JsonPath json = JsonPath.from(body);
            String detail = json.getString("detail");
            return "NOT_FOUND".equals(json.getString("code")) && detail != null && detail.endsWith(" does not exist")
                    && json.get("violations") == null;
        }
    }

    private static final String STALE = "\"999\"";
    private static final Caller[] SEE_ALL = {CENTRAL, AUDITOR, OFFICER_OWN, INSPECTOR_OWN};
    private static final Caller[] ACT = {CENTRAL, OFFICER_OWN, INSPECTOR_OWN};
    private static final Caller[] OTHER = {OFFICER_OTHER, INSPECTOR_OTHER};

    @Test
    void everyOperationTimesEveryCallerLeaksNothing() {
        ScopeMatrixFixtures f = ScopeMatrixFixtures.create();
        Map<Caller, String> tokens = tokens(f);
        // What outsiders get, held against each operation's documented scope rule at the end.
        ScopeRuleCheck scopeRules = ScopeRuleCheck.watch(tokens.get(OFFICER_OTHER), tokens.get(INSPECTOR_OTHER), tokens.get(PRODUCER_OTHER));
        List<ScopeMatrixCase<Caller>> cases = new ArrayList<>();
        cases.addAll(inspectionCases(f));
        cases.addAll(complaintCases(f));
        cases.addAll(registerCases(f));

        // Last, after the snapshot: a rebuild as the operators run it (it re-reads the topics).
        ScopeMatrixCase<Caller> rebuild = new Case("rebuildProjections", "as ops-admin",
                r -> r.post("/api/v1/admin/projections/rebuild")).expect(200, OPS_ADMIN).others(403);
        TreeSet<String> uncovered = ScopeMatrixCase.uncovered(cases);
        uncovered.remove(rebuild.operationId);
        assertThat(uncovered).as("operations the matrix does not cover").isEmpty();

        Map<String, Object> before = f.snapshot();
        List<String> leaks = new ArrayList<>();
        for (ScopeMatrixCase<Caller> c : cases) {
            c.run(tokens, f.secrets(), leaks);
        }
        assertThat(f.snapshot()).as("refused or failed calls wrote nothing").isEqualTo(before);
        rebuild.run(tokens, f.secrets(), leaks);
        String other = tokens.get(OFFICER_OTHER);
        sameAsMissing(other, "/api/v1/inspections/{id}", f.proposal, UUID.randomUUID().toString(), leaks);
        sameAsMissing(other, "/api/v1/inspections/{id}/evidence", f.openInspection, UUID.randomUUID().toString(), leaks);
        sameAsMissing(other, "/api/v1/inspection-plans/{id}", f.plan, UUID.randomUUID().toString(), leaks);
        sameAsMissing(other, "/api/v1/complaints/{id}", f.complaint, "KN-2026-000000-ZZZZ", leaks);
        assertThat(leaks).as("scope matrix").isEmpty();
        assertThat(scopeRules.disagreements()).as("documented scope rules (x-ocop-scope)").isEmpty();
    }

    private static List<ScopeMatrixCase<Caller>> inspectionCases(ScopeMatrixFixtures f) {
        List<ScopeMatrixCase<Caller>> cases = new ArrayList<>();
        String plan = f.plan;
        String i1 = f.openInspection;
        String i2 = f.proposal;
        String i3 = f.otherInspection;
        cases.add(new Case("listInspectionPlans", "?province=04", r -> r.queryParam("province", "04")
                .queryParam("size", 200).get("/api/v1/inspection-plans"))
                .expect(200, List.of(plan), List.of(), SEE_ALL).expect(403, OTHER).others(403));
        cases.add(new Case("listInspectionPlans", "all provinces", r -> r.queryParam("size", 200)
                .get("/api/v1/inspection-plans"))
                .expect(200, List.of(plan), List.of(), SEE_ALL).expect(200, List.of(), List.of(plan), OTHER).others(403));
        cases.add(new Case("getInspectionPlan", "of 04", r -> r.get("/api/v1/inspection-plans/" + plan))
                .expect(200, List.of(plan), List.of(), SEE_ALL).expect(404, OTHER).others(403));
        cases.add(new Case("createInspectionPlan", "unknown product", r -> json(r)
                .body(f.planBody(List.of(UUID.randomUUID()), "Hậu kiểm")).post("/api/v1/inspection-plans"))
                .expect(422, ACT).others(403));
        cases.add(new Case("createInspectionPlan", "blank title", r -> json(r)
                .body(f.planBody(List.of(f.product.productId()), " ")).post("/api/v1/inspection-plans"))
                .expect(400, ACT).others(403));

        cases.add(new Case("openInspection", "product not in the plan", r -> json(r)
                .body(Map.of("productId", f.product2.productId(), "planId", plan, "inspector", "Nguyễn Văn A",
                        "inspectedOn", today().toString())).post("/api/v1/inspections"))
                .expect(422, ACT).others(403));
        cases.add(new Case("openInspection", "blank inspector", r -> json(r)
                .body(Map.of("productId", f.product.productId(), "inspector", " ", "inspectedOn", today().toString()))
                .post("/api/v1/inspections"))
                .expect(400, ACT).others(403));
        cases.add(new Case("listInspections", "?province=04", r -> r.queryParam("province", "04")
                .queryParam("size", 200).get("/api/v1/inspections"))
                .expect(200, List.of(i1, i2), List.of(i3), SEE_ALL).expect(403, OTHER).others(403));
        cases.add(new Case("listInspections", "revocation proposals", r -> r.queryParam("outcome", "REVOCATION_PROPOSED")
                .queryParam("size", 200).get("/api/v1/inspections"))
                .expect(200, List.of(i2), List.of(i1), SEE_ALL).expect(200, List.of(), List.of(i1, i2), OTHER).others(403));
        cases.add(new Case("listInspections", "all provinces", r -> r.queryParam("size", 200).get("/api/v1/inspections"))
                .expect(200, List.of(i1, i3), List.of(), CENTRAL, AUDITOR)
                .expect(200, List.of(i1), List.of(i3), OFFICER_OWN, INSPECTOR_OWN)
                .expect(200, List.of(i3), List.of(i1, i2), OTHER).others(403));
        cases.add(new Case("getInspection", "a revocation proposal of 04", r -> r.get("/api/v1/inspections/" + i2))
                .expect(200, List.of(i2, "REVOCATION_PROPOSED"), List.of(), SEE_ALL).expect(404, OTHER).others(403));
        cases.add(new Case("getInspection", "of 08", r -> r.get("/api/v1/inspections/" + i3))
                .expect(200, List.of(i3), List.of(), CENTRAL, AUDITOR, OFFICER_OTHER, INSPECTOR_OTHER)
                .expect(404, OFFICER_OWN, INSPECTOR_OWN).others(403));
        cases.add(new Case("completeInspection", "stale If-Match", r -> json(r).header("If-Match", STALE)
                .body(ScopeMatrixFixtures.completion("COMPLIANT")).post("/api/v1/inspections/" + i1 + "/completion"))
                .expect(412, ACT).expect(404, OTHER).others(403));
        cases.add(new Case("completeInspection", "no checklist", r -> json(r).header("If-Match", STALE)
                .body(Map.of("outcome", "COMPLIANT")).post("/api/v1/inspections/" + i1 + "/completion"))
                .expect(400, ACT).expect(404, OTHER).others(403));
        cases.add(new Case("completeInspection", "already completed", r -> json(r).header("If-Match", f.proposalEtag)
                .body(ScopeMatrixFixtures.completion("COMPLIANT")).post("/api/v1/inspections/" + i2 + "/completion"))
                .expect(409, ACT).expect(404, OTHER).others(403));
        cases.add(new Case("uploadInspectionEvidence", "a finding not recorded", r -> r.contentType("image/png")
                .queryParam("finding", 5).body(ScopeMatrixFixtures.PNG).post("/api/v1/inspections/" + i2 + "/evidence"))
                .expect(400, ACT).expect(404, OTHER).others(403));
        cases.add(new Case("listInspectionEvidence", "of 04", r -> r.get("/api/v1/inspections/" + i1 + "/evidence"))
                .expect(200, List.of(f.evidenceFile), List.of(), SEE_ALL).expect(404, OTHER).others(403));
        cases.add(new Case("downloadInspectionEvidence", "of 04", r -> r.get("/api/v1/inspections/" + i1
                + "/evidence/" + f.evidenceFile))
                .expect(200, SEE_ALL).expect(404, OTHER).others(403));
        return cases;
    }

    private static List<ScopeMatrixCase<Caller>> complaintCases(ScopeMatrixFixtures f) {
        List<ScopeMatrixCase<Caller>> cases = new ArrayList<>();
        String c = f.complaint;
        cases.add(new Case("fileComplaint", "unknown product", r -> json(r)
                .body(Map.of("productCode", "04-00000-0000-1999", "description", "Không rõ nguồn gốc")).post("/api/v1/complaints"))
                .expect(422, ANONYMOUS).others(422));
        cases.add(new Case("getComplaintStatus", "public", r -> r.get("/api/v1/complaints/" + c + "/status"))
                .expect(200, List.of(c), f.secrets(), ANONYMOUS).others(200, f.secrets().toArray(String[]::new)));
        cases.add(new Case("getComplaint", "of 04", r -> r.get("/api/v1/complaints/" + c))
                .expect(200, f.secrets(), List.of(), SEE_ALL).expect(404, OTHER).others(403));
        cases.add(new Case("listComplaints", "?province=04", r -> r.queryParam("province", "04")
                .queryParam("size", 200).get("/api/v1/complaints"))
                .expect(200, List.of(c), List.of(), SEE_ALL).expect(403, OTHER).others(403));
        cases.add(new Case("listComplaints", "all provinces", r -> r.queryParam("size", 200).get("/api/v1/complaints"))
                .expect(200, List.of(c), List.of(), SEE_ALL).expect(200, List.of(), List.of(c), OTHER).others(403));
        cases.add(new Case("triageComplaint", "stale If-Match", r -> json(r).header("If-Match", STALE)
                .body(Map.of("status", "UNDER_REVIEW")).post("/api/v1/complaints/" + c + "/triage"))
                .expect(412, ACT).expect(404, OTHER).others(403));
        cases.add(new Case("triageComplaint", "no status", r -> json(r).header("If-Match", STALE)
                .body(Map.of("note", "?")).post("/api/v1/complaints/" + c + "/triage"))
                .expect(400, ACT).expect(404, OTHER).others(403));
        cases.add(new Case("openInspectionFromComplaint", "a dismissed complaint", r -> json(r)
                .body(Map.of("inspector", "Nguyễn Văn A", "inspectedOn", today().toString()))
                .post("/api/v1/complaints/" + f.dismissedComplaint + "/inspections"))
                .expect(409, ACT).expect(404, OTHER).others(403));
        cases.add(new Case("uploadComplaintPhoto", "a second photo", r -> r.contentType("image/png")
                .body(ScopeMatrixFixtures.PNG).post("/api/v1/complaints/" + c + "/photo"))
                .expect(409, ANONYMOUS).others(409));
        cases.add(new Case("downloadComplaintPhoto", "of 04", r -> r.get("/api/v1/complaints/" + c + "/photo"))
                .expect(200, OFFICER_OWN, INSPECTOR_OWN).expect(404, OTHER).others(403));
        return cases;
    }

    private static List<ScopeMatrixCase<Caller>> registerCases(ScopeMatrixFixtures f) {
        List<ScopeMatrixCase<Caller>> cases = new ArrayList<>();
        String number = f.certificate.certificateNumber();
        String productId = f.product.productId().toString();
        Caller[] certificateReaders = {CENTRAL, AUDITOR, OFFICER_OWN, INSPECTOR_OWN, COMMUNE_OWN, PRODUCER_OWN};
        cases.add(new Case("listCertificates", "?province=04", r -> r.queryParam("province", "04")
                .queryParam("size", 200).get("/api/v1/certificates"))
                .expect(200, List.of(number), List.of(), certificateReaders)
                .expect(200, List.of(), List.of(number), PRODUCER_OTHER).expect(403, OTHER).others(403));
        cases.add(new Case("getCertificate", "of 04", r -> r.get("/api/v1/certificates/" + number))
                .expect(200, List.of(number), List.of(), certificateReaders).expect(403, OTHER).expect(403, PRODUCER_OTHER)
                .others(403));
        cases.add(new Case("listLapsedScans", "?province=04", r -> r.queryParam("province", "04")
                .get("/api/v1/lapsed-scans"))
                .expect(200, SEE_ALL).expect(403, OTHER).others(403));
        cases.add(new Case("getMonitoringProduct", "of 04", r -> r.get("/api/v1/products/" + productId))
                .expect(403, OFFICER_OTHER, INSPECTOR_OTHER, PRODUCER_OTHER).expect(401, ANONYMOUS).others(200));
        cases.add(new Case("listMonitoringProducts", "?province=04", r -> r.queryParam("province", "04")
                .queryParam("size", 200).get("/api/v1/products"))
                .expect(403, OFFICER_OTHER, INSPECTOR_OTHER).expect(401, ANONYMOUS).others(200));

        Map<String, Object> future = f.revocationBody(today().plusDays(3));
        cases.add(new Case("recordRevocation", "decided in the future", r -> json(r).body(future)
                .post("/api/v1/revocations"))
                .expect(400, OFFICER_OWN).others(403));
        Map<String, Object> noGround = f.revocationBody(today());
        noGround.remove("ground");
        cases.add(new Case("recordRevocation", "no ground", r -> json(r).body(noGround).post("/api/v1/revocations"))
                .expect(400, OFFICER_OWN).others(403));
        // Revocation decisions are published acts: another province's officers and inspectors read them too.
        cases.add(new Case("listRevocations", "?authority=04", r -> r.queryParam("authority", "04")
                .queryParam("size", 200).get("/api/v1/revocations"))
                .expect(200, List.of(f.revocation), List.of(), SEE_ALL).expect(200, List.of(f.revocation), List.of(), OTHER)
                .others(403));
        cases.add(new Case("listRevocations", "?authority=4", r -> r.queryParam("authority", "4")
                .get("/api/v1/revocations")).expect(400, SEE_ALL).expect(400, OTHER).others(403));
        cases.add(new Case("getRevocation", "of 04", r -> r.get("/api/v1/revocations/" + f.revocation))
                .expect(200, List.of(f.revocation), List.of(), SEE_ALL).expect(200, List.of(f.revocation), List.of(), OTHER)
                .others(403));

        cases.add(new Case("getProgrammeStatistics", "public", r -> r.queryParam("province", "04")
                .get("/api/v1/statistics/programme")).expect(200, ANONYMOUS).others(200));
        cases.add(new Case("getRegistrationStatistics", "public", r -> r.queryParam("province", "04")
                .get("/api/v1/statistics/registrations")).expect(200, ANONYMOUS).others(200));
        cases.add(new Case("listTargetVersions", "public", r -> r.get("/api/v1/programme-targets"))
                .expect(200, ANONYMOUS).others(200));
        cases.add(new Case("getTargetVersionInForce", "public", r -> r.queryParam("on", "2025-12-31")
                .get("/api/v1/programme-targets/in-force")).expect(200, ANONYMOUS).others(200));
        cases.add(new Case("addTargetVersion", "from a past day", r -> json(r).body(ScopeMatrixFixtures.pastTargets())
                .post("/api/v1/programme-targets"))
                .expect(422, CENTRAL).others(403));
        cases.add(new Case("runExpiry", "for a future day", r -> json(r)
                .body(Map.of("date", today().plusDays(2).toString())).post("/api/v1/admin/expiry-runs"))
                .expect(400, OPS_ADMIN).others(403));
        return cases;
    }

    /** An outsider's 404 is, but for the id, the very body a missing record gives. */
    private static void sameAsMissing(String token, String path, String id, String missingId, List<String> leaks) {
        String hidden = given().auth().oauth2(token).get(path.replace("{id}", id)).asString().replace(id, "{id}");
        String missing = given().auth().oauth2(token).get(path.replace("{id}", missingId)).asString().replace(missingId, "{id}");
        if (!hidden.equals(missing)) {
            leaks.add(path + ": an outsider's answer " + hidden + " differs from a missing record's " + missing);
        }
    }

    private static RequestSpecification json(RequestSpecification r) {
        return r.contentType(ContentType.JSON);
    }

    private static Map<Caller, String> tokens(ScopeMatrixFixtures f) {
        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        tokens.put(CENTRAL, Tokens.centralOfficer());
        tokens.put(AUDITOR, Tokens.of("auditor@ocop.gov.vn", "auditor").mint());
        tokens.put(OFFICER_OWN, Tokens.provinceOfficer("04"));
        tokens.put(OFFICER_OTHER, Tokens.provinceOfficer("08"));
        tokens.put(COMMUNE_OWN, Tokens.of("commune-04@ocop.gov.vn", "commune-officer").claim("province", "04")
                .claim("commune", "01273").mint());
        tokens.put(INSPECTOR_OWN, ScopeMatrixFixtures.INSPECTOR_04);
        tokens.put(INSPECTOR_OTHER, ScopeMatrixFixtures.INSPECTOR_08);
        tokens.put(PRODUCER_OWN, Tokens.producer(f.product.producerId()));
        tokens.put(PRODUCER_OTHER, Tokens.producer(f.otherProduct.producerId()));
        tokens.put(COUNCIL, Tokens.of("council@ocop.gov.vn", "council-member").mint());
        tokens.put(OPERATOR, Tokens.of("operator@shop.vn", "channel-operator").claim("channel_id", UUID.randomUUID().toString()).mint());
        tokens.put(OPS_ADMIN, Tokens.of("ops@ocop.gov.vn", "ops-admin").mint());
        return tokens; // ANONYMOUS: no token
    }

}
