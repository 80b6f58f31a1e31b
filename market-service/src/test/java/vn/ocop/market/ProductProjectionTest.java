package vn.ocop.market;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** Products registered in the registry become visible here through the real broker and the inbox. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "market"))
class ProductProjectionTest {

    @Test
    void aRegisteredProductBecomesVisibleToItsProvinceOnly() {
        ProductRegistered event = new ProductRegistered(UUID.randomUUID(), "38-14797-7-2026", "Nem chua Thanh Hóa", 8,
                UUID.randomUUID(), "38", "14797", Instant.parse("2026-02-01T01:00:00Z"));

        KafkaTestClient.publish(event, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.provinceOfficer("38"))
                .get("/api/v1/products/" + event.productId()).then().statusCode(200)
                .body("code", equalTo("38-14797-7-2026")).body("name", equalTo("Nem chua Thanh Hóa"))
                .body("productSet", equalTo(8)));
        given().auth().oauth2(Tokens.provinceOfficer("38")).get("/api/v1/products")
                .then().statusCode(200).body("items.provinceCode", everyItem(equalTo("38")));
        given().auth().oauth2(Tokens.provinceOfficer("01")).get("/api/v1/products/" + event.productId())
                .then().statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));
        given().auth().oauth2(Tokens.provinceOfficer("01")).queryParam("province", "38").get("/api/v1/products")
                .then().statusCode(403);
        given().get("/api/v1/products/" + event.productId()).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(Tokens.centralOfficer()).get("/api/v1/products/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
