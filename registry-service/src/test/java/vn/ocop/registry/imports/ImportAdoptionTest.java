package vn.ocop.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.registry.RegistryTestSupport.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * A provincial system importing producers that its officers first registered through the API: the row whose tax code
 * names such a producer (in the caller's scope, no externalRef yet) adopts it under the row's externalRef, and its
 * values correct it as a PUT would; a producer another import already keys is still refused.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ImportAdoptionTest {
    private static final String OFFICER = Tokens.provinceOfficer("51");

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Test
    void aRowAdoptsTheProducerRegisteredThroughTheApiWithItsTaxCode() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String taxCode = RegistryTestSupport.randomTaxCode();
        Map<String, Object> body = RegistryTestSupport.producer("HTX Qua API " + run, "51", taxCode);
        String id = as(OFFICER).body(body).post("/api/v1/producers").then().statusCode(201).extract().path("id");
        String etag = as(OFFICER).get("/api/v1/producers/" + id).then().extract().header("ETag");

        // The same values: adopted, nothing else changes (version, ETag, events).
        JsonPath same = ImportApiTest.runImport(OFFICER, "application/x-ndjson", row(body, run + "-A"));
        assertThat(same.getInt("unchanged")).isEqualTo(1);
        assertThat(same.getInt("created") + same.getInt("failed") + same.getInt("updated")).isZero();
        assertThat(externalRef(id)).isEqualTo(run + "-A");
        as(OFFICER).get("/api/v1/producers/" + id).then().header("ETag", etag);
        assertThat(events(id)).containsExactly("ProducerRegistered");

        // From now on the row's key names it: a changed name is a correction of that producer, not a new one.
        Map<String, Object> renamed = new HashMap<>(body);
        renamed.put("name", "HTX Qua API mới " + run);
        JsonPath corrected = ImportApiTest.runImport(OFFICER, "application/x-ndjson", row(renamed, run + "-A"));
        assertThat(corrected.getInt("updated")).isEqualTo(1);
        as(OFFICER).get("/api/v1/producers/" + id).then().body("name", equalTo("HTX Qua API mới " + run))
                .body("version", equalTo(Integer.parseInt(etag.replaceAll("\\D", "")) + 1));
        assertThat(events(id)).containsExactly("ProducerRegistered", "ProducerUpdated");
        as(OFFICER).queryParam("q", "HTX Qua API").queryParam("size", 100).get("/api/v1/producers").then()
                .body("items.findAll { it.taxCode == '" + taxCode + "' }.size()", equalTo(1));
    }

    @Test
    void aProducerKeyedByAnotherExternalRefIsStillRefused() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        Map<String, Object> body = RegistryTestSupport.producer("HTX Đã nhập " + run, "51", RegistryTestSupport.randomTaxCode());
        assertThat(ImportApiTest.runImport(OFFICER, "application/x-ndjson", row(body, run + "-A")).getInt("created")).isEqualTo(1);
        String id = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select cast(id as text) from producer where external_ref = ?1").setParameter(1, run + "-A").getSingleResult().toString());

        Map<String, Object> other = new HashMap<>(body);
        other.put("name", "HTX Khác " + run);
        JsonPath job = ImportApiTest.runImport(OFFICER, "application/x-ndjson", row(other, run + "-B"));

        assertThat(job.getInt("failed")).isEqualTo(1);
        List<Map<String, Object>> errors = as(OFFICER).get("/api/v1/imports/" + job.getString("id") + "/rows").then()
                .statusCode(200).extract().path("items[0].errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("taxCode");
        assertThat(externalRef(id)).isEqualTo(run + "-A");
        as(OFFICER).get("/api/v1/producers/" + id).then().body("name", equalTo("HTX Đã nhập " + run));
    }

    private String row(Map<String, Object> body, String externalRef) throws Exception {
        Map<String, Object> row = new HashMap<>(body);
        row.put("type", "producer");
        row.put("externalRef", externalRef);
        return json.writeValueAsString(row) + "\n";
    }

    private String externalRef(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select external_ref from producer where id = cast(?1 as uuid)").setParameter(1, id).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<String> events(String id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select event_type from outbox_event where message_key = ?1 order by id").setParameter(1, id).getResultList());
    }
}
