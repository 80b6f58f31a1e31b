package vn.ocop.market;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.events.registry.ProductUpdated;
import vn.ocop.market.MarketFixtures.TestProduct;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** A registry correction of a listed product reaches the public where-to-buy page and the product's listings. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "market"))
class ProductCorrectionTest {

    @Test
    void aRenamedAndMovedProductShowsItsNewNameAndItsListingsFollowItsProvinceAndProducer() {
        TestProduct p = MarketFixtures.registeredProduct("51", "Tỏi Lý Sơn");
        MarketFixtures.certify(p, 4);
        UUID channel = MarketFixtures.channel("Postmart " + UUID.randomUUID(), "https://postmart.example/hook", "postmart-secret-1234");
        UUID listing = MarketFixtures.listing(Tokens.producer(p.producerId()), p.id(), channel, null);
        String etagBefore = given().auth().oauth2(Tokens.centralOfficer()).get("/api/v1/listings/" + listing)
                .then().statusCode(200).extract().header("ETag");
        UUID newProducer = UUID.randomUUID();

        KafkaTestClient.publish(new ProductUpdated(p.id(), p.code(), "Tỏi cô đơn Lý Sơn", 10, newProducer, "46", "19774", 1,
                List.of("name", "producerId", "provinceCode", "communeCode"), "Chuyển chủ thể",
                Instant.parse("2026-03-01T02:00:00Z")), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("product", p.id().toString())
                .get("/api/v1/public/where-to-buy").then().statusCode(200)
                .body("productName", equalTo("Tỏi cô đơn Lý Sơn")).body("productCode", equalTo(p.code())));
        given().auth().oauth2(Tokens.centralOfficer()).get("/api/v1/listings/" + listing).then().statusCode(200)
                .body("productName", equalTo("Tỏi cô đơn Lý Sơn")).body("productCode", equalTo(p.code()))
                .body("provinceCode", equalTo("46")).body("producerId", equalTo(newProducer.toString()))
                .header("ETag", not(equalTo(etagBefore)));
    }
}
