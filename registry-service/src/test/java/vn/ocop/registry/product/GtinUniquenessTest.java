package vn.ocop.registry.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.registry.RegistryTestSupport.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** A GTIN names one trade item: a second product may not take a GTIN another already has, by form or by import. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class GtinUniquenessTest {
    private static final String OFFICER = Tokens.provinceOfficer("51");

    @Test
    void aSecondProductWithTheSameGtinIsRefusedWith409InAnyOfItsForms() {
        String gtin = RegistryTestSupport.randomGtin13();
        String producer = RegistryTestSupport.registerProducer(OFFICER, "HTX Mã vạch " + gtin, "51");
        String first = as(OFFICER).body(product(producer, "Nước mắm Sa Huỳnh", gtin)).post("/api/v1/products")
                .then().statusCode(201).extract().path("code");

        for (String sameNumber : List.of(gtin, "0" + gtin)) {
            as(OFFICER).body(product(producer, "Nước mắm nhái", sameNumber)).post("/api/v1/products").then()
                    .statusCode(409).contentType("application/problem+json")
                    .body("code", equalTo("GTIN_TAKEN")).body("detail", containsString(first));
        }
        as(OFFICER).queryParam("producerId", producer).get("/api/v1/products").then()
                .body("total", equalTo(1)).body("items[0].code", equalTo(first));
        // Another GTIN is fine for the same producer.
        as(OFFICER).body(product(producer, "Nước mắm nhĩ", RegistryTestSupport.randomGtin13())).post("/api/v1/products").then().statusCode(201);
    }

    @Test
    void anImportRowWithATakenGtinFailsOnTheGtinField() {
        String gtin = RegistryTestSupport.randomGtin13();
        String producer = RegistryTestSupport.registerProducer(OFFICER, "HTX Nhập " + gtin, "51");
        as(OFFICER).body(product(producer, "Mật ong bạc hà", gtin)).post("/api/v1/products").then().statusCode(201);
        String run = Long.toString(System.nanoTime(), 36);
        String other = RegistryTestSupport.randomGtin13();
        String ndjson = String.join("\n",
                "{\"type\":\"producer\",\"externalRef\":\"" + run + "-P\",\"name\":\"HTX Nhập " + run + "\",\"kind\":\"COOPERATIVE\","
                        + "\"taxCode\":\"" + RegistryTestSupport.randomTaxCode() + "\",\"provinceCode\":\"51\",\"communeCode\":\"21548\","
                        + "\"representative\":{\"fullName\":\"Nguyễn Thị Hoa\",\"gender\":\"FEMALE\"}}",
                importedProduct(run + "-S1", run + "-P", "Mật ong giả " + run, gtin),     // 2: taken by the product above
                importedProduct(run + "-S2", run + "-P", "Mật ong thật " + run, other),   // 3: free
                importedProduct(run + "-S3", run + "-P", "Mật ong sao " + run, other));   // 4: taken by row 3
        String id = as(OFFICER).contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports").then().statusCode(202).extract().path("id");
        JsonPath[] job = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            job[0] = as(OFFICER).get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
            return List.of("COMPLETED", "FAILED").contains(job[0].getString("status"));
        });
        assertThat(job[0].getInt("created")).isEqualTo(2);
        List<Map<String, Object>> failed = as(OFFICER).queryParam("outcome", "FAILED")
                .get("/api/v1/imports/" + id + "/rows").then().statusCode(200).extract().path("items");
        assertThat(failed).extracting(row -> row.get("row")).containsExactlyInAnyOrder(2, 4);
        for (Map<String, Object> row : failed) {
            @SuppressWarnings("unchecked")
            Map<String, String> error = ((List<Map<String, String>>) row.get("errors")).get(0);
            assertThat(error.get("field")).isEqualTo("gtin");
            assertThat(error.get("reason")).contains("already belongs to product");
        }
        given().accept("application/json").get("/01/" + other).then().statusCode(404).body("code", equalTo("NOT_CERTIFIED"))
                .body("detail", containsString("Mật ong thật " + run));
    }

    private static Map<String, Object> product(String producerId, String name, String gtin) {
        Map<String, Object> body = new HashMap<>(RegistryTestSupport.product(producerId, name));
        body.put("gtin", gtin);
        return body;
    }

    private static String importedProduct(String ref, String producerRef, String name, String gtin) {
        return "{\"type\":\"product\",\"externalRef\":\"" + ref + "\",\"producerRef\":\"" + producerRef + "\",\"name\":\""
                + name + "\",\"productSet\":10,\"communeCode\":\"21548\",\"gtin\":\"" + gtin + "\"}";
    }
}
