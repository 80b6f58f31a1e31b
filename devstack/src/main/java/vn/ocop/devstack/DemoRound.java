package vn.ocop.devstack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.ocop.testkit.Tokens;

/**
 * This year's provincial round of the demo province, as the e2e scenario {@code ProvincialRound} runs it: a product's
 * first-rating dossier goes from the producer through the commune to the province, a council scores it on the shipped
 * set-1 sheet, and the chair closes it. {@link #closeAndRecognise} also has the province recognise the 4★ result, which
 * issues a fresh certificate; {@link #inProgress} stops after the first score sheet. Every POST has a fixed
 * {@code Idempotency-Key}, and a product that already has a certificate is left alone.
 */
final class DemoRound {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String CRITERIA_SET = "QD26-2026-S01";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final List<String> DOCUMENTS = List.of("REGISTRATION_FORM", "SELF_ASSESSMENT_REPORT",
            "BUSINESS_REGISTRATION", "QUALITY_DECLARATION");
    /** Every 4★ minimum met, the 5★ extras not: each sheet totals in the 4★ band. */
    private static final List<String> FOUR_STAR_CHOICES = List.of("10.1", "10.1.b", "6.1", "6.1.a", "6.2", "6.2.a", "8.1",
            "8.1.a", "4.2", "4.2.a", "1.6", "1.6.a", "3.3", "3.3.a", "3.4", "3.4.a");

    private final Map<String, String> apis;
    private final String province;
    private final String officer;

    DemoRound(Map<String, String> apis, String province) {
        this.apis = apis;
        this.province = province;
        this.officer = Tokens.provinceOfficer(province);
    }

    /** Dossier, council of three scorers, three sheets, close, recognition: returns the new certificate's number. */
    String closeAndRecognise(String key, DemoLoader.Product product, String communeCode, String decisionNumber) {
        JsonNode certificates = DemoHttp.get(api("evaluation") + "/certificates?productId=" + product.id(), officer)
                .orFail("certificates of " + product.code()).body();
        if (certificates.path("total").asLong() > 0) {
            return certificates.path("items").path(0).path("number").asText();
        }
        String session = session(key, product, communeCode);
        List<String> scorers = List.of(member(key, "chair"), member(key, "member-1"), member(key, "member-2"));
        for (String scorer : scorers) {
            sheet(key, session, scorer, product);
        }
        ObjectNode close = DemoHttp.JSON.createObjectNode().put("productId", product.id());
        String resultId = DemoHttp.postJson(api("evaluation") + "/sessions/" + session + "/close", token(scorers.get(0)),
                "ocop-demo-close-" + key, close).orFail("closing the session of " + product.code()).body().path("id").asText();
        ObjectNode recognition = DemoHttp.JSON.createObjectNode()
                .put("decisionNumber", decisionNumber)
                .put("decidedOn", LocalDate.now(VIETNAM).toString());
        recognition.putArray("resultIds").add(resultId);
        return DemoHttp.postJson(api("evaluation") + "/recognitions", officer, "ocop-demo-recognition-" + key, recognition)
                .orFail("recognition of " + product.code()).body().path("certificates").path(0).path("number").asText();
    }

    /** Dossier, council, session and the chair's sheet; the other members have not scored yet. */
    void inProgress(String key, DemoLoader.Product product, String communeCode) {
        sheet(key, session(key, product, communeCode), member(key, "chair"), product);
    }

    /** The accepted dossier in a session of the province's council; returns the session id. */
    private String session(String key, DemoLoader.Product product, String communeCode) {
        acceptedDossier(key, product, communeCode);
        ObjectNode council = DemoHttp.JSON.createObjectNode()
                .put("name", "Hội đồng đánh giá sản phẩm OCOP tỉnh Quảng Ngãi 2026 (" + key + ")")
                .put("level", "PROVINCIAL").put("provinceCode", province).put("quorum", 3);
        var members = council.putArray("members");
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("chair", "CHAIR");
        roles.put("member-1", "MEMBER");
        roles.put("member-2", "MEMBER");
        roles.put("secretary", "SECRETARY");
        roles.forEach((who, role) -> members.addObject().put("subject", member(key, who))
                .put("fullName", "Thành viên hội đồng (" + who + ")").put("role", role));
        String councilId = DemoHttp.postJson(api("evaluation") + "/councils", officer, "ocop-demo-council-" + key, council)
                .orFail("council " + key).body().path("id").asText();
        ObjectNode session = DemoHttp.JSON.createObjectNode().put("councilId", councilId)
                .put("heldOn", LocalDate.now(VIETNAM).toString());
        session.putArray("productIds").add(product.id());
        // The session can take the product only once evaluation has the accepted dossier from the registry.
        return DemoHttp.await("evaluation to receive the dossier of " + product.code(),
                () -> DemoHttp.postJson(api("evaluation") + "/sessions", officer, "ocop-demo-session-" + key, session),
                DemoHttp.Answer::ok).body().path("id").asText();
    }

    /** A first-rating dossier: the producer files it, the commune reviews it, the province accepts it. */
    private void acceptedDossier(String key, DemoLoader.Product product, String communeCode) {
        String producer = Tokens.producer(UUID.fromString(product.producerId()));
        String commune = Tokens.of("commune-officer-" + communeCode + "@ocop.gov.vn", "commune-officer")
                .claim("province", province).claim("commune", communeCode).mint();
        ObjectNode dossier = DemoHttp.JSON.createObjectNode().put("productId", product.id()).put("kind", "FIRST_RATING");
        dossier.putObject("form01").put("unitName", "Chủ thể " + key).put("legalRepresentative", "Người đại diện")
                .put("representativeTitle", "Giám đốc").put("address", "Tỉnh Quảng Ngãi").put("phone", "0255 3800 000")
                .put("email", key + "@example.org").put("productName", key).put("productGroup", "Thực phẩm / Rau củ quả")
                .put("sampleCount", 5);
        ObjectNode form02 = dossier.putObject("form02");
        form02.putArray("selfScores").addObject().put("criterionCode", "A.1.1").put("score", 3);
        form02.putArray("evidence").addObject().put("criterionCode", "A.1.1").put("description", "Hợp đồng liên kết vùng nguyên liệu");
        form02.put("businessResults", "Doanh thu 2025: 1,5 tỷ đồng");
        String application = api("registry") + "/applications/" + DemoHttp.postJson(api("registry") + "/applications",
                producer, "ocop-demo-dossier-" + key, dossier).orFail("dossier " + key).body().path("id").asText();
        for (String type : DOCUMENTS) {
            DemoHttp.post(application + "/documents?type=" + type + "&fileName=" + type.toLowerCase() + ".pdf", producer,
                    "ocop-demo-document-" + key + "-" + type, "application/pdf", new String(PDF, java.nio.charset.StandardCharsets.US_ASCII))
                    .orFail("document " + type + " of " + key);
        }
        DemoHttp.postJson(application + "/submit", producer, "ocop-demo-submit-" + key, DemoHttp.JSON.createObjectNode())
                .orFail("submitting the dossier " + key);
        ObjectNode review = DemoHttp.JSON.createObjectNode().put("samplesReceived", 5);
        review.putObject("form03").put("localRawMaterials", "100% nguyên liệu tại địa phương")
                .put("localLabour", "30 lao động địa phương").put("ideaOrigin", "Ý tưởng của chủ thể")
                .put("localIdentity", "Sản phẩm truyền thống của vùng").put("recommendation", "Đề nghị đánh giá");
        DemoHttp.postJson(application + "/commune-review", commune, "ocop-demo-commune-review-" + key, review)
                .orFail("commune review of " + key);
        DemoHttp.postJson(application + "/accept", officer, "ocop-demo-accept-" + key,
                DemoHttp.JSON.createObjectNode().put("note", "Đủ hồ sơ")).orFail("accepting the dossier " + key);
    }

    private void sheet(String key, String session, String scorer, DemoLoader.Product product) {
        ObjectNode sheet = DemoHttp.JSON.createObjectNode().put("productId", product.id());
        sheet.set("choices", DemoHttp.JSON.valueToTree(fourStarChoices()));
        sheet.putArray("knockOuts");
        DemoHttp.postJson(api("evaluation") + "/sessions/" + session + "/scoresheets", token(scorer),
                "ocop-demo-sheet-" + key + "-" + scorer, sheet).orFail("score sheet of " + scorer);
    }

    /** The best option of every criterion of the set, then the 4★ choices over it. */
    private Map<String, String> fourStarChoices() {
        JsonNode set = DemoHttp.get(api("evaluation") + "/criteria-sets/" + CRITERIA_SET, officer)
                .orFail("criteria set " + CRITERIA_SET).body();
        Map<String, String> choices = new LinkedHashMap<>();
        for (JsonNode criterion : set.path("parts").findValues("criteria").stream().flatMap(c -> stream(c)).toList()) {
            JsonNode best = null;
            for (JsonNode option : criterion.path("options")) {
                if (best == null || new BigDecimal(option.path("points").asText()).compareTo(new BigDecimal(best.path("points").asText())) > 0) {
                    best = option;
                }
            }
            if (best != null) {
                choices.put(criterion.path("code").asText(), best.path("code").asText());
            }
        }
        for (int i = 0; i < FOUR_STAR_CHOICES.size(); i += 2) {
            choices.put(FOUR_STAR_CHOICES.get(i), FOUR_STAR_CHOICES.get(i + 1));
        }
        return choices;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static String member(String key, String who) {
        return who + "-" + key + "@hoidong.quangngai.gov.vn";
    }

    private static String token(String member) {
        return Tokens.of(member, "council-member").mint();
    }

    private String api(String service) {
        return apis.get(service);
    }
}
