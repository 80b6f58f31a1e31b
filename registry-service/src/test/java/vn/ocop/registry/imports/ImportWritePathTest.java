package vn.ocop.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.registry.RegistryTestSupport.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Import rows go through the same write path as the API: a row announces the same event as the API does for the
 * same record, a row that changes nothing leaves version, ETag, audit trail and events alone, and a changed row is a
 * correction like a PUT (a ProducerUpdated naming the changed field, version one higher).
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ImportWritePathTest {
    private static final String OFFICER = Tokens.provinceOfficer("51");
    /** What differs between two registrations of equal data: identities, times, and the event's own keys. */
    private static final Set<String> IDENTITY = Set.of("producerId", "productId", "productCode", "taxCode", "registeredAt", "name");

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Test
    void importRowsAnnounceWhatTheApiAnnouncesAndANoOpReimportTouchesNothing() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String viaApi = RegistryTestSupport.registerProducer(OFFICER, "HTX API " + run, "51");
        String fromApi = as(OFFICER).body(RegistryTestSupport.product(viaApi, "Tỏi API " + run)).post("/api/v1/products")
                .then().statusCode(201).extract().path("id");

        String producerRow = ImportApiTest.producer(run + "-P", "HTX Nhập " + run, RegistryTestSupport.randomTaxCode(), "51", "21040")
                .replace("\"representative\":{\"fullName\":\"Nguyễn Thị Hoa\",\"gender\":\"FEMALE\"}",
                        "\"address\":\"Thôn Đông, Lý Sơn\",\"phone\":\"0255 3867 123\",\"email\":\"htx@example.vn\","
                                + "\"representative\":{\"fullName\":\"Nguyễn Thị Hoa\",\"title\":\"Giám đốc\",\"gender\":\"FEMALE\","
                                + "\"ethnicGroup\":\"Kinh\"}");
        String productRow = ImportApiTest.product(run + "-S", run + "-P", "Tỏi Nhập " + run, "21040")
                .replace("\"story\":\"Câu chuyện\"", "\"description\":\"Tỏi cô đơn\",\"story\":\"Trồng trên cát núi lửa\"");
        String file = producerRow + "\n" + productRow + "\n";
        JsonPath first = ImportApiTest.runImport(OFFICER, "application/x-ndjson", file);
        assertThat(first.getInt("created")).isEqualTo(2);
        String imported = id("producer", run + "-P");
        String importedProduct = id("product", run + "-S");

        // Same event types and the same payload fields, differing only in identities and times.
        assertThat(withoutIdentity(event(imported, "ProducerRegistered"))).isEqualTo(withoutIdentity(event(viaApi, "ProducerRegistered")));
        assertThat(withoutIdentity(event(importedProduct, "ProductRegistered")))
                .isEqualTo(withoutIdentity(event(fromApi, "ProductRegistered")));
        assertThat(audit(imported)).containsExactly("producer.registered");

        // The same file again: nothing changes, not even the ETag.
        String etag = as(OFFICER).get("/api/v1/producers/" + imported).then().extract().header("ETag");
        long events = count("select count(*) from outbox_event where message_key in (?1, ?2)", imported, importedProduct);
        JsonPath again = ImportApiTest.runImport(OFFICER, "application/x-ndjson", file);
        assertThat(again.getInt("unchanged")).isEqualTo(2);
        assertThat(again.getInt("updated") + again.getInt("created")).isZero();
        as(OFFICER).get("/api/v1/producers/" + imported).then().header("ETag", etag);
        assertThat(count("select count(*) from outbox_event where message_key in (?1, ?2)", imported, importedProduct)).isEqualTo(events);
        assertThat(audit(imported)).containsExactly("producer.registered");

        // A changed row is a correction, as a PUT would make it.
        JsonPath renamed = ImportApiTest.runImport(OFFICER, "application/x-ndjson", file.replace("HTX Nhập " + run, "HTX Nhập mới " + run));
        assertThat(renamed.getInt("updated")).isEqualTo(1);
        assertThat(renamed.getInt("unchanged")).isEqualTo(1);
        Map<String, Object> updated = event(imported, "ProducerUpdated");
        assertThat(String.valueOf(updated.get("changed"))).isEqualTo("[name]");
        assertThat(audit(imported)).containsExactly("producer.registered", "producer.updated");
        as(OFFICER).get("/api/v1/producers/" + imported).then().body("version", org.hamcrest.Matchers.equalTo(
                Integer.parseInt(etag.replaceAll("\\D", "")) + 1));
    }

    private Map<String, Object> withoutIdentity(Map<String, Object> payload) {
        Map<String, Object> rest = new HashMap<>(payload);
        rest.keySet().removeAll(IDENTITY);
        return rest;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> event(String key, String type) throws Exception {
        String payload = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select payload from outbox_event where message_key = ?1 and event_type = ?2 order by occurred_at desc limit 1")
                .setParameter(1, key).setParameter(2, type).getSingleResult());
        Map<String, Object> envelope = json.readValue(payload, Map.class);
        return envelope.containsKey("data") ? (Map<String, Object>) envelope.get("data") : envelope;
    }

    /** The record's audited changes (reads of personal data left out). */
    @SuppressWarnings("unchecked")
    private List<String> audit(String id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select action from audit_entry where entity_id = ?1 and action not like '%.read' order by id")
                .setParameter(1, id).getResultList());
    }

    private String id(String table, String ref) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select cast(id as text) from " + table + " where external_ref = ?1").setParameter(1, ref).getSingleResult().toString());
    }

    private long count(String sql, String a, String b) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, a).setParameter(2, b).getSingleResult()).longValue());
    }
}
