package vn.ocop.market;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.ocop.market.MarketFixtures.operator;
import static vn.ocop.market.MarketFixtures.registeredProduct;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.ocop.market.MarketFixtures.TestProduct;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** Monthly sales reports never double a month, and the totals and programme indicators add up. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "market"))
class SalesReportTest {

    private static ValidatableResponse report(String token, UUID listing, String period, long quantity, long revenue) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("listingId", listing.toString(), "period", period, "quantity", quantity, "revenueVnd", revenue))
                .post("/api/v1/sales-reports").then();
    }

    private static ValidatableResponse aggregate(String token, String by, Map<String, String> query) {
        return given().auth().oauth2(token).queryParam("by", by).queryParams(query).get("/api/v1/sales-reports/aggregates").then();
    }

    @Test
    void resendingAMonthReplacesItsFiguresAndTotalsAddUpPerProductProducerProvinceAndChannel() {
        TestProduct garlic = registeredProduct("92", "Bánh pía Cần Thơ");
        TestProduct rice = registeredProduct("92", "Gạo ST25");
        MarketFixtures.certify(garlic, 4);
        MarketFixtures.certify(rice, 5);
        UUID channel = MarketFixtures.channel("Co.op Online " + UUID.randomUUID(), null, null);
        UUID point = MarketFixtures.approvedPoint("92", "MALL_SUPERMARKET_MARKET", null, null);
        UUID garlicOnline = MarketFixtures.listing(operator(channel), garlic.id(), channel, null);
        UUID garlicShop = MarketFixtures.listing(operator(point), garlic.id(), null, point);
        UUID riceOnline = MarketFixtures.listing(operator(channel), rice.id(), channel, null);

        report(operator(channel), garlicOnline, "2026-09", 10, 1_000_000).statusCode(201);
        report(operator(channel), garlicOnline, "2026-09", 10, 1_000_000).statusCode(200);
        report(operator(channel), garlicOnline, "2026-09", 12, 1_200_000).statusCode(200).body("quantity", equalTo(12));
        report(operator(point), garlicShop, "2026-09", 5, 500_000).statusCode(201);
        report(operator(point), garlicShop, "2026-10", 3, 300_000).statusCode(201);
        report(operator(channel), riceOnline, "2026-10", 7, 700_000).statusCode(201);
        String key = "sales-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("listingId", riceOnline.toString(), "period", "2026-08", "quantity", 1, "revenueVnd", 100_000);
        given().auth().oauth2(operator(channel)).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/sales-reports").then().statusCode(201);
        given().auth().oauth2(operator(channel)).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/sales-reports").then().statusCode(201).header("Idempotent-Replayed", "true");

        String central = Tokens.centralOfficer();
        Map<String, String> range = Map.of("from", "2026-09", "to", "2026-10", "province", "92");
        aggregate(central, "PROVINCE", range).statusCode(200).body("total", equalTo(1))
                .body("items[0].key", equalTo("92")).body("items[0].quantity", equalTo(27))
                .body("items[0].revenueVnd", equalTo(2_700_000)).body("items[0].reports", equalTo(4));
        aggregate(central, "PRODUCT", range).statusCode(200)
                .body("items.find { it.key == '" + garlic.id() + "' }.quantity", equalTo(20))
                .body("items.find { it.key == '" + rice.id() + "' }.revenueVnd", equalTo(700_000));
        aggregate(central, "PRODUCER", range).statusCode(200)
                .body("items.find { it.key == '" + garlic.producerId() + "' }.revenueVnd", equalTo(2_000_000));
        aggregate(central, "CHANNEL", range).statusCode(200)
                .body("items.find { it.key == '" + channel + "' }.quantity", equalTo(19))
                .body("items.find { it.key == '" + point + "' }.quantity", equalTo(8));
        aggregate(central, "PROVINCE", Map.of("from", "2026-10", "province", "92")).body("items[0].quantity", equalTo(10));
        aggregate(central, "PROVINCE", Map.of("province", "92")).body("items[0].quantity", equalTo(28));

        // Each caller sees only their own share.
        aggregate(operator(channel), "PROVINCE", range).statusCode(200).body("items[0].quantity", equalTo(19));
        aggregate(Tokens.producer(rice.producerId()), "PRODUCT", Map.of()).statusCode(200).body("total", equalTo(1))
                .body("items[0].quantity", equalTo(8));
        aggregate(Tokens.provinceOfficer("01"), "PROVINCE", range).statusCode(403);
        given().auth().oauth2(operator(point)).get("/api/v1/sales-reports").then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void reportsFromTheWrongOperatorOrWithBadFiguresAreRefused() {
        TestProduct p = registeredProduct("92", "Khô cá lóc");
        MarketFixtures.certify(p, 3);
        UUID channel = MarketFixtures.channel("Bách Hóa Xanh " + UUID.randomUUID(), null, null);
        UUID listing = MarketFixtures.listing(operator(channel), p.id(), channel, null);

        report(operator(UUID.randomUUID()), listing, "2026-09", 1, 1).statusCode(404).body("code", equalTo("NOT_FOUND"));
        report(Tokens.producer(p.producerId()), listing, "2026-09", 1, 1).statusCode(403);
        report(operator(channel), listing, "2026-13", 1, 1).statusCode(400).body("violations[0].field", equalTo("period"));
        report(operator(channel), listing, "2099-01", 1, 1).statusCode(400).body("violations[0].field", equalTo("period"));
        report(operator(channel), listing, "2026-09", -1, 1).statusCode(400).body("violations[0].field", equalTo("quantity"));
        report(operator(channel), UUID.randomUUID(), "2026-09", 1, 1).statusCode(404);
        aggregate(Tokens.centralOfficer(), "COLOUR", Map.of()).statusCode(400);
        given().auth().oauth2(Tokens.centralOfficer()).get("/api/v1/sales-reports/aggregates").then().statusCode(400);
        aggregate(Tokens.centralOfficer(), "PRODUCT", Map.of("from", "2026-10", "to", "2026-09")).statusCode(400);
        aggregate(Tokens.centralOfficer(), "PRODUCT", Map.of("from", "October")).statusCode(400);
        given().auth().oauth2(Tokens.centralOfficer()).queryParam("listing", listing.toString()).get("/api/v1/sales-reports")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void indicatorsCountCertifiedProducersInModernChannelsAndProvincesWithoutAnApprovedPoint() {
        String central = Tokens.centralOfficer();
        Map<String, Object> before = given().auth().oauth2(central).get("/api/v1/sales-reports/indicators").then()
                .statusCode(200).body("provinces", equalTo(34)).body("modernChannelTarget", equalTo(0.5f))
                .body("provincesWithoutApprovedPoint.code", hasItem("96")).extract().jsonPath().getMap("$");

        TestProduct online = registeredProduct("96", "Mật ong U Minh");
        TestProduct offline = registeredProduct("96", "Ba khía Rạch Gốc");
        MarketFixtures.certify(online, 4);
        MarketFixtures.certify(offline, 3);
        UUID channel = MarketFixtures.channel("Sendo " + UUID.randomUUID(), null, null);
        UUID craftVillage = MarketFixtures.approvedPoint("96", "CRAFT_VILLAGE", null, null);
        MarketFixtures.listing(Tokens.producer(online.producerId()), online.id(), channel, null);
        MarketFixtures.listing(Tokens.producer(offline.producerId()), offline.id(), null, craftVillage);

        Map<String, Object> after = given().auth().oauth2(central).get("/api/v1/sales-reports/indicators").then()
                .statusCode(200).body("provincesWithoutApprovedPoint.code", not(hasItem("96"))).extract().jsonPath().getMap("$");
        long certified = ((Number) after.get("certifiedProducers")).longValue();
        long modern = ((Number) after.get("producersInModernChannels")).longValue();
        assertThat(certified).isEqualTo(((Number) before.get("certifiedProducers")).longValue() + 2);
        // The craft-village point is not a modern channel; the e-commerce listing is.
        assertThat(modern).isEqualTo(((Number) before.get("producersInModernChannels")).longValue() + 1);
        assertThat(new BigDecimal(after.get("modernChannelShare").toString()))
                .isEqualByComparingTo(BigDecimal.valueOf(modern).divide(BigDecimal.valueOf(certified), 4, RoundingMode.HALF_UP));
        assertThat((List<?>) after.get("provincesWithoutApprovedPoint"))
                .hasSize(((List<?>) before.get("provincesWithoutApprovedPoint")).size() - 1);
        given().auth().oauth2(operator(channel)).get("/api/v1/sales-reports/indicators").then().statusCode(403);
    }
}
