package vn.ocop.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.producer;
import static vn.ocop.registry.RegistryTestSupport.randomTaxCode;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ProducerApiTest {

    private static final String QUANG_NGAI = Tokens.provinceOfficer("51");

    @Inject
    EntityManager entityManager;

    @Test
    void provinceOfficerRegistersAProducerOfTheirProvince() {
        String taxCode = randomTaxCode();
        String id = as(QUANG_NGAI).body(producer("HTX Tỏi Lý Sơn", "51", taxCode))
                .post("/api/v1/producers")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/producers/"))
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo("HTX Tỏi Lý Sơn"))
                .body("taxCode", equalTo(taxCode))
                .body("provinceCode", equalTo("51"))
                .body("unitList", equalTo("2025"))
                .body("representative.gender", equalTo("FEMALE"))
                .extract().path("id");

        as(QUANG_NGAI).get("/api/v1/producers/" + id).then().statusCode(200).body("name", equalTo("HTX Tỏi Lý Sơn"));
        assertThat(auditActions(id)).containsExactly("producer.registered");
    }

    @Test
    void aLegacyProvinceCodeIsMappedToItsSuccessorAndKept() {
        // Sóc Trăng (94) merged into Cần Thơ (92) on 1/7/2025.
        as(Tokens.provinceOfficer("92")).body(producer("HTX Gạo ST25 Sóc Trăng", "94", randomTaxCode()))
                .post("/api/v1/producers")
                .then().statusCode(201)
                .body("provinceCode", equalTo("92"))
                .body("legacyProvinceCode", equalTo("94"));
    }

    @Test
    void invalidInputIsAProblemNamingEachFieldAndWritesNothing() {
        long before = producerCount();
        Map<String, Object> body = new HashMap<>(producer("", "51", "12345"));
        body.put("email", "not-an-email");

        as(QUANG_NGAI).body(body).post("/api/v1/producers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/producers"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("taxCode"))
                .body("violations.field", hasItem("email"));

        assertThat(producerCount()).isEqualTo(before);
    }

    @Test
    void unknownProvinceAndMalformedJsonAreBadRequests() {
        as(QUANG_NGAI).body(producer("HTX X", "99", randomTaxCode())).post("/api/v1/producers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("provinceCode"));

        as(QUANG_NGAI).body("{\"name\": ").post("/api/v1/producers")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("MALFORMED_REQUEST"));

        as(QUANG_NGAI).body(Map.of("name", "X", "kind", "SPACESHIP")).post("/api/v1/producers")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST")).body("violations[0].field", equalTo("kind"));
    }

    @Test
    void anonymousWritesAre401WrongRoleIs403WrongProvinceIs403() {
        long before = producerCount();
        given().contentType(ContentType.JSON).body(producer("HTX A", "51", randomTaxCode())).post("/api/v1/producers")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("code", equalTo("UNAUTHENTICATED"));

        as(Tokens.of("auditor-1", "auditor").mint()).body(producer("HTX A", "51", randomTaxCode())).post("/api/v1/producers")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));

        as(Tokens.provinceOfficer("01")).body(producer("HTX A", "51", randomTaxCode())).post("/api/v1/producers")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("OUT_OF_SCOPE"));

        as("not-a-jwt").body(producer("HTX A", "51", randomTaxCode())).post("/api/v1/producers")
                .then().statusCode(401).contentType("application/problem+json");

        assertThat(producerCount()).isEqualTo(before);
    }

    @Test
    void anOfficerCannotReadAnotherProvincesProducer() {
        String id = RegistryTestSupport.registerProducer(QUANG_NGAI, "HTX Mạch nha", "51");

        as(Tokens.provinceOfficer("01")).get("/api/v1/producers/" + id)
                .then().statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));
        as(Tokens.producer(UUID.fromString(id))).get("/api/v1/producers/" + id).then().statusCode(200);
        as(Tokens.producer(UUID.randomUUID())).get("/api/v1/producers/" + id).then().statusCode(403);
    }

    @Test
    void aRepeatedTaxCodeIsAConflict() {
        String taxCode = randomTaxCode();
        as(QUANG_NGAI).body(producer("HTX Một", "51", taxCode)).post("/api/v1/producers").then().statusCode(201);

        as(QUANG_NGAI).body(producer("HTX Hai", "51", taxCode)).post("/api/v1/producers")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("TAX_CODE_TAKEN"));
    }

    @Test
    void theSameIdempotencyKeyAndBodyReplayTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = producer("HTX Chè Tân Cương", "19", randomTaxCode());
        String officer = Tokens.provinceOfficer("19");
        long before = producerCount();

        String first = as(officer).header("Idempotency-Key", key).body(body).post("/api/v1/producers")
                .then().statusCode(201).extract().path("id");
        String second = as(officer).header("Idempotency-Key", key).body(body).post("/api/v1/producers")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", containsString(first)).extract().path("id");

        assertThat(second).isEqualTo(first);
        assertThat(producerCount()).isEqualTo(before + 1);

        Map<String, Object> other = producer("HTX Khác", "19", randomTaxCode());
        as(officer).header("Idempotency-Key", key).body(other).post("/api/v1/producers")
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(producerCount()).isEqualTo(before + 1);
    }

    @Test
    void updatesNeedTheCurrentEtag() {
        String id = RegistryTestSupport.registerProducer(QUANG_NGAI, "HTX Cũ", "51");
        String etag = as(QUANG_NGAI).get("/api/v1/producers/" + id).then().statusCode(200).extract().header("ETag");
        Map<String, Object> renamed = new HashMap<>(producer("HTX Mới", "51", randomTaxCode()));
        renamed.put("reason", "Sai tên và mã số thuế khi đăng ký"); // an officer changing a tax code says why

        as(QUANG_NGAI).body(renamed).put("/api/v1/producers/" + id)
                .then().statusCode(428).body("code", equalTo("PRECONDITION_REQUIRED"));
        as(QUANG_NGAI).header("If-Match", etag).body(renamed).put("/api/v1/producers/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("name", equalTo("HTX Mới"));
        as(QUANG_NGAI).header("If-Match", etag).body(producer("HTX Muộn", "51", randomTaxCode())).put("/api/v1/producers/" + id)
                .then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));

        as(QUANG_NGAI).get("/api/v1/producers/" + id).then().body("name", equalTo("HTX Mới"));
        assertThat(auditActions(id)).containsExactly("producer.registered", "producer.updated");
    }

    @Test
    void anIfMatchListPassesWhenAnyTagIsCurrentAndTheWildcardMatchesAnyVersion() {
        String id = RegistryTestSupport.registerProducer(QUANG_NGAI, "HTX Cũ", "51");

        as(QUANG_NGAI).header("If-Match", "\"7\", \"0\"").body(corrected("HTX Một")).put("/api/v1/producers/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("name", equalTo("HTX Một"));
        as(QUANG_NGAI).header("If-Match", "\"0\", \"2\"").body(corrected("HTX Muộn")).put("/api/v1/producers/" + id)
                .then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        as(QUANG_NGAI).header("If-Match", "*").body(corrected("HTX Hai")).put("/api/v1/producers/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("name", equalTo("HTX Hai"));

        as(QUANG_NGAI).get("/api/v1/producers/" + id).then().body("name", equalTo("HTX Hai"));
        assertThat(auditActions(id)).containsExactly("producer.registered", "producer.updated", "producer.updated");
    }

    private static Map<String, Object> corrected(String name) {
        Map<String, Object> body = new HashMap<>(producer(name, "51", randomTaxCode()));
        body.put("reason", "Sai tên và mã số thuế khi đăng ký");
        return body;
    }

    @Test
    void listsArePagedScopedAndRejectNonsenseParameters() {
        String officer = Tokens.provinceOfficer("42");
        for (int i = 0; i < 3; i++) {
            RegistryTestSupport.registerProducer(officer, "HTX Hà Tĩnh " + i, "42");
        }
        as(officer).queryParam("size", 2).get("/api/v1/producers")
                .then().statusCode(200)
                .body("items.size()", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("total", equalTo(3));
        as(officer).queryParam("page", 1).queryParam("size", 2).get("/api/v1/producers")
                .then().statusCode(200).body("items.size()", equalTo(1));
        as(officer).queryParam("province", "51").get("/api/v1/producers").then().statusCode(403);
        as(officer).queryParam("size", 500).get("/api/v1/producers")
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
        as(officer).queryParam("page", "abc").get("/api/v1/producers")
                .then().statusCode(400).body("violations[0].field", equalTo("page"));
        as(officer).queryParam("kind", "SPACESHIP").get("/api/v1/producers")
                .then().statusCode(400).body("violations[0].field", equalTo("kind"));
    }

    @Test
    void searchTextIsMatchedLiterallyNotAsALikePattern() {
        String officer = Tokens.provinceOfficer("38");
        RegistryTestSupport.registerProducer(officer, "HTX Sen 100% Thanh Hóa", "38");
        RegistryTestSupport.registerProducer(officer, "HTX Sen Nga Sơn", "38");
        as(officer).queryParam("province", "38").queryParam("q", "%").get("/api/v1/producers")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].name", equalTo("HTX Sen 100% Thanh Hóa"));
        as(officer).queryParam("province", "38").queryParam("q", "_").get("/api/v1/producers")
                .then().statusCode(200).body("total", equalTo(0));
        as(officer).queryParam("province", "38").queryParam("q", "a\u0000").get("/api/v1/producers")
                .then().statusCode(400).body("violations[0].field", equalTo("q"));
    }

    @Test
    void bodiesAreReadStrictlyAndEachRefusalNamesTheFieldAndWritesNothing() {
        long before = producerCount();
        Map<String, Object> unknownField = new HashMap<>(producer("HTX Lạ", "51", randomTaxCode()));
        unknownField.put("nickname", "x");
        as(QUANG_NGAI).body(unknownField).post("/api/v1/producers")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"))
                .body("violations[0].field", equalTo("nickname"));

        as(QUANG_NGAI).body(producer("HTX\u0000Lạ", "51", randomTaxCode())).post("/api/v1/producers")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", equalTo("must not contain control characters"));

        as(QUANG_NGAI).body("{\"name\": \"A\", \"name\": \"B\"}").post("/api/v1/producers")
                .then().statusCode(400).body("violations[0].field", equalTo("name"))
                .body("violations[0].message", equalTo("given more than once"));

        as(QUANG_NGAI).body(Map.of("name", "X", "kind", "SPACESHIP")).post("/api/v1/producers")
                .then().statusCode(400).body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", containsString("must be one of"))
                .body("violations[0].message", containsString("COOPERATIVE"))
                .body("detail", not(containsString("vn.ocop")));

        given().auth().oauth2(QUANG_NGAI).contentType("text/plain").body("{\"name\": \"HTX\"}")
                .post("/api/v1/producers")
                .then().statusCode(415).contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        assertThat(producerCount()).isEqualTo(before);
    }

    @Test
    void aMethodThePathLacksIs405WithAllow() {
        as(QUANG_NGAI).delete("/api/v1/producers")
                .then().statusCode(405).contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
    }

    @Test
    void unknownIdsAreNotFoundProblems() {
        as(QUANG_NGAI).get("/api/v1/producers/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        as(QUANG_NGAI).get("/api/v1/producers/not-a-uuid").then().statusCode(404).body("code", notNullValue());
    }

    private long producerCount() {
        return QuarkusTransaction.requiringNew().call(
                () -> ((Number) entityManager.createNativeQuery("select count(*) from producer").getSingleResult()).longValue());
    }

    /** The producer's audited changes (reads of its personal data left out). */
    @SuppressWarnings("unchecked")
    private java.util.List<String> auditActions(String id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select action from audit_entry where entity_type = 'producer' and entity_id = ?1 and action not like '%.read' order by id")
                .setParameter(1, id).getResultList());
    }
}
