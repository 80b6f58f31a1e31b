package vn.ocop.registry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.producer;
import static vn.ocop.registry.RegistryTestSupport.randomTaxCode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.registry.producer.PersonalData;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * Form 01 of a household's or farm's dossier repeats that person's address, phone and e-mail: whoever may read the
 * dossier but not the producer's personal data sees them null (in the answers of its own writes too), and each answer
 * that shows them leaves one audit row. The audit trail of the writes keeps the whole form.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class Form01PrivacyTest {

    private static final String QUANG_NGAI = Tokens.provinceOfficer("51");
    private static final String ADDRESS = "Nhà số 3, thôn Tây, xã Bình Sơn";
    private static final String PHONE = "0913 222 444";
    private static final String EMAIL = "ho.pham.van.a@example.vn";
    private static final List<String> CONTACTS = List.of("address", "phone", "email");

    @Inject
    EntityManager entityManager;

    /** A dossier, its product and the token of its producer. */
    record Dossier(String id, String productId, String producerToken) {
    }

    @Test
    void theProducerAndItsOfficersSeeAHouseholdsForm01ContactsAndEachReadIsAudited() {
        Dossier dossier = dossierOf("HOUSEHOLD", "21040");
        Map<String, String> allowed = Map.of(
                "province officer of its province", QUANG_NGAI,
                "the producer itself", dossier.producerToken(),
                "central officer", Tokens.centralOfficer(),
                "commune officer of its commune", communeOfficer("21040"));

        for (Map.Entry<String, String> caller : allowed.entrySet()) {
            long before = readRows(dossier.id());
            JsonPath shown = as(caller.getValue()).get("/api/v1/applications/" + dossier.id()).then().statusCode(200)
                    .extract().jsonPath();
            assertShown(shown, "form01.", caller.getKey());
            assertThat(readRows(dossier.id())).as(caller.getKey() + " reading is audited once").isEqualTo(before + 1);
        }
        long before = readRows(dossier.id());
        JsonPath listed = as(QUANG_NGAI).queryParam("productId", dossier.productId()).get("/api/v1/applications")
                .then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("items")).hasSize(1);
        assertShown(listed, "items[0].form01.", "province officer's list");
        assertThat(readRows(dossier.id())).as("a list shows it: audited once").isEqualTo(before + 1);
    }

    @Test
    void everyOtherReaderOfTheDossierSeesNullAndLeavesNoReadRow() {
        // The product is made in another commune than its producer's home: that commune's officer reads the dossier,
        // but not the household's own contacts.
        Dossier dossier = dossierOf("FARM", "21548");
        Map<String, String> others = Map.of(
                "auditor", Tokens.of("auditor@ocop.gov.vn", "auditor").mint(),
                "inspector of its province", Tokens.of("inspector-51@ocop.gov.vn", "inspector").claim("province", "51").mint(),
                "commune officer of the product's commune", communeOfficer("21548"));
        long before = readRows(dossier.id());

        for (Map.Entry<String, String> caller : others.entrySet()) {
            JsonPath shown = as(caller.getValue()).get("/api/v1/applications/" + dossier.id()).then().statusCode(200)
                    .extract().jsonPath();
            assertWithheld(shown, "form01.", caller.getKey());
            assertThat(shown.getString("form01.legalRepresentative")).as(caller.getKey()).isEqualTo("Phạm Văn A");
            assertThat(shown.getString("form01.productName")).as(caller.getKey()).isEqualTo("Mật ong rừng");

            JsonPath listed = as(caller.getValue()).queryParam("productId", dossier.productId()).get("/api/v1/applications")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(listed.getList("items")).as(caller.getKey()).hasSize(1);
            assertWithheld(listed, "items[0].form01.", caller.getKey());
        }
        as(Tokens.provinceOfficer("40")).get("/api/v1/applications/" + dossier.id()).then().statusCode(404);
        assertThat(readRows(dossier.id())).as("reads that showed no contacts are not audited").isEqualTo(before);
    }

    @Test
    void aCooperativesForm01ContactsAreNotPersonal() {
        Dossier dossier = dossierOf("COOPERATIVE", "21040");
        JsonPath shown = as(Tokens.of("auditor@ocop.gov.vn", "auditor").mint()).get("/api/v1/applications/" + dossier.id())
                .then().statusCode(200).extract().jsonPath();
        assertShown(shown, "form01.", "auditor");
        assertThat(readRows(dossier.id())).as("nothing personal was shown").isZero();
    }

    @Test
    void theAuditTrailOfWritesKeepsTheWholeForm01() {
        Dossier dossier = dossierOf("HOUSEHOLD", "21548");
        String url = "/api/v1/applications/" + dossier.id();
        String etag = as(dossier.producerToken()).get(url).then().statusCode(200).extract().header("ETag");
        Map<String, Object> form01 = new HashMap<>(form01());
        form01.put("phone", "0913 222 555");
        as(dossier.producerToken()).header("If-Match", etag).body(Map.of("form01", form01, "form02", form02())).put(url)
                .then().statusCode(200).body("form01.phone", equalTo("0913 222 555"));

        assertThat(auditedPhones(dossier.id())).containsExactlyInAnyOrder(
                "application.created after " + PHONE,
                "application.updated before " + PHONE,
                "application.updated after 0913 222 555");
    }

    @Test
    void anOfficerWhoMayNotSeeThemGetsTheAnswersOfItsOwnWritesWithoutThem() {
        // The officer of the product's commune (not the household's home commune) files the dossier on its behalf.
        Dossier product = productOf("HOUSEHOLD", "21548");
        String officer = communeOfficer("21548");
        JsonPath created = as(officer).body(createBody(product.productId())).post("/api/v1/applications").then()
                .statusCode(201).extract().jsonPath();
        assertWithheld(created, "form01.", "the filing officer");
        String url = "/api/v1/applications/" + created.getString("id");
        JsonPath updated = as(officer).header("If-Match", "\"0\"").body(Map.of("form01", form01(), "form02", form02()))
                .put(url).then().statusCode(200).extract().jsonPath();
        assertWithheld(updated, "form01.", "the filing officer's update");

        assertThat(readRows(created.getString("id"))).isZero();
        assertThat(auditedPhones(created.getString("id"))).as("the writes' audit rows keep the whole form")
                .containsExactlyInAnyOrder("application.created after " + PHONE, "application.updated before " + PHONE,
                        "application.updated after " + PHONE);
        assertShown(as(product.producerToken()).get(url).then().statusCode(200).extract().jsonPath(), "form01.", "the producer");
    }

    private static void assertShown(JsonPath json, String prefix, String caller) {
        assertThat(json.getString(prefix + "address")).as(caller).isEqualTo(ADDRESS);
        assertThat(json.getString(prefix + "phone")).as(caller).isEqualTo(PHONE);
        assertThat(json.getString(prefix + "email")).as(caller).isEqualTo(EMAIL);
    }

    private static void assertWithheld(JsonPath json, String prefix, String caller) {
        for (String field : CONTACTS) {
            assertThat(json.getString(prefix + field)).as(caller + ": " + field).isNull();
        }
    }

    /** A draft dossier of a producer of this kind in commune 21040, for a product made in {@code productCommune}. */
    private static Dossier dossierOf(String kind, String productCommune) {
        Dossier product = productOf(kind, productCommune);
        String id = as(product.producerToken()).body(createBody(product.productId())).post("/api/v1/applications")
                .then().statusCode(201).extract().path("id");
        return new Dossier(id, product.productId(), product.producerToken());
    }

    /** A product, without a dossier yet, of a producer of this kind in commune 21040. */
    private static Dossier productOf(String kind, String productCommune) {
        Map<String, Object> body = new HashMap<>(producer("Hộ Phạm Văn A " + UUID.randomUUID(), "51", randomTaxCode()));
        body.put("kind", kind);
        String producerId = as(QUANG_NGAI).body(body).post("/api/v1/producers").then().statusCode(201).extract().path("id");
        String productId = as(QUANG_NGAI).body(RegistryTestSupport.product(producerId, "Mật ong rừng", productCommune))
                .post("/api/v1/products").then().statusCode(201).extract().path("id");
        return new Dossier(null, productId, Tokens.producer(UUID.fromString(producerId)));
    }

    private static Map<String, Object> createBody(String productId) {
        return Map.of("productId", productId, "kind", "FIRST_RATING", "form01", form01(), "form02", form02());
    }

    private static Map<String, Object> form01() {
        return Map.of("unitName", "Hộ Phạm Văn A", "legalRepresentative", "Phạm Văn A", "representativeTitle", "Chủ hộ",
                "address", ADDRESS, "phone", PHONE, "email", EMAIL, "productName", "Mật ong rừng",
                "productGroup", "Thực phẩm / Mật ong", "sampleCount", 5);
    }

    private static Map<String, Object> form02() {
        return Map.of("selfScores", List.of(Map.of("criterionCode", "A.1.1", "score", 3)),
                "evidence", List.of(Map.of("criterionCode", "A.1.1", "description", "Giấy chứng nhận an toàn thực phẩm")),
                "businessResults", "Doanh thu 2025: 300 triệu đồng");
    }

    private static String communeOfficer(String commune) {
        return Tokens.of("commune-" + commune + "@ocop.gov.vn", "commune-officer").claim("province", "51")
                .claim("commune", commune).mint();
    }

    private long readRows(String applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from audit_entry where entity_type = 'application' and entity_id = ?1 and action = ?2")
                .setParameter(1, applicationId).setParameter(2, PersonalData.READ_ACTION).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<String> auditedPhones(String applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select action || ' before ' || (before_state -> 'form01' ->> 'phone') from audit_entry
                 where entity_type = 'application' and entity_id = ?1 and before_state is not null
                union all
                select action || ' after ' || (after_state -> 'form01' ->> 'phone') from audit_entry
                 where entity_type = 'application' and entity_id = ?1 and after_state is not null
                order by 1""").setParameter(1, applicationId).getResultList());
    }
}
