package vn.ocop.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.producer;
import static vn.ocop.registry.RegistryTestSupport.randomTaxCode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import io.restassured.specification.RequestSpecification;
import vn.ocop.events.Topics;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** Corrections of producers and products: who may change what, no-op writes, versions, events and the audit trail. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class CorrectionApiTest {

    private static final String OFFICER = Tokens.provinceOfficer("51");
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    EntityManager entityManager;

    @Test
    void aProducerMayNotChangeItsTaxCodeOrPlaceButAnOfficerMayWithAReasonTheAuditSays() {
        String taxCode = randomTaxCode();
        String id = as(OFFICER).body(producer("HTX Tỏi Lý Sơn", "51", taxCode)).post("/api/v1/producers")
                .then().statusCode(201).extract().path("id");
        String self = Tokens.producer(UUID.fromString(id));
        String newTaxCode = randomTaxCode();

        as(self).header("If-Match", "\"0\"").body(with(producer("HTX Tỏi Lý Sơn", "51", newTaxCode), Map.of()))
                .put("/api/v1/producers/" + id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("TAX_CODE_CHANGE_FORBIDDEN")).body("violations[0].field", equalTo("taxCode"));
        patch(self, "\"0\"", "{\"communeCode\": \"21548\"}", "/api/v1/producers/" + id)
                .then().statusCode(403).body("code", equalTo("AREA_CHANGE_FORBIDDEN")).body("violations[0].field", equalTo("communeCode"));
        // What describes it, the producer corrects itself.
        patch(self, "\"0\"", "{\"phone\": \"0255 3867 999\"}", "/api/v1/producers/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("phone", equalTo("0255 3867 999"));

        as(OFFICER).header("If-Match", "\"1\"").body(with(producer("HTX Tỏi Lý Sơn", "51", newTaxCode), Map.of("phone", "0255 3867 999")))
                .put("/api/v1/producers/" + id)
                .then().statusCode(422).body("code", equalTo("REASON_REQUIRED")).body("violations[0].field", equalTo("reason"));
        String reason = "Sai mã số thuế khi nhập; sửa theo giấy đăng ký HTX";
        as(OFFICER).header("If-Match", "\"1\"")
                .body(with(producer("HTX Tỏi Lý Sơn", "51", newTaxCode), Map.of("phone", "0255 3867 999", "reason", reason)))
                .put("/api/v1/producers/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("taxCode", equalTo(newTaxCode)).body("version", equalTo(2));

        List<Object[]> audit = audit("producer", id);
        assertThat(audit).extracting(row -> row[0]).containsExactly("producer.registered", "producer.updated", "producer.updated");
        assertThat(audit.get(1)[1]).isEqualTo("producer-" + id);
        assertThat(audit.get(1)[2]).isNull();
        assertThat(audit.get(2)[1]).isEqualTo("officer-51@ocop.gov.vn");
        assertThat(audit.get(2)[2]).isEqualTo(reason);
        assertThat((String) audit.get(2)[3]).contains(taxCode);
        assertThat((String) audit.get(2)[4]).contains(newTaxCode);

        List<String> events = outbox(id);
        assertThat(events).hasSize(3);
        assertThat(events.get(2)).contains("\"version\":2", "\"changed\":[\"taxCode\"]", "\"reason\":\"" + reason + "\"",
                "\"taxCode\":\"" + newTaxCode + "\"");
        assertThat(events.get(1)).contains("\"version\":1", "\"changed\":[\"phone\"]", "\"reason\":null");
    }

    @Test
    void aWriteThatChangesNothingKeepsVersionEtagAndAuditAndPublishesNothing() {
        String id = RegistryTestSupport.registerProducer(OFFICER, "HTX Không Đổi", "51");
        Map<String, Object> current = as(OFFICER).get("/api/v1/producers/" + id).then().statusCode(200).extract().path("");
        Map<String, Object> same = new HashMap<>(current);
        for (String bookkeeping : List.of("id", "legacyProvinceCode", "legacyCommuneCode", "unitList", "createdAt", "updatedAt", "version")) {
            same.remove(bookkeeping);
        }
        as(OFFICER).header("If-Match", "\"0\"").body(same).put("/api/v1/producers/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("version", equalTo(0))
                .body("updatedAt", equalTo(current.get("updatedAt")));
        patch(OFFICER, "\"0\"", "{\"name\": \"HTX Không Đổi\", \"kind\": \"COOPERATIVE\"}", "/api/v1/producers/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\""));

        String productId = as(OFFICER).body(RegistryTestSupport.product(id, "Tỏi cô đơn")).post("/api/v1/products")
                .then().statusCode(201).extract().path("id");
        as(OFFICER).header("If-Match", "\"0\"").body(RegistryTestSupport.product(id, "Tỏi cô đơn")).put("/api/v1/products/" + productId)
                .then().statusCode(200).header("ETag", equalTo("\"0\""));
        patch(OFFICER, "\"0\"", "{}", "/api/v1/products/" + productId).then().statusCode(200).header("ETag", equalTo("\"0\""));

        assertThat(audit("producer", id)).extracting(row -> row[0]).containsExactly("producer.registered");
        assertThat(audit("product", productId)).extracting(row -> row[0]).containsExactly("product.registered");
        assertThat(outbox(id)).hasSize(1);
        assertThat(outbox(productId)).hasSize(1);
    }

    @Test
    void aCorrectedProductIsPublishedWithItsVersionAndKeepsItsCodeWhenMoved() {
        String producerId = RegistryTestSupport.registerProducer(OFFICER, "HTX Di Chuyển", "51");
        String productId = as(OFFICER).body(RegistryTestSupport.product(producerId, "Tỏi Lý Sơn")).post("/api/v1/products")
                .then().statusCode(201).extract().path("id");
        String code = as(OFFICER).get("/api/v1/products/" + productId).then().extract().path("code");
        String self = Tokens.producer(UUID.fromString(producerId));

        patch(self, "\"0\"", "{\"name\": \"Tỏi cô đơn Lý Sơn\", \"productSet\": 11}", "/api/v1/products/" + productId)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("name", equalTo("Tỏi cô đơn Lý Sơn"));
        patch(self, "\"1\"", "{\"communeCode\": \"21548\"}", "/api/v1/products/" + productId)
                .then().statusCode(403).body("code", equalTo("AREA_CHANGE_FORBIDDEN"));
        patch(OFFICER, "\"1\"", "{\"communeCode\": \"21548\", \"reason\": \"Cơ sở sản xuất chuyển ra đặc khu Lý Sơn\"}",
                "/api/v1/products/" + productId)
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("communeCode", equalTo("21548")).body("code", equalTo(code));
        patch(OFFICER, "\"2\"", "{\"producerId\": \"" + UUID.randomUUID() + "\"}", "/api/v1/products/" + productId)
                .then().statusCode(422).body("code", equalTo("PRODUCER_NOT_CHANGEABLE"));

        // The producer moves to another province (an officer, with a reason); its product follows, keeping its code.
        Map<String, Object> moved = with(producer("HTX Di Chuyển", "46", randomTaxCode()), Map.of("reason", "Chuyển trụ sở về Huế"));
        String producerEtag = as(OFFICER).get("/api/v1/producers/" + producerId).then().extract().header("ETag");
        as(OFFICER).header("If-Match", producerEtag).body(moved).put("/api/v1/producers/" + producerId)
                .then().statusCode(200).body("provinceCode", equalTo("46"));
        as(Tokens.centralOfficer()).header("If-Match", "\"2\"")
                .body(with(RegistryTestSupport.product(producerId, "Tỏi cô đơn Lý Sơn", "19753"),
                        Map.of("productSet", 11, "reason", "Theo chủ thể về Huế")))
                .put("/api/v1/products/" + productId)
                .then().statusCode(200).header("ETag", equalTo("\"3\"")).body("provinceCode", equalTo("46"))
                .body("communeCode", equalTo("19753")).body("code", equalTo(code));

        List<String> events = outbox(productId);
        assertThat(events).hasSize(4);
        assertThat(events.get(1)).contains("\"version\":1", "\"changed\":[\"name\",\"productSet\"]");
        assertThat(events.get(2)).contains("\"version\":2", "\"changed\":[\"communeCode\"]", "\"productCode\":\"" + code + "\"");
        assertThat(KafkaTestClient.awaitRecords(Topics.REGISTRY, r -> productId.equals(r.key())
                && "ProductUpdated".equals(KafkaTestClient.header(r, "ce_type")), 3, Duration.ofSeconds(30)).get(2).value())
                .contains("\"version\":3", "\"provinceCode\":\"46\"", "\"communeCode\":\"19753\"", "\"productCode\":\"" + code + "\"");
    }

    @Test
    void correctionsNeedTheCurrentEtag() {
        String id = RegistryTestSupport.registerProducer(OFFICER, "HTX Điều Kiện", "51");
        String productId = as(OFFICER).body(RegistryTestSupport.product(id, "Mật ong")).post("/api/v1/products")
                .then().statusCode(201).extract().path("id");
        as(OFFICER).body(RegistryTestSupport.product(id, "Mật ong rừng")).put("/api/v1/products/" + productId)
                .then().statusCode(428).contentType("application/problem+json").body("code", equalTo("PRECONDITION_REQUIRED"));
        patch(OFFICER, null, "{\"name\": \"Mật ong rừng\"}", "/api/v1/products/" + productId)
                .then().statusCode(428).body("code", equalTo("PRECONDITION_REQUIRED"));
        patch(OFFICER, "\"0\"", "{\"name\": \"Mật ong rừng\"}", "/api/v1/products/" + productId).then().statusCode(200);
        patch(OFFICER, "\"0\"", "{\"name\": \"Mật ong hoa cà phê\"}", "/api/v1/products/" + productId)
                .then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        patch(OFFICER, "\"0\"", "{\"phone\": \"1\"}", "/api/v1/producers/" + id).then().statusCode(200);
        patch(OFFICER, "\"0\"", "{\"phone\": \"2\"}", "/api/v1/producers/" + id).then().statusCode(412);
        as(OFFICER).get("/api/v1/products/" + productId).then().body("name", equalTo("Mật ong rừng"));
    }

    @Test
    void aMergePatchIsReadAsStrictlyAsAPutAndNullClearsAnOptionalField() {
        String id = RegistryTestSupport.registerProducer(OFFICER, "HTX Vá", "51");
        String url = "/api/v1/producers/" + id;
        patch(OFFICER, "\"0\"", "{\"nickname\": \"x\"}", url)
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST")).body("violations[0].field", equalTo("nickname"));
        patch(OFFICER, "\"0\"", "{\"kind\": \"SPACESHIP\"}", url)
                .then().statusCode(400).body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", equalTo("must be one of COOPERATIVE, COOPERATIVE_GROUP, ENTERPRISE, FARM, "
                        + "HOUSEHOLD, ASSOCIATION, OPERATING_CENTRE"))
                .body("detail", not(containsString("vn.ocop"))).body("detail", not(containsString("Cannot deserialize")));
        patch(OFFICER, "\"0\"", "{\"representative\": {\"gender\": \"ROBOT\"}}", url)
                .then().statusCode(400).body("violations[0].field", equalTo("representative.gender"))
                .body("violations[0].message", containsString("must be one of"));
        patch(OFFICER, "\"0\"", "{\"name\": null}", url)
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("violations[0].field", equalTo("name"));
        patch(OFFICER, "\"0\"", "[1]", url).then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        patch(OFFICER, "\"0\"", "{\"email\": null, \"representative\": {\"title\": \"Chủ nhiệm\"}}", url)
                .then().statusCode(200).body("email", nullValue()).body("representative.title", equalTo("Chủ nhiệm"))
                .body("representative.fullName", equalTo("Nguyễn Thị Hoa"));
        given().auth().oauth2(OFFICER).contentType("application/json").header("If-Match", "\"1\"").body("{\"phone\": \"1\"}")
                .patch(url).then().statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        assertThat(audit("producer", id)).hasSize(2);
    }

    private static RequestSpecification patchSpec(String token, String ifMatch) {
        RequestSpecification spec = given().auth().oauth2(token).contentType(MERGE_PATCH);
        return ifMatch == null ? spec : spec.header("If-Match", ifMatch);
    }

    private static io.restassured.response.Response patch(String token, String ifMatch, String body, String url) {
        return patchSpec(token, ifMatch).body(body.getBytes(StandardCharsets.UTF_8)).patch(url);
    }

    private static Map<String, Object> with(Map<String, Object> body, Map<String, Object> extra) {
        Map<String, Object> merged = new HashMap<>(body);
        merged.putAll(extra);
        return merged;
    }

    /** The record's audited changes (reads of personal data left out). */
    @SuppressWarnings("unchecked")
    private List<Object[]> audit(String type, String id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select action, actor, reason, cast(before_state as text), cast(after_state as text)
                from audit_entry where entity_type = ?1 and entity_id = ?2 and action not like '%.read' order by id""")
                .setParameter(1, type).setParameter(2, id).getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<String> outbox(String key) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select payload from outbox_event where message_key = ?1 order by id").setParameter(1, key).getResultList());
    }
}
