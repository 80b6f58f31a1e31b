package vn.ocop.market;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.market.MarketFixtures.operator;
import static vn.ocop.market.MarketFixtures.pointBody;
import static vn.ocop.market.MarketFixtures.registeredProduct;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.ocop.market.MarketFixtures.TestProduct;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.ScopeMatrixCase;
import vn.ocop.testkit.ScopeRuleCheck;
import vn.ocop.testkit.Tokens;

/**
 * Every market operation (the served document's operationIds, all of them), read or write, called by every kind of
 * caller, inside and outside its scope: province 04 is "own", 08 "other"; channel C1 is "own", C2 "other". Reads must show exactly what the caller may see (records, and
 * webhook URLs only to who manages the outlet); writes must be refused (403, or 404 where the record is not public)
 * before any business check, which in-scope callers reach (412 stale ETag, 409, 422 or 400). All leaks are collected
 * and reported together.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "market"))
class ScopeMatrixTest {

    enum Caller {
        CENTRAL, AUDITOR, OFFICER_OWN, OFFICER_OTHER, INSPECTOR_OTHER, PRODUCER_OWN, PRODUCER_OTHER, OPERATOR_OWN,
        OPERATOR_OTHER, OPERATOR_POINT, COUNCIL
    }

    /** A call of a market operation; no answer, whatever its status, may show an outlet's notification secret. */
    static final class Case extends ScopeMatrixCase<Caller> {
        Case(String operationId, String name, Function<RequestSpecification, Response> call) {
            super(operationId, name, call);
        }

        @Override
        protected void checkAlso(String where, String token, int status, String body, List<String> secrets, List<String> leaks) {
            secrets.stream().filter(body::contains).forEach(t -> leaks.add(where + "LEAKS a secret"));
        }
    }

    private static final String STALE = "\"999\"";

    @Test
    void everyOperationTimesEveryCallerLeaksNothing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String urlC1 = "https://c1-" + run + ".example.vn/hook";
        String urlC2 = "https://c2-" + run + ".example.vn/hook";
        String urlP = "https://p-" + run + ".example.vn/hook";
        String urlQ = "https://q-" + run + ".example.vn/hook";
        List<String> secrets = List.of("c1-secret-" + run, "c2-secret-" + run, "p-secret-" + run, "q-secret-" + run);

        TestProduct a = registeredProduct("04", "Trà Thanh Sơn");
        TestProduct a2 = registeredProduct("04", "Miến dong");
        TestProduct b = registeredProduct("08", "Cam sành Hàm Yên");
        UUID certA = MarketFixtures.certify(a, 4);
        UUID certA2 = MarketFixtures.certify(a2, 3);
        MarketFixtures.certify(b, 3);
        String nameC1 = "Sàn C1 " + run;
        UUID c1 = MarketFixtures.channel(nameC1, urlC1, secrets.get(0));
        UUID c2 = MarketFixtures.channel("Sàn C2 " + run, urlC2, secrets.get(1));
        UUID p = MarketFixtures.approvedPoint("04", "TRANSPORT_TERMINAL", urlP, secrets.get(2));
        Map<String, Object> proposedBody = pointBody("04", "HIGHWAY_REST_STOP");
        proposedBody.put("notificationUrl", urlQ);
        proposedBody.put("notificationSecret", secrets.get(3));
        UUID q = UUID.fromString(given().auth().oauth2(Tokens.provinceOfficer("04")).contentType(ContentType.JSON)
                .body(proposedBody).post("/api/v1/points-of-sale").then().statusCode(201).extract().path("id"));
        UUID listingA = MarketFixtures.listing(Tokens.producer(a.producerId()), a.id(), c1, null);
        UUID listingA2 = MarketFixtures.listing(Tokens.producer(a2.producerId()), a2.id(), c1, null);
        UUID listingB = MarketFixtures.listing(Tokens.producer(b.producerId()), b.id(), c2, null);
        String lastMonth = YearMonth.now().minusMonths(1).toString();
        String report = given().auth().oauth2(operator(c1)).contentType(ContentType.JSON)
                .body(Map.of("listingId", listingA.toString(), "period", lastMonth, "quantity", 7, "revenueVnd", 700_000))
                .post("/api/v1/sales-reports").then().statusCode(201).extract().path("id");
        Map<String, Object> promotion = new HashMap<>(Map.of("name", "Tuần lễ OCOP " + run, "kind", "FAIR",
                "startsOn", "2026-12-20", "endsOn", "2026-12-23", "provinceCode", "04", "place", "Quảng trường"));
        UUID promotion04 = UUID.fromString(given().auth().oauth2(Tokens.provinceOfficer("04")).contentType(ContentType.JSON)
                .body(promotion).post("/api/v1/promotions").then().statusCode(201).extract().path("id"));
        // A revocation suspends listing A2 on C1 and queues a webhook delivery to C1's URL.
        KafkaTestClient.publish(MarketFixtures.revoked(a2, certA2), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.centralOfficer())
                .queryParam("listing", listingA2.toString()).get("/api/v1/webhook-deliveries").then().statusCode(200)
                .body("total", equalTo(1)));

        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        tokens.put(Caller.CENTRAL, Tokens.centralOfficer());
        tokens.put(Caller.AUDITOR, Tokens.of("auditor@ocop.gov.vn", "auditor").mint());
        tokens.put(Caller.OFFICER_OWN, Tokens.provinceOfficer("04"));
        tokens.put(Caller.OFFICER_OTHER, Tokens.provinceOfficer("08"));
        tokens.put(Caller.INSPECTOR_OTHER, Tokens.of("inspector-08@ocop.gov.vn", "inspector").claim("province", "08").mint());
        tokens.put(Caller.PRODUCER_OWN, Tokens.producer(a.producerId()));
        tokens.put(Caller.PRODUCER_OTHER, Tokens.producer(b.producerId()));
        tokens.put(Caller.OPERATOR_OWN, operator(c1));
        tokens.put(Caller.OPERATOR_OTHER, operator(c2));
        tokens.put(Caller.OPERATOR_POINT, operator(p));
        tokens.put(Caller.COUNCIL, Tokens.of("council@ocop.gov.vn", "council-member").mint());
        // What outsiders get, held against each operation's documented scope rule at the end.
        ScopeRuleCheck scopeRules = ScopeRuleCheck.watch(tokens.get(Caller.OFFICER_OTHER), tokens.get(Caller.INSPECTOR_OTHER),
                tokens.get(Caller.PRODUCER_OTHER), tokens.get(Caller.OPERATOR_OTHER));

        String s = q.toString();
        String sp = p.toString();
        String la = listingA.toString();
        String la2 = listingA2.toString();
        List<ScopeMatrixCase<Caller>> cases = new ArrayList<>();

        // --- points of sale
        cases.add(new Case("getPointOfSale", "GET proposed point", r -> r.get("/api/v1/points-of-sale/" + s))
                .expect(200, List.of(urlQ), List.of(), Caller.CENTRAL, Caller.OFFICER_OWN)
                .expect(200, List.of(s), List.of(urlQ), Caller.AUDITOR)
                .others(404));
        cases.add(new Case("getPointOfSale", "GET approved point", r -> r.get("/api/v1/points-of-sale/" + sp))
                .expect(200, List.of(urlP), List.of(), Caller.CENTRAL, Caller.OFFICER_OWN, Caller.OPERATOR_POINT)
                .expect(403, Caller.OFFICER_OTHER, Caller.INSPECTOR_OTHER)
                .others(200, urlP));
        cases.add(new Case("listPointsOfSale", "GET points ?province=04", r -> r.queryParam("province", "04").queryParam("size", 200)
                .get("/api/v1/points-of-sale"))
                .expect(200, List.of(s, sp, urlQ, urlP), List.of(), Caller.CENTRAL, Caller.OFFICER_OWN)
                .expect(200, List.of(s, sp), List.of(urlQ, urlP), Caller.AUDITOR)
                .expect(403, Caller.OFFICER_OTHER, Caller.INSPECTOR_OTHER)
                .expect(200, List.of(sp, urlP), List.of(s, urlQ), Caller.OPERATOR_POINT)
                .expect(200, List.of(sp), List.of(s, urlQ, urlP), Caller.PRODUCER_OWN, Caller.PRODUCER_OTHER,
                        Caller.OPERATOR_OWN, Caller.OPERATOR_OTHER, Caller.COUNCIL));
        cases.add(new Case("listPointsOfSale", "GET points (all provinces)", r -> r.queryParam("size", 200).get("/api/v1/points-of-sale"))
                .expect(200, List.of(s, sp), List.of(), Caller.CENTRAL, Caller.OFFICER_OWN, Caller.AUDITOR)
                .expect(200, List.of(), List.of(s, sp), Caller.OFFICER_OTHER, Caller.INSPECTOR_OTHER)
                .others(200, s));

        // --- channels: public records, URLs only to the centre and the channel's operator
        cases.add(new Case("getChannel", "GET channel C1", r -> r.get("/api/v1/channels/" + c1))
                .expect(200, List.of(urlC1), List.of(), Caller.CENTRAL, Caller.OPERATOR_OWN)
                .others(200, urlC1));
        cases.add(new Case("listChannels", "GET channels", r -> r.queryParam("size", 200).get("/api/v1/channels"))
                .expect(200, List.of(urlC1, urlC2), List.of(), Caller.CENTRAL)
                .expect(200, List.of(urlC1), List.of(urlC2), Caller.OPERATOR_OWN)
                .expect(200, List.of(urlC2), List.of(urlC1), Caller.OPERATOR_OTHER)
                .others(200, urlC1, urlC2));

        // --- listings and their sales
        Caller[] readersOfA = {Caller.CENTRAL, Caller.AUDITOR, Caller.OFFICER_OWN, Caller.PRODUCER_OWN, Caller.OPERATOR_OWN};
        cases.add(new Case("getListing", "GET listing A", r -> r.get("/api/v1/listings/" + la))
                .expect(200, List.of(la), List.of(), readersOfA).others(404));
        cases.add(new Case("listListings", "GET listings ?province=04", r -> r.queryParam("province", "04").queryParam("size", 200)
                .get("/api/v1/listings"))
                .expect(200, List.of(la), List.of(), readersOfA)
                .expect(403, Caller.OFFICER_OTHER, Caller.INSPECTOR_OTHER, Caller.COUNCIL)
                .others(200, la));
        cases.add(new Case("listSalesReports", "GET sales reports of listing A", r -> r.queryParam("listing", la).get("/api/v1/sales-reports"))
                .expect(200, List.of(report), List.of(), readersOfA)
                .expect(403, Caller.COUNCIL)
                .others(200, report));
        cases.add(new Case("aggregateSales", "GET sales aggregates by product in 04", r -> r.queryParam("by", "PRODUCT")
                .queryParam("province", "04").get("/api/v1/sales-reports/aggregates"))
                .expect(200, List.of(a.id().toString()), List.of(), readersOfA)
                .expect(403, Caller.OFFICER_OTHER, Caller.INSPECTOR_OTHER, Caller.COUNCIL)
                .others(200, a.id().toString()));
        cases.add(new Case("listWebhookDeliveries", "GET webhook deliveries of listing A2", r -> r.queryParam("listing", la2)
                .get("/api/v1/webhook-deliveries"))
                .expect(200, List.of(la2, urlC1), List.of(), Caller.CENTRAL, Caller.OPERATOR_OWN)
                .expect(200, List.of(la2), List.of(urlC1), Caller.AUDITOR, Caller.OFFICER_OWN)
                .expect(403, Caller.PRODUCER_OWN, Caller.PRODUCER_OTHER, Caller.COUNCIL)
                .others(200, la2, urlC1));
        cases.add(new Case("listWebhookDeliveries", "GET webhook deliveries ?province=04", r -> r.queryParam("province", "04")
                .get("/api/v1/webhook-deliveries"))
                .expect(403, Caller.OFFICER_OTHER, Caller.INSPECTOR_OTHER, Caller.PRODUCER_OWN, Caller.PRODUCER_OTHER,
                        Caller.COUNCIL)
                .expect(200, List.of(la2), List.of(urlC1), Caller.AUDITOR, Caller.OFFICER_OWN)
                .expect(200, List.of(la2, urlC1), List.of(), Caller.CENTRAL, Caller.OPERATOR_OWN)
                .others(200, la2, urlC1));

        // --- promotions: public events; provincial roles stay in their province
        Map<String, Object> endsBeforeStart = new HashMap<>(promotion);
        endsBeforeStart.put("endsOn", "2026-12-19");
        cases.add(new Case("createPromotion", "POST promotion in 04 ending before it starts", r -> r.contentType(ContentType.JSON)
                .body(endsBeforeStart).post("/api/v1/promotions"))
                .expect(400, Caller.CENTRAL, Caller.OFFICER_OWN).others(403));
        Map<String, Object> nationalEndsBeforeStart = new HashMap<>(endsBeforeStart);
        nationalEndsBeforeStart.remove("provinceCode");
        cases.add(new Case("createPromotion", "POST national promotion ending before it starts", r -> r.contentType(ContentType.JSON)
                .body(nationalEndsBeforeStart).post("/api/v1/promotions"))
                .expect(400, Caller.CENTRAL).others(403));
        cases.add(new Case("getPromotion", "GET promotion in 04", r -> r.get("/api/v1/promotions/" + promotion04))
                .expect(403, Caller.OFFICER_OTHER, Caller.INSPECTOR_OTHER).others(200));
        cases.add(new Case("listPromotions", "GET promotions ?province=04", r -> r.queryParam("province", "04").get("/api/v1/promotions"))
                .expect(403, Caller.OFFICER_OTHER, Caller.INSPECTOR_OTHER)
                .othersShow(200, promotion04.toString()));

        // --- public "where to buy": the same answer for everyone, without the outlets' notification settings
        cases.add(new Case("whereToBuy", "GET where to buy A", r -> r.queryParam("product", a.id().toString())
                .get("/api/v1/public/where-to-buy"))
                .expect(200, List.of(nameC1), List.of(urlC1), Caller.values()));
        cases.add(new Case("listPublicPointsOfSale", "GET public points in 04", r -> r.queryParam("province", "04")
                .queryParam("size", 200).get("/api/v1/public/points-of-sale"))
                .expect(200, List.of(sp), List.of(s, urlP, urlQ), Caller.values()));

        // --- products as the market knows them: provincial roles and producers stay in their own
        cases.add(new Case("getMarketProduct", "GET product A", r -> r.get("/api/v1/products/" + a.id()))
                .expect(403, Caller.OFFICER_OTHER, Caller.INSPECTOR_OTHER, Caller.PRODUCER_OTHER)
                .othersShow(200, a.code()));
        cases.add(new Case("listMarketProducts", "GET products ?province=04", r -> r.queryParam("province", "04")
                .queryParam("size", 200).get("/api/v1/products"))
                .expect(200, List.of(a.code()), List.of(b.code()), Caller.CENTRAL, Caller.AUDITOR, Caller.OFFICER_OWN,
                        Caller.PRODUCER_OWN)
                .expect(403, Caller.OFFICER_OTHER, Caller.INSPECTOR_OTHER)
                .others(200, b.code()));

        // --- escalations and indicators: officers' and auditors' views
        Caller[] nationalViewers = {Caller.CENTRAL, Caller.AUDITOR};
        cases.add(new Case("listListingEscalations", "GET escalations ?province=04", r -> r.queryParam("province", "04")
                .get("/api/v1/listings/escalations"))
                .expect(200, nationalViewers).expect(200, Caller.OFFICER_OWN)
                .expect(403, Caller.OFFICER_OTHER, Caller.INSPECTOR_OTHER).others(403));
        cases.add(new Case("listListingEscalations", "GET escalations (all provinces)", r -> r.get("/api/v1/listings/escalations"))
                .expect(200, nationalViewers).expect(200, Caller.OFFICER_OWN, Caller.OFFICER_OTHER, Caller.INSPECTOR_OTHER)
                .others(403));
        cases.add(new Case("getMarketIndicators", "GET indicators", r -> r.get("/api/v1/sales-reports/indicators"))
                .expect(200, nationalViewers).expect(200, Caller.OFFICER_OWN, Caller.OFFICER_OTHER, Caller.INSPECTOR_OTHER)
                .others(403));

        // --- certificates as the market sees them: public facts, provincial roles in their province
        cases.add(new Case("getMarketCertificate", "GET certificate of A", r -> r.get("/api/v1/certificates/" + certA))
                .expect(403, Caller.OFFICER_OTHER, Caller.INSPECTOR_OTHER, Caller.PRODUCER_OTHER).others(200));
        cases.add(new Case("listMarketCertificates", "GET certificates ?province=04", r -> r.queryParam("province", "04").get("/api/v1/certificates"))
                .expect(403, Caller.OFFICER_OTHER, Caller.INSPECTOR_OTHER).others(200));

        // --- writes: in scope reaches the business check, out of scope is refused before it
        Map<String, Object> pointUpdate = pointBody("04", "HIGHWAY_REST_STOP");
        cases.add(new Case("updatePointOfSale", "PUT proposed point", r -> r.header("If-Match", STALE).contentType(ContentType.JSON)
                .body(pointUpdate).put("/api/v1/points-of-sale/" + s))
                .expect(412, Caller.CENTRAL, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER).others(403));
        cases.add(new Case("changePointOfSaleStatus", "PUT proposed point status", r -> r.header("If-Match", STALE).contentType(ContentType.JSON)
                .body(Map.of("status", "APPROVED")).put("/api/v1/points-of-sale/" + s + "/status"))
                .expect(412, Caller.CENTRAL, Caller.OFFICER_OWN).expect(404, Caller.OFFICER_OTHER).others(403));
        cases.add(new Case("changePointOfSaleStatus", "PUT approved point status", r -> r.header("If-Match", STALE).contentType(ContentType.JSON)
                .body(Map.of("status", "SUSPENDED")).put("/api/v1/points-of-sale/" + sp + "/status"))
                .expect(412, Caller.CENTRAL, Caller.OFFICER_OWN).others(403));
        Map<String, Object> unknownProvince = pointBody("99", "HIGHWAY_REST_STOP");
        cases.add(new Case("proposePointOfSale", "POST point in an unknown province", r -> r.contentType(ContentType.JSON).body(unknownProvince)
                .post("/api/v1/points-of-sale"))
                .expect(400, Caller.CENTRAL).others(403));
        Map<String, Object> channelUpdate = Map.of("name", nameC1, "kind", "ECOMMERCE_PLATFORM", "operatorName", "C1");
        cases.add(new Case("updateChannel", "PUT channel C1", r -> r.header("If-Match", STALE).contentType(ContentType.JSON)
                .body(channelUpdate).put("/api/v1/channels/" + c1))
                .expect(412, Caller.CENTRAL, Caller.OPERATOR_OWN).others(403));
        cases.add(new Case("registerChannel", "POST channel with a taken name", r -> r.contentType(ContentType.JSON).body(channelUpdate)
                .post("/api/v1/channels"))
                .expect(409, Caller.CENTRAL).others(403));
        cases.add(new Case("createListing", "POST listing at the proposed point", r -> r.contentType(ContentType.JSON)
                .body(MarketFixtures.listingBody(a.id(), null, q, 1000)).post("/api/v1/listings"))
                .expect(422, Caller.CENTRAL, Caller.OFFICER_OWN)
                .expect(404, Caller.OFFICER_OTHER, Caller.PRODUCER_OWN, Caller.PRODUCER_OTHER, Caller.OPERATOR_OWN,
                        Caller.OPERATOR_OTHER, Caller.OPERATOR_POINT)
                .others(403));
        cases.add(new Case("createListing", "POST listing of A on C1 again", r -> r.contentType(ContentType.JSON)
                .body(MarketFixtures.listingBody(a.id(), c1, null, 1000)).post("/api/v1/listings"))
                .expect(409, Caller.CENTRAL, Caller.OFFICER_OWN, Caller.PRODUCER_OWN, Caller.OPERATOR_OWN).others(403));
        Caller[] outOfScopeListers = {Caller.OFFICER_OTHER, Caller.PRODUCER_OTHER, Caller.OPERATOR_OTHER, Caller.OPERATOR_POINT};
        cases.add(new Case("updateListing", "PUT listing A", r -> r.header("If-Match", STALE).contentType(ContentType.JSON)
                .body(Map.of("priceVnd", 1)).put("/api/v1/listings/" + la))
                .expect(412, Caller.CENTRAL, Caller.OFFICER_OWN, Caller.PRODUCER_OWN, Caller.OPERATOR_OWN)
                .expect(404, outOfScopeListers).others(403));
        cases.add(new Case("acknowledgeListingSuspension", "POST acknowledge listing A", r -> r.post("/api/v1/listings/" + la + "/acknowledge"))
                .expect(409, Caller.OPERATOR_OWN).expect(404, Caller.OPERATOR_OTHER, Caller.OPERATOR_POINT).others(403));
        cases.add(new Case("reinstateListing", "POST reinstate listing A", r -> r.post("/api/v1/listings/" + la + "/reinstate"))
                .expect(409, Caller.CENTRAL, Caller.OFFICER_OWN, Caller.PRODUCER_OWN, Caller.OPERATOR_OWN)
                .expect(404, outOfScopeListers).others(403));
        String nextYear = YearMonth.now().plusYears(1).toString();
        cases.add(new Case("submitSalesReport", "POST sales report of a future month", r -> r.contentType(ContentType.JSON)
                .body(Map.of("listingId", la, "period", nextYear, "quantity", 1, "revenueVnd", 1)).post("/api/v1/sales-reports"))
                .expect(400, Caller.CENTRAL, Caller.OPERATOR_OWN).expect(404, Caller.OPERATOR_OTHER, Caller.OPERATOR_POINT)
                .others(403));
        cases.add(new Case("addPromotionProduct", "POST uncertified product into promotion 04", r -> r.contentType(ContentType.JSON)
                .body(Map.of("productId", UUID.randomUUID().toString())).post("/api/v1/promotions/" + promotion04 + "/products"))
                .expect(422, Caller.CENTRAL, Caller.OFFICER_OWN).others(403));
        cases.add(new Case("updatePromotion", "PUT promotion 04", r -> r.header("If-Match", STALE).contentType(ContentType.JSON)
                .body(promotion).put("/api/v1/promotions/" + promotion04))
                .expect(412, Caller.CENTRAL, Caller.OFFICER_OWN).others(403));

        assertThat(ScopeMatrixCase.uncovered(cases)).as("operations the matrix does not cover").isEmpty();
        List<String> leaks = new ArrayList<>();
        cases.forEach(c -> c.run(tokens, secrets, leaks));
        assertThat(leaks).as("scope matrix").isEmpty();
        assertThat(scopeRules.disagreements()).as("documented scope rules (x-ocop-scope)").isEmpty();
        // registerChannel: only central officers may call it, so no outsider can test its rule
        assertThat(scopeRules.unproven("registerChannel")).as("documented scope rules no outsider's answer tested").isEmpty();
    }
}
