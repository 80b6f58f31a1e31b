package vn.ocop.market;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static vn.ocop.market.MarketFixtures.operator;
import static vn.ocop.market.MarketFixtures.pointBody;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** Provinces manage their own points of sale; the centre registers channels; secrets never come back out. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "market"))
class PointOfSaleAndChannelTest {

    @Test
    void aProvinceOfficerProposesApprovesAndClosesPointsOfTheirProvinceOnly() {
        Map<String, Object> body = pointBody("51", "HIGHWAY_REST_STOP");
        body.put("notificationUrl", "https://pos.example.vn/hook");
        body.put("notificationSecret", "s3cret-for-point-0001");

        given().auth().oauth2(Tokens.provinceOfficer("01")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/points-of-sale").then().statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));
        given().auth().oauth2(Tokens.producer(UUID.randomUUID())).contentType(ContentType.JSON).body(body)
                .post("/api/v1/points-of-sale").then().statusCode(403);
        Map<String, Object> unknownProvince = new HashMap<>(body);
        unknownProvince.put("provinceCode", "99");
        given().auth().oauth2(Tokens.centralOfficer()).contentType(ContentType.JSON).body(unknownProvince)
                .post("/api/v1/points-of-sale").then().statusCode(400).body("violations[0].field", equalTo("provinceCode"));
        Map<String, Object> badCategory = new HashMap<>(body);
        badCategory.put("category", "SPACESHIP");
        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON).body(badCategory)
                .post("/api/v1/points-of-sale").then().statusCode(400);

        Response created = given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/points-of-sale").then().statusCode(201).body("status", equalTo("PROPOSED"))
                .body("notification.url", equalTo("https://pos.example.vn/hook"))
                .body("notification.secretHint", equalTo("…0001"))
                .body(not(containsString("s3cret"))).extract().response();
        String id = created.path("id");
        String path = "/api/v1/points-of-sale/" + id + "/status";

        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON).body(Map.of("status", "APPROVED"))
                .put(path).then().statusCode(428);
        // A proposed point is not public: to another province's officer it is missing.
        given().auth().oauth2(Tokens.provinceOfficer("01")).contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(Map.of("status", "APPROVED")).put(path).then().statusCode(404);
        String approved = given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag")).body(Map.of("status", "APPROVED")).put(path)
                .then().statusCode(200).body("status", equalTo("APPROVED")).extract().header("ETag");
        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag")).body(Map.of("status", "CLOSED")).put(path).then().statusCode(412);
        String closed = given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON)
                .header("If-Match", approved).body(Map.of("status", "CLOSED")).put(path)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON)
                .header("If-Match", closed).body(Map.of("status", "APPROVED")).put(path)
                .then().statusCode(409).body("code", equalTo("INVALID_STATUS_TRANSITION"));

        // A closed point is no longer public: a producer does not see it, the province's officer does.
        given().auth().oauth2(Tokens.producer(UUID.randomUUID())).queryParam("province", "51").queryParam("status", "CLOSED")
                .get("/api/v1/points-of-sale").then().statusCode(200).body("items.id", not(org.hamcrest.Matchers.hasItem(id)));
        given().auth().oauth2(Tokens.provinceOfficer("51")).queryParam("province", "51").queryParam("status", "CLOSED")
                .queryParam("size", 200).get("/api/v1/points-of-sale").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        given().auth().oauth2(Tokens.centralOfficer()).queryParam("category", "NOWHERE").get("/api/v1/points-of-sale")
                .then().statusCode(400);
    }

    @Test
    void aProposedPointTakesNoListings() {
        Response created = given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON)
                .body(pointBody("51", "CRAFT_VILLAGE")).post("/api/v1/points-of-sale").then().statusCode(201).extract().response();
        MarketFixtures.TestProduct p = MarketFixtures.registeredProduct("51", "Quế Trà Bồng");
        MarketFixtures.certify(p, 4);
        MarketFixtures.postListing(Tokens.provinceOfficer("51"),
                        MarketFixtures.listingBody(p.id(), null, UUID.fromString(created.path("id")), 70_000))
                .then().statusCode(422).body("code", equalTo("POINT_OF_SALE_NOT_APPROVED"));
    }

    @Test
    void theCentreRegistersChannelsAndTheirOperatorMaintainsThem() {
        String name = "TikTok Shop " + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "ECOMMERCE_PLATFORM");
        body.put("operatorName", "TikTok Việt Nam");
        body.put("notificationUrl", "https://tiktok.example/hook");
        body.put("notificationSecret", "channel-secret-abcd");

        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/channels").then().statusCode(403);
        Response created = given().auth().oauth2(Tokens.centralOfficer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/channels").then().statusCode(201).body("notification.secretHint", equalTo("…abcd"))
                .body(not(containsString("channel-secret"))).extract().response();
        given().auth().oauth2(Tokens.centralOfficer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/channels").then().statusCode(409).body("code", equalTo("CHANNEL_NAME_TAKEN"));
        UUID id = UUID.fromString(created.path("id"));

        body.put("notificationSecret", "rotated-secret-wxyz");
        given().auth().oauth2(operator(UUID.randomUUID())).contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(body).put("/api/v1/channels/" + id).then().statusCode(403);
        given().auth().oauth2(operator(id)).contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(body).put("/api/v1/channels/" + id).then().statusCode(200).body("notification.secretHint", equalTo("…wxyz"));
        body.remove("notificationSecret");
        given().auth().oauth2(Tokens.centralOfficer()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(body).put("/api/v1/channels/" + id).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(Tokens.producer(UUID.randomUUID())).get("/api/v1/channels/" + id).then().statusCode(200)
                .body("name", equalTo(name));
    }
}
