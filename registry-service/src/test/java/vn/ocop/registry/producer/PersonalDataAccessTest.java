package vn.ocop.registry.producer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.producer;
import static vn.ocop.registry.RegistryTestSupport.randomTaxCode;

import java.nio.charset.StandardCharsets;
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
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * A representative's ethnic group and disability, and a household's own contacts and tax code (its owner's ID number),
 * are shown only to the producer itself, central officers and the officers of its province and commune; every such read
 * leaves one audit row.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class PersonalDataAccessTest {

    private static final String QUANG_NGAI = Tokens.provinceOfficer("51");
    private static final List<String> REPRESENTATIVE_FIELDS = List.of("ethnicGroup", "ethnicMinority", "disabled");
    /** A household's own contacts and tax code; its name stays public (certificate, label). */
    private static final List<String> PERSON_FIELDS = List.of("address", "phone", "email", "taxCode");

    @Inject
    EntityManager entityManager;

    @Test
    void theProducerAndItsOfficersSeeAHouseholdsPersonalDataAndEachReadIsAudited() {
        String name = "Hộ Đinh Văn Hrê " + UUID.randomUUID();
        String taxCode = randomTaxCode();
        String id = registerHousehold(name, taxCode);
        Map<String, String> allowed = Map.of(
                "central officer", Tokens.centralOfficer(),
                "province officer of its province", QUANG_NGAI,
                "commune officer of its commune", communeOfficer("21040"),
                "the producer itself", Tokens.producer(UUID.fromString(id)));

        for (Map.Entry<String, String> caller : allowed.entrySet()) {
            long before = readRows(id);
            JsonPath shown = as(caller.getValue()).get("/api/v1/producers/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(shown.getString("representative.ethnicGroup")).as(caller.getKey()).isEqualTo("Hrê");
            assertThat(shown.getBoolean("representative.ethnicMinority")).as(caller.getKey()).isTrue();
            assertThat(shown.getBoolean("representative.disabled")).as(caller.getKey()).isTrue();
            assertThat(shown.getString("phone")).as(caller.getKey()).isEqualTo("0912 345 678");
            assertThat(shown.getString("email")).as(caller.getKey()).isEqualTo("dinhvanhre@example.vn");
            assertThat(shown.getString("address")).as(caller.getKey()).isEqualTo("Thôn Tây, xã Bình Sơn");
            assertThat(shown.getString("taxCode")).as(caller.getKey()).isEqualTo(taxCode);
            assertThat(readRows(id)).as(caller.getKey() + " reading is audited once").isEqualTo(before + 1);
        }
        JsonPath listed = as(QUANG_NGAI).queryParam("q", name).get("/api/v1/producers").then().statusCode(200)
                .extract().jsonPath();
        assertThat(listed.getString("items[0].representative.ethnicGroup")).isEqualTo("Hrê");
        assertThat(listed.getString("items[0].phone")).isEqualTo("0912 345 678");
        assertThat(listed.getString("items[0].taxCode")).isEqualTo(taxCode);
    }

    @Test
    void everyOtherCallerSeesNoneOfItAndLeavesNoReadRow() {
        String name = "Hộ Đinh Thị Xơ Đăng " + UUID.randomUUID();
        String taxCode = randomTaxCode();
        String id = registerHousehold(name, taxCode);
        Map<String, String> others = Map.of(
                "council member", Tokens.of("council@ocop.gov.vn", "council-member").mint(),
                "inspector of its province", Tokens.of("inspector-51@ocop.gov.vn", "inspector").claim("province", "51").mint(),
                "auditor", Tokens.of("auditor@ocop.gov.vn", "auditor").mint(),
                "channel operator", Tokens.of("shop@example.vn", "channel-operator")
                        .claim("channel_id", UUID.randomUUID().toString()).mint(),
                "commune officer of another commune", communeOfficer("21548"));
        long before = readRows(id);

        for (Map.Entry<String, String> caller : others.entrySet()) {
            JsonPath shown = as(caller.getValue()).get("/api/v1/producers/" + id).then().statusCode(200).extract().jsonPath();
            assertWithheld(shown, "", caller.getKey());
            assertThat(shown.getString("name")).isEqualTo(name);
            assertThat(shown.getString("representative.fullName")).isEqualTo("Đinh Văn Hrê");
            assertThat(shown.getString("representative.gender")).isEqualTo("MALE");

            JsonPath listed = as(caller.getValue()).queryParam("province", "51").queryParam("q", name)
                    .get("/api/v1/producers").then().statusCode(200).extract().jsonPath();
            assertThat(listed.getList("items")).as(caller.getKey()).hasSize(1);
            assertWithheld(listed, "items[0].", caller.getKey());

            // Searching by the withheld tax code finds nothing: the search matches names only.
            JsonPath byTaxCode = as(caller.getValue()).queryParam("province", "51").queryParam("q", taxCode)
                    .get("/api/v1/producers").then().statusCode(200).extract().jsonPath();
            assertThat(byTaxCode.getList("items")).as(caller.getKey() + " searching by tax code").isEmpty();
        }
        assertThat(readRows(id)).as("reads that showed no personal data are not audited").isEqualTo(before);
    }

    @Test
    void anOrganisationsContactsAndTaxCodeAreNotPersonalButItsRepresentativesEthnicityIs() {
        String taxCode = randomTaxCode();
        Map<String, Object> body = new HashMap<>(producer("HTX Dệt thổ cẩm " + UUID.randomUUID(), "51", taxCode));
        body.put("representative", Map.of("fullName", "Đinh Thị Hiền", "gender", "FEMALE", "ethnicGroup", "Hrê",
                "ethnicMinority", true, "disabled", false));
        String id = as(QUANG_NGAI).body(body).post("/api/v1/producers").then().statusCode(201).extract().path("id");

        JsonPath shown = as(Tokens.of("council@ocop.gov.vn", "council-member").mint()).get("/api/v1/producers/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(shown.getString("phone")).isEqualTo("0255 3867 123");
        assertThat(shown.getString("email")).isEqualTo("htx@example.vn");
        assertThat(shown.getString("taxCode")).as("an organisation's tax code is public").isEqualTo(taxCode);
        for (String field : REPRESENTATIVE_FIELDS) {
            assertThat(shown.getString("representative." + field)).as(field).isNull();
        }
    }

    @Test
    void aMergePatchByAnOfficerKeepsThePersonalDataItDidNotName() {
        String id = registerHousehold("Hộ Đinh Văn Hrê " + UUID.randomUUID(), randomTaxCode());
        given().auth().oauth2(QUANG_NGAI).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"name\": \"Hộ Đinh Văn Hrê (sửa tên)\"}".getBytes(StandardCharsets.UTF_8))
                .patch("/api/v1/producers/" + id).then().statusCode(200);

        JsonPath shown = as(QUANG_NGAI).get("/api/v1/producers/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(shown.getString("representative.ethnicGroup")).isEqualTo("Hrê");
        assertThat(shown.getBoolean("representative.disabled")).isTrue();
        assertThat(shown.getString("phone")).isEqualTo("0912 345 678");
    }

    @Test
    void eventsCarryAnOrganisationsTaxCodeButNeverAPersons() {
        String household = registerHousehold("Hộ Đinh Văn Hrê " + UUID.randomUUID(), randomTaxCode());
        given().auth().oauth2(QUANG_NGAI).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"phone\": \"0912 000 111\"}".getBytes(StandardCharsets.UTF_8))
                .patch("/api/v1/producers/" + household).then().statusCode(200);
        String taxCode = randomTaxCode();
        String cooperative = as(QUANG_NGAI).body(producer("HTX Dệt thổ cẩm " + UUID.randomUUID(), "51", taxCode))
                .post("/api/v1/producers").then().statusCode(201).extract().path("id");

        List<String> householdEvents = events(household);
        assertThat(householdEvents).as("ProducerRegistered and ProducerUpdated").hasSize(2);
        for (String payload : householdEvents) {
            JsonPath event = new JsonPath(payload);
            assertThat(event.getString("kind")).isEqualTo("HOUSEHOLD");
            assertThat(event.getString("taxCode")).as("a household's tax code is its owner's ID number").isNull();
        }
        assertThat(new JsonPath(events(cooperative).get(0)).getString("taxCode")).isEqualTo(taxCode);
    }

    @SuppressWarnings("unchecked")
    private List<String> events(String producerId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select payload from outbox_event where message_key = ?1 and event_type like 'Producer%' order by id")
                .setParameter(1, producerId).getResultList());
    }

    private static void assertWithheld(JsonPath json, String prefix, String caller) {
        for (String field : REPRESENTATIVE_FIELDS) {
            assertThat(json.getString(prefix + "representative." + field)).as(caller + ": " + field).isNull();
        }
        for (String field : PERSON_FIELDS) {
            assertThat(json.getString(prefix + field)).as(caller + ": " + field).isNull();
        }
    }

    private static String registerHousehold(String name, String taxCode) {
        Map<String, Object> body = new HashMap<>(producer(name, "51", taxCode));
        body.put("kind", "HOUSEHOLD");
        body.put("address", "Thôn Tây, xã Bình Sơn");
        body.put("phone", "0912 345 678");
        body.put("email", "dinhvanhre@example.vn");
        body.put("representative", Map.of("fullName", "Đinh Văn Hrê", "gender", "MALE", "ethnicGroup", "Hrê",
                "ethnicMinority", true, "disabled", true));
        return as(QUANG_NGAI).body(body).post("/api/v1/producers").then().statusCode(201).extract().path("id");
    }

    private static String communeOfficer(String commune) {
        return Tokens.of("commune-" + commune + "@ocop.gov.vn", "commune-officer").claim("province", "51")
                .claim("commune", commune).mint();
    }

    private long readRows(String producerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from audit_entry where entity_type = 'producer' and entity_id = ?1 and action = ?2")
                .setParameter(1, producerId).setParameter(2, PersonalData.READ_ACTION).getSingleResult()).longValue());
    }
}
