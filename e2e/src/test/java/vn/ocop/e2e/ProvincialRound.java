package vn.ocop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import vn.ocop.devstack.Stack;
import vn.ocop.testkit.Tokens;

/**
 * The steps of a provincial round (issue #4) through the real registry and evaluation, each checking what its users see:
 * a first-rating dossier accepted in the registry, a council of several members scoring it 4★, and the province's
 * recognition issuing the certificate. Shared by the scenarios that need a real ACTIVE certificate; each call uses a new
 * producer, product and council, so scenarios do not see each other's data.
 */
final class ProvincialRound {

    static final String PROVINCE = "51";
    static final String COMMUNE_CODE = "21040";
    static final String CRITERIA_SET = "QD26-2026-S01";
    static final String OFFICER = Tokens.provinceOfficer(PROVINCE);
    static final String COMMUNE_OFFICER = Tokens.of("commune-" + COMMUNE_CODE + "@ocop.gov.vn", "commune-officer")
            .claim("province", PROVINCE).claim("commune", COMMUNE_CODE).mint();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    /** Recognition dates and certificate validity are Vietnamese calendar days. */
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** A product whose first-rating dossier the province accepted. */
    record Dossier(String producerId, String productId, String productCode, String productName) {
    }

    /** What the province's recognition issued for a dossier. */
    record Certified(Dossier dossier, String resultId, String certificateId, String certificateNumber) {
    }

    private final Stack stack;

    ProvincialRound(Stack stack) {
        this.stack = stack;
    }

    /** The whole round: accepted dossier, 4★ council result, recognition. */
    Certified fourStarCertificate(String productName) {
        Dossier dossier = acceptedDossier(productName);
        return recognise(dossier, fourStarResult(dossier));
    }

    // --- Registry: the producer files a first-rating dossier for a product of set 1 (the shipped criteria set).

    Dossier acceptedDossier(String productName) {
        String producerId = as(OFFICER).body(producer()).post(registry("/producers")).then().statusCode(201).extract().path("id");
        var product = as(OFFICER).body(Map.of("producerId", producerId, "name", productName, "productSet", 1,
                        "communeCode", COMMUNE_CODE, "description", "Tỏi cô đơn", "story", "Trồng trên cát núi lửa"))
                .post(registry("/products")).then().statusCode(201).extract();
        String productId = product.path("id");
        String productCode = product.path("code");
        assertThat(productCode).startsWith(PROVINCE + "-" + COMMUNE_CODE + "-");

        String producerToken = Tokens.producer(UUID.fromString(producerId));
        String application = registry("/applications/") + as(producerToken)
                .body(Map.of("productId", productId, "kind", "FIRST_RATING", "form01", form01(productName), "form02", form02()))
                .post(registry("/applications")).then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        for (String type : List.of("REGISTRATION_FORM", "SELF_ASSESSMENT_REPORT", "BUSINESS_REGISTRATION", "QUALITY_DECLARATION")) {
            given().auth().oauth2(producerToken).contentType("application/pdf").body(PDF)
                    .post(application + "/documents?type=" + type + "&fileName=" + type.toLowerCase() + ".pdf")
                    .then().statusCode(201);
        }
        as(producerToken).post(application + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        as(COMMUNE_OFFICER).body(communeReview()).post(application + "/commune-review").then().statusCode(200)
                .body("status", equalTo("COMMUNE_REVIEWED"));
        as(OFFICER).body(Map.of("note", "Đủ hồ sơ")).post(application + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        return new Dossier(producerId, productId, productCode, productName);
    }

    // --- Evaluation: the province's council: a chair and two members score, the secretary does not; 3 sheets needed.

    /** Scores the dossier's product 4★ (average 75.00) and returns the council result's id. */
    String fourStarResult(Dossier dossier) {
        String productId = dossier.productId();
        String chair = unique("chair");
        String member1 = unique("member1");
        String member2 = unique("member2");
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put(chair, "CHAIR");
        roles.put(member1, "MEMBER");
        roles.put(member2, "MEMBER");
        roles.put(unique("secretary"), "SECRETARY");
        String councilId = as(OFFICER).body(council(roles, 3)).post(evaluation("/councils")).then().statusCode(201)
                .extract().path("id");

        // The session can only take the product once ApplicationSubmitted has arrived from the registry.
        Map<String, Object> sessionBody = Map.of("councilId", councilId, "heldOn", TODAY.toString(), "productIds", List.of(productId));
        String[] created = new String[1];
        eventually("evaluation receives the accepted dossier").untilAsserted(() -> created[0] = as(OFFICER).body(sessionBody)
                .post(evaluation("/sessions")).then().statusCode(201).extract().path("id"));
        String session = evaluation("/sessions/") + created[0];
        // What the registry announced is what the council evaluates: same code, set 1 scored against its criteria.
        as(OFFICER).get(session).then().statusCode(200)
                .body("products.productCode", contains(dossier.productCode()))
                .body("products.productSet", contains(1))
                .body("products.criteriaSetId", contains(CRITERIA_SET))
                .body("products.status", contains("PENDING"));

        // Every 4★ minimum is met (food-safety certificate 10.1.b, not the 5★ export one); points are dropped on unmarked
        // criteria so the three sheets total 76, 74 and 75: average 75.00, well inside the 4★ band (70 to < 90).
        Map<String, String> fourStars = best(criteriaSet(), "10.1", "10.1.b", "6.1", "6.1.a", "6.2", "6.2.a", "8.1", "8.1.a",
                "4.2", "4.2.a", "1.6", "1.6.a", "3.3", "3.3.a", "3.4", "3.4.a");
        Map<String, String> lessCommunityLink = with(fourStars, "12.1", "12.1.a");
        Map<String, String> lessDesign = with(fourStars, "7.1", "7.1.b");
        String sheets = session + "/scoresheets";
        String close = session + "/close";
        as(member(chair)).body(sheet(productId, fourStars)).post(sheets).then().statusCode(201)
                .body("total", equalTo(76.0f)).body("mandatoryLevel", equalTo(4));
        as(member(member1)).body(sheet(productId, lessCommunityLink)).post(sheets).then().statusCode(201)
                .body("total", equalTo(74.0f)).body("mandatoryLevel", equalTo(4));
        // Two sheets of three: the chair cannot close yet.
        as(member(chair)).body(Map.of("productId", productId)).post(close).then().statusCode(422)
                .body("code", equalTo("QUORUM_NOT_MET"));
        as(member(member2)).body(sheet(productId, lessDesign)).post(sheets).then().statusCode(201)
                .body("total", equalTo(75.0f));

        String resultId = as(member(chair)).body(Map.of("productId", productId)).post(close).then().statusCode(201)
                .body("productCode", equalTo(dossier.productCode()))
                .body("sheetCount", equalTo(3))
                .body("averageScore", equalTo(75.0f))
                .body("band", equalTo(4))
                .body("mandatoryLevel", equalTo(4))
                .body("stars", equalTo(4))
                .body("outcome", equalTo("CERTIFIABLE"))
                .extract().path("id");
        as(OFFICER).get(evaluation("/results/") + resultId).then().statusCode(200)
                .body("stars", equalTo(4)).body("recognised", equalTo(false));
        as(OFFICER).get(session).then().body("products.status", contains("CLOSED"));
        return resultId;
    }

    // --- Recognition: the province signs the decision for its 4★ product; the certificate runs 36 months.

    Certified recognise(Dossier dossier, String resultId) {
        // Decision numbers are unique per authority; a wide range keeps two scenarios of one run apart.
        String decisionNumber = ThreadLocalRandom.current().nextInt(10_000, 1_000_000) + "/QĐ-UBND";
        JsonPath recognition = as(OFFICER)
                .body(Map.of("decisionNumber", decisionNumber, "decidedOn", TODAY.toString(), "resultIds", List.of(resultId)))
                .post(evaluation("/recognitions")).then().statusCode(201)
                .body("level", equalTo("PROVINCIAL"))
                .body("certificates.productId", contains(dossier.productId()))
                .body("certificates[0].number", startsWith("OCOP-" + PROVINCE + "-" + TODAY.getYear() + "-"))
                .body("certificates[0].stars", equalTo(4))
                .body("certificates[0].status", equalTo("ACTIVE"))
                .body("certificates[0].issuedOn", equalTo(TODAY.toString()))
                .body("certificates[0].validUntil", equalTo(TODAY.plusMonths(36).toString()))
                .extract().jsonPath();
        as(OFFICER).get(evaluation("/results/") + resultId).then().body("recognised", equalTo(true));
        return new Certified(dossier, resultId, recognition.getString("certificates[0].id"),
                recognition.getString("certificates[0].number"));
    }

    // --- registry

    /** The registry's product read once ProductRated and CertificateIssued have both arrived (in either order). */
    JsonPath awaitRegistryProduct(String productId, String certificateNumber) {
        JsonPath[] last = new JsonPath[1];
        eventually("registry shows the certificate and the rating").untilAsserted(() -> {
            last[0] = given().auth().oauth2(OFFICER).get(registry("/products/") + productId).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(last[0].getString("certification.certificateNumber")).isEqualTo(certificateNumber);
            assertThat(last[0].getString("certification.lastScore")).isNotNull(); // ProductRated may come second
        });
        return last[0];
    }

    private static Map<String, Object> producer() {
        return Map.of("name", "HTX Nông nghiệp Bình Sơn", "kind", "COOPERATIVE",
                "taxCode", String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)),
                "provinceCode", PROVINCE, "communeCode", COMMUNE_CODE,
                "representative", Map.of("fullName", "Nguyễn Thị Hoa", "gender", "FEMALE", "ethnicMinority", false, "disabled", false));
    }

    private static Map<String, Object> form01(String productName) {
        return Map.of("unitName", "HTX Nông nghiệp Bình Sơn", "legalRepresentative", "Nguyễn Thị Hoa", "representativeTitle", "Giám đốc",
                "address", "Xã Bình Sơn", "phone", "0255 3867 215", "email", "htx@example.org",
                "productName", productName, "productGroup", "Thực phẩm / Rau củ quả", "sampleCount", 5);
    }

    private static Map<String, Object> form02() {
        return Map.of("selfScores", List.of(Map.of("criterionCode", "A.1.1", "score", 3)),
                "evidence", List.of(Map.of("criterionCode", "A.1.1", "description", "Hợp đồng liên kết vùng nguyên liệu")),
                "businessResults", "Doanh thu 2025: 2 tỷ đồng");
    }

    private static Map<String, Object> communeReview() {
        return Map.of("form03", Map.of("localRawMaterials", "100% tỏi trồng tại địa phương", "localLabour", "45 lao động địa phương",
                "ideaOrigin", "Ý tưởng của HTX", "localIdentity", "Vùng trồng truyền thống", "recommendation", "Đề nghị đánh giá"),
                "samplesReceived", 5);
    }

    // --- evaluation

    @SuppressWarnings("unchecked")
    private Map<String, Object> criteriaSet() {
        return given().auth().oauth2(OFFICER).get(evaluation("/criteria-sets/") + CRITERIA_SET).then().statusCode(200)
                .extract().as(Map.class);
    }

    /** The highest-scoring option of every criterion of the set, with overrides (criterion, option, …). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> best(Map<String, Object> set, String... overrides) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Map<String, Object> part : (List<Map<String, Object>>) set.get("parts")) {
            for (Map<String, Object> group : (List<Map<String, Object>>) part.get("groups")) {
                for (Map<String, Object> criterion : (List<Map<String, Object>>) group.get("criteria")) {
                    Map<String, Object> top = ((List<Map<String, Object>>) criterion.get("options")).stream()
                            .max(Comparator.comparing(o -> new BigDecimal(String.valueOf(o.get("points"))))).orElseThrow();
                    choices.put((String) criterion.get("code"), (String) top.get("code"));
                }
            }
        }
        return with(choices, overrides);
    }

    private static Map<String, String> with(Map<String, String> choices, String... overrides) {
        Map<String, String> copy = new LinkedHashMap<>(choices);
        for (int i = 0; i < overrides.length; i += 2) {
            assertThat(copy).as("criterion %s exists in %s", overrides[i], CRITERIA_SET).containsKey(overrides[i]);
            copy.put(overrides[i], overrides[i + 1]);
        }
        return copy;
    }

    private static Map<String, Object> sheet(String productId, Map<String, String> choices) {
        Map<String, Object> body = new HashMap<>();
        body.put("productId", productId);
        body.put("choices", choices);
        body.put("knockOuts", List.of());
        return body;
    }

    private static Map<String, Object> council(Map<String, String> roles, int quorum) {
        return Map.of("name", "Hội đồng OCOP tỉnh Quảng Ngãi " + UUID.randomUUID().toString().substring(0, 6),
                "level", "PROVINCIAL", "provinceCode", PROVINCE, "quorum", quorum,
                "members", roles.entrySet().stream()
                        .map(e -> Map.of("subject", e.getKey(), "fullName", "Thành viên " + e.getValue(), "role", e.getValue()))
                        .toList());
    }

    /** A council member's token: the subject is what the council lists. */
    private static String member(String subject) {
        return Tokens.of(subject, "council-member").mint();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@ocop.gov.vn";
    }

    // --- plumbing

    String registry(String path) {
        return stack.apiUrl("registry") + path;
    }

    String evaluation(String path) {
        return stack.apiUrl("evaluation") + path;
    }

    static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).auth().oauth2(token);
    }

    /** The machine is slow and events cross the broker: up to 90 s per step. */
    static org.awaitility.core.ConditionFactory eventually(String what) {
        return await(what).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500));
    }
}
