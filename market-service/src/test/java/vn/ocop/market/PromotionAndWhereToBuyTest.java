package vn.ocop.market;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static vn.ocop.market.MarketFixtures.registeredProduct;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.ocop.market.MarketFixtures.TestProduct;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** Promotions feature certified products only; the public sees where to buy a product while it is certified. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "market"))
class PromotionAndWhereToBuyTest {

    private static Map<String, Object> promotion(String kind, String province) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Chợ phiên OCOP " + UUID.randomUUID().toString().substring(0, 4));
        body.put("kind", kind);
        body.put("startsOn", "2026-12-20");
        body.put("endsOn", "2026-12-23");
        body.put("provinceCode", province);
        body.put("platform", "TikTok Shop");
        return body;
    }

    @Test
    void onlyCertifiedProductsTakePartAndOrganisersStayInTheirProvince() {
        TestProduct certified = registeredProduct("51", "Cá bống sông Trà");
        TestProduct uncertified = registeredProduct("51", "Kẹo gương");
        MarketFixtures.certify(certified, 4);

        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON).body(promotion("LIVESTREAM", null))
                .post("/api/v1/promotions").then().statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));
        given().auth().oauth2(Tokens.provinceOfficer("01")).contentType(ContentType.JSON).body(promotion("LIVESTREAM", "51"))
                .post("/api/v1/promotions").then().statusCode(403);
        Map<String, Object> fairWithoutPlace = promotion("FAIR", "51");
        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON).body(fairWithoutPlace)
                .post("/api/v1/promotions").then().statusCode(400).body("violations[0].field", equalTo("place"));
        Map<String, Object> backwards = promotion("LIVESTREAM", "51");
        backwards.put("endsOn", "2026-12-01");
        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON).body(backwards)
                .post("/api/v1/promotions").then().statusCode(400).body("violations[0].field", equalTo("endsOn"));

        Response created = given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON)
                .body(promotion("LIVESTREAM", "51")).post("/api/v1/promotions").then().statusCode(201).extract().response();
        String products = "/api/v1/promotions/" + created.path("id") + "/products";

        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON)
                .body(Map.of("productId", uncertified.id().toString())).post(products).then().statusCode(422)
                .body("code", equalTo("NO_ACTIVE_CERTIFICATE"));
        given().auth().oauth2(Tokens.provinceOfficer("01")).contentType(ContentType.JSON)
                .body(Map.of("productId", certified.id().toString())).post(products).then().statusCode(403);
        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON)
                .body(Map.of("productId", certified.id().toString())).post(products).then().statusCode(200)
                .body("products", hasSize(1)).body("products[0].stars", equalTo(4))
                .body("products[0].productCode", equalTo(certified.code()));
        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON)
                .body(Map.of("productId", certified.id().toString())).post(products).then().statusCode(409);

        given().auth().oauth2(Tokens.producer(UUID.randomUUID())).queryParam("province", "51").queryParam("kind", "LIVESTREAM")
                .get("/api/v1/promotions").then().statusCode(200).body("items.id", hasItem((String) created.path("id")));
        given().auth().oauth2(Tokens.centralOfficer()).queryParam("endsOnOrAfter", "tomorrow").get("/api/v1/promotions")
                .then().statusCode(400);
    }

    @Test
    void thePublicSeesActiveListingsAndApprovedPointsUntilTheCertificateIsRevoked() {
        TestProduct p = registeredProduct("51", "Tỏi cô đơn Lý Sơn");
        UUID certificate = MarketFixtures.certify(p, 5);
        UUID channel = MarketFixtures.channel("Voso " + UUID.randomUUID(), "https://voso.example/hook", "voso-secret-123456");
        UUID here = MarketFixtures.approvedPoint("51", "TOURIST_SITE", null, null);
        UUID there = MarketFixtures.approvedPoint("79", "MALL_SUPERMARKET_MARKET", null, null);
        MarketFixtures.listing(Tokens.producer(p.producerId()), p.id(), channel, null);
        MarketFixtures.listing(Tokens.producer(p.producerId()), p.id(), null, here);
        UUID closing = MarketFixtures.listing(Tokens.producer(p.producerId()), p.id(), null, there);

        given().queryParam("product", p.id().toString()).get("/api/v1/public/where-to-buy").then().statusCode(200)
                .body("stars", equalTo(5)).body("productName", equalTo("Tỏi cô đơn Lý Sơn"))
                .body("channels", hasSize(1)).body("pointsOfSale", hasSize(2))
                .body(not(containsString("voso-secret")));
        given().queryParam("product", p.id().toString()).queryParam("province", "51").get("/api/v1/public/where-to-buy")
                .then().statusCode(200).body("pointsOfSale", hasSize(1)).body("pointsOfSale[0].pointOfSaleId", equalTo(here.toString()));

        // A point the province closes disappears from the public answer.
        Response point = given().auth().oauth2(Tokens.provinceOfficer("79")).get("/api/v1/points-of-sale/" + there).then().extract().response();
        given().auth().oauth2(Tokens.provinceOfficer("79")).contentType(ContentType.JSON).header("If-Match", point.header("ETag"))
                .body(Map.of("status", "CLOSED")).put("/api/v1/points-of-sale/" + there + "/status").then().statusCode(200);
        given().queryParam("product", p.id().toString()).get("/api/v1/public/where-to-buy").then().statusCode(200)
                .body("pointsOfSale.pointOfSaleId", not(hasItem(there.toString())));
        given().queryParam("province", "79").get("/api/v1/public/points-of-sale").then().statusCode(200)
                .body("items.id", not(hasItem(there.toString())));
        given().queryParam("province", "51").get("/api/v1/public/points-of-sale").then().statusCode(200)
                .body("items.id", hasItem(here.toString())).body(not(containsString("notification")));

        KafkaTestClient.publish(MarketFixtures.revoked(p, certificate), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("product", p.id().toString())
                .get("/api/v1/public/where-to-buy").then().statusCode(404).contentType("application/problem+json"));
        given().get("/api/v1/public/where-to-buy").then().statusCode(400);
        given().queryParam("product", "garlic").get("/api/v1/public/where-to-buy").then().statusCode(400);
        given().auth().oauth2(Tokens.centralOfficer()).get("/api/v1/listings/" + closing).then().body("status", equalTo("SUSPENDED"));
    }
}
