package vn.ocop.market;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static vn.ocop.market.MarketFixtures.listingBody;
import static vn.ocop.market.MarketFixtures.operator;
import static vn.ocop.market.MarketFixtures.postListing;
import static vn.ocop.market.MarketFixtures.registeredProduct;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ocop.market.MarketFixtures.TestProduct;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** No listing without an active certificate, and only the people responsible for the product or the outlet list it. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "market"))
class ListingGateTest {

    @Test
    void aProductWithoutAnActiveCertificateCannotBeListed() {
        TestProduct p = registeredProduct("51", "Đường phèn Quảng Ngãi");
        UUID channel = MarketFixtures.channel("Voso " + UUID.randomUUID(), null, null);

        postListing(Tokens.producer(p.producerId()), listingBody(p.id(), channel, null, 90_000)).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("NO_ACTIVE_CERTIFICATE"));
        postListing(Tokens.centralOfficer(), listingBody(UUID.randomUUID(), channel, null, 90_000)).then().statusCode(422)
                .body("code", equalTo("NO_ACTIVE_CERTIFICATE"));

        UUID certificate = MarketFixtures.certify(p, 4);
        given().auth().oauth2(Tokens.producer(p.producerId())).contentType(ContentType.JSON)
                .body(listingBody(p.id(), channel, null, 90_000)).post("/api/v1/listings").then().statusCode(201)
                .body("stars", equalTo(4)).body("certificateNumber", equalTo("GCN-" + certificate.toString().substring(0, 8)))
                .body("status", equalTo("ACTIVE")).body("priceVnd", equalTo(90_000));

        KafkaTestClient.publish(MarketFixtures.revoked(p, certificate), UUID.randomUUID().toString());
        MarketFixtures.awaitCertificate(certificate, "REVOKED");
        UUID otherChannel = MarketFixtures.channel("Tiki " + UUID.randomUUID(), null, null);
        postListing(Tokens.producer(p.producerId()), listingBody(p.id(), otherChannel, null, 90_000)).then().statusCode(422)
                .body("code", equalTo("NO_ACTIVE_CERTIFICATE"));
        given().auth().oauth2(Tokens.centralOfficer()).queryParam("outlet", otherChannel.toString()).get("/api/v1/listings")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void onlyTheProducerTheOutletsOperatorOrAnOfficerOfTheProductsProvinceMayList() {
        TestProduct p = registeredProduct("51", "Mạch nha Thi Phổ");
        MarketFixtures.certify(p, 3);
        UUID shopee = MarketFixtures.channel("Shopee " + UUID.randomUUID(), null, null);
        UUID lazada = MarketFixtures.channel("Lazada " + UUID.randomUUID(), null, null);
        UUID point = MarketFixtures.approvedPoint("51", "TOURIST_SITE", null, null);
        UUID elsewhere = MarketFixtures.approvedPoint("01", "MALL_SUPERMARKET_MARKET", null, null);

        postListing(Tokens.producer(UUID.randomUUID()), listingBody(p.id(), shopee, null, 50_000)).then().statusCode(403)
                .body("code", equalTo("OUT_OF_SCOPE"));
        postListing(Tokens.provinceOfficer("01"), listingBody(p.id(), shopee, null, 50_000)).then().statusCode(403);
        postListing(operator(lazada), listingBody(p.id(), shopee, null, 50_000)).then().statusCode(403);
        postListing(Tokens.of("auditor", "auditor").mint(), listingBody(p.id(), shopee, null, 50_000)).then().statusCode(403);

        UUID byOperator = MarketFixtures.listing(operator(shopee), p.id(), shopee, null);
        UUID byOfficer = MarketFixtures.listing(Tokens.provinceOfficer("51"), p.id(), null, point);
        UUID byProducer = MarketFixtures.listing(Tokens.producer(p.producerId()), p.id(), lazada, null);
        // A point of sale in another province takes products from everywhere; its operator may list there.
        MarketFixtures.listing(operator(elsewhere), p.id(), null, elsewhere);

        postListing(Tokens.producer(p.producerId()), listingBody(p.id(), shopee, null, 60_000)).then().statusCode(409)
                .body("code", equalTo("LISTING_EXISTS"));

        // Reads follow the same scope.
        given().auth().oauth2(operator(shopee)).get("/api/v1/listings/" + byOperator).then().statusCode(200);
        given().auth().oauth2(operator(shopee)).get("/api/v1/listings/" + byProducer).then().statusCode(404);
        given().auth().oauth2(operator(shopee)).get("/api/v1/listings").then().statusCode(200)
                .body("items.id", hasItem(byOperator.toString())).body("items.id", not(hasItem(byProducer.toString())));
        given().auth().oauth2(Tokens.producer(p.producerId())).get("/api/v1/listings").then().statusCode(200)
                .body("total", equalTo(4));
        given().auth().oauth2(Tokens.provinceOfficer("01")).get("/api/v1/listings/" + byOfficer).then().statusCode(404);
        given().auth().oauth2(Tokens.provinceOfficer("01")).queryParam("province", "51").get("/api/v1/listings")
                .then().statusCode(403);
    }

    @Test
    void badInputIsAProblemAndRetriesWithAnIdempotencyKeyDoNotDuplicate() {
        TestProduct p = registeredProduct("51", "Bánh tráng Quảng Ngãi");
        MarketFixtures.certify(p, 3);
        UUID channel = MarketFixtures.channel("Postmart " + UUID.randomUUID(), null, null);
        UUID point = MarketFixtures.approvedPoint("51", "POST_OFFICE", null, null);
        String token = Tokens.producer(p.producerId());

        postListing(token, listingBody(p.id(), channel, point, 1)).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        postListing(token, listingBody(p.id(), null, null, 1)).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        postListing(token, listingBody(p.id(), channel, null, -5)).then().statusCode(400)
                .body("violations[0].field", equalTo("priceVnd"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("productId", p.id().toString(),
                "channelId", channel.toString(), "priceVnd", "cheap", "since", "2026-01-01")).post("/api/v1/listings")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        postListing(token, listingBody(p.id(), UUID.randomUUID(), null, 1)).then().statusCode(404);
        given().auth().oauth2(token).queryParam("status", "GONE").get("/api/v1/listings").then().statusCode(400);

        Map<String, Object> body = listingBody(p.id(), channel, null, 120_000);
        String first = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "k-" + p.id())
                .body(body).post("/api/v1/listings").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "k-" + p.id())
                .body(body).post("/api/v1/listings").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));

        // Updating the price needs the ETag of the last read.
        String etag = given().auth().oauth2(token).get("/api/v1/listings/" + first).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        Map<String, Object> update = Map.of("priceVnd", 130_000);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(update).put("/api/v1/listings/" + first)
                .then().statusCode(428);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(update)
                .put("/api/v1/listings/" + first).then().statusCode(200).body("priceVnd", equalTo(130_000));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(update)
                .put("/api/v1/listings/" + first).then().statusCode(412);
    }
}
