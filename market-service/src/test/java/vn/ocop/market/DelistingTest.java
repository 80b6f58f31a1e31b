package vn.ocop.market;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static vn.ocop.market.MarketFixtures.awaitCertificate;
import static vn.ocop.market.MarketFixtures.operator;
import static vn.ocop.market.MarketFixtures.registeredProduct;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.events.Topics;
import vn.ocop.market.MarketFixtures.TestProduct;
import vn.ocop.market.webhook.WebhookSignature;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.PrometheusText;
import vn.ocop.testkit.Tokens;

/**
 * Automatic delisting through the real broker: a revocation or expiry suspends every listing of the product, emits
 * ListingSuspended per listing, and notifies each outlet with a signed webhook that is retried until it is taken.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "market"))
class DelistingTest {
    @Inject
    LegalClock clock;

    private static double webhookDeliveries(String outcome) {
        return PrometheusText.sum(given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "ocop_webhook_deliveries_total", "outcome=\"" + outcome + "\"");
    }

    private static void awaitListing(UUID listing, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.centralOfficer())
                .get("/api/v1/listings/" + listing).then().statusCode(200).body("status", equalTo(status)));
    }

    private static List<ConsumerRecord<String, String>> marketEvents(String type, UUID listing, int count) {
        return KafkaTestClient.awaitRecords(Topics.MARKET, r -> type.equals(KafkaTestClient.header(r, "ce_type"))
                && r.value().contains(listing.toString()), count, Duration.ofSeconds(count == Integer.MAX_VALUE ? 3 : 30));
    }

    @Test
    void aRevocationSuspendsEveryListingEmitsEventsAndNotifiesEachOutletWithASignedRetriedWebhook() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String channelSecret = "channel-secret-" + UUID.randomUUID();
            String pointSecret = "point-secret-" + UUID.randomUUID();
            TestProduct p = registeredProduct("51", "Tỏi Lý Sơn");
            UUID certificate = MarketFixtures.certify(p, 5);
            UUID channel = MarketFixtures.channel("Postmart " + UUID.randomUUID(), receiver.url(), channelSecret);
            UUID point = MarketFixtures.approvedPoint("51", "TRANSPORT_TERMINAL", receiver.url(), pointSecret);
            UUID onChannel = MarketFixtures.listing(Tokens.producer(p.producerId()), p.id(), channel, null);
            UUID atPoint = MarketFixtures.listing(Tokens.provinceOfficer("51"), p.id(), null, point);

            double deliveredBefore = webhookDeliveries("delivered");
            double failedBefore = webhookDeliveries("failed");
            String eventId = UUID.randomUUID().toString();
            KafkaTestClient.publish(MarketFixtures.revoked(p, certificate), eventId);

            awaitListing(onChannel, "SUSPENDED");
            awaitListing(atPoint, "SUSPENDED");
            given().auth().oauth2(Tokens.producer(p.producerId())).get("/api/v1/listings/" + onChannel).then()
                    .body("suspensionReason", equalTo("REVOKED")).body("suspendedAt", notNullValue());
            List<ConsumerRecord<String, String>> suspended = marketEvents("ListingSuspended", onChannel, 1);
            assertThat(suspended).hasSize(1);
            assertThat(suspended.get(0).value()).contains(certificate.toString()).contains("REVOKED");
            assertThat(suspended.get(0).key()).isEqualTo(p.id().toString());
            assertThat(marketEvents("ListingSuspended", atPoint, 1)).hasSize(1);

            // Each outlet: first attempt answered 500, the retry 200, both signed with that outlet's secret.
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.callsMentioning(onChannel.toString()).size() >= 2
                    && receiver.callsMentioning(atPoint.toString()).size() >= 2);
            for (var entry : List.of(new Object[] {onChannel, channelSecret}, new Object[] {atPoint, pointSecret})) {
                List<WebhookReceiver.Call> calls = receiver.callsMentioning(entry[0].toString());
                assertThat(calls).extracting(WebhookReceiver.Call::answeredWith).containsExactly(500, 200);
                for (WebhookReceiver.Call call : calls) {
                    assertThat(call.event()).isEqualTo("listing.suspended");
                    assertThat(WebhookSignature.verify((String) entry[1], call.body(), call.signature())).isTrue();
                    assertThat(WebhookSignature.verify("another-secret-000", call.body(), call.signature())).isFalse();
                    assertThat(call.text()).contains(p.code()).contains("REVOKED");
                }
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(operator(channel))
                    .get("/api/v1/webhook-deliveries").then().statusCode(200).body("total", equalTo(1))
                    .body("items[0].listingId", equalTo(onChannel.toString())).body("items[0].status", equalTo("DELIVERED"))
                    .body("items[0].attempts", equalTo(2)).body("items[0].lastStatusCode", equalTo(200)));
            given().auth().oauth2(Tokens.provinceOfficer("51")).queryParam("listing", atPoint.toString())
                    .get("/api/v1/webhook-deliveries").then().statusCode(200).body("total", equalTo(1));
            given().auth().oauth2(Tokens.producer(p.producerId())).get("/api/v1/webhook-deliveries").then().statusCode(403);
            // ocop_webhook_deliveries_total: per outlet one failed attempt (500) and one delivered
            assertThat(webhookDeliveries("delivered")).isGreaterThanOrEqualTo(deliveredBefore + 2);
            assertThat(webhookDeliveries("failed")).isGreaterThanOrEqualTo(failedBefore + 2);

            // The same revocation again (redelivery, and the same fact under a new id) changes nothing.
            KafkaTestClient.publish(MarketFixtures.revoked(p, certificate), eventId);
            KafkaTestClient.publish(MarketFixtures.revoked(p, certificate), UUID.randomUUID().toString());
            UUID marker = UUID.randomUUID();
            KafkaTestClient.publish(MarketFixtures.revoked(p, marker), UUID.randomUUID().toString());
            awaitCertificate(marker, "REVOKED");
            assertThat(marketEvents("ListingSuspended", onChannel, Integer.MAX_VALUE)).hasSize(1);
            assertThat(marketEvents("ListingSuspended", atPoint, Integer.MAX_VALUE)).hasSize(1);
            assertThat(receiver.callsMentioning(onChannel.toString())).hasSize(2);
        }
    }

    @Test
    void anUnreachableEndpointIsRetriedWithGrowingPausesThenGivenUpAndTheListingIsStillEscalated() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TestProduct p = registeredProduct("42", "Kẹo cu đơ Hà Tĩnh");
        UUID certificate = MarketFixtures.certify(p, 3);
        UUID channel = MarketFixtures.channel("Lotte Mart " + UUID.randomUUID(), "http://127.0.0.1:" + closedPort + "/hook",
                "unreachable-secret-0000");
        double givenUpBefore = webhookDeliveries("given_up");
        UUID listing = MarketFixtures.listing(operator(channel), p.id(), channel, null);
        KafkaTestClient.publish(MarketFixtures.revoked(p, certificate), UUID.randomUUID().toString());
        awaitListing(listing, "SUSPENDED");

        // market.webhook.max-attempts=4 in tests, pauses 0.3 s, 0.6 s, 1.2 s.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(operator(channel))
                .get("/api/v1/webhook-deliveries").then().statusCode(200).body("items[0].status", equalTo("GAVE_UP"))
                .body("items[0].attempts", equalTo(4)).body("items[0].lastError", notNullValue()));
        assertThat(webhookDeliveries("given_up")).isGreaterThanOrEqualTo(givenUpBefore + 1);
        clock.advance(Duration.ofHours(49));
        try {
            given().auth().oauth2(Tokens.provinceOfficer("42")).get("/api/v1/listings/escalations").then().statusCode(200)
                    .body("items.id", hasItem(listing.toString()));
        } finally {
            clock.reset();
        }
    }

    @Test
    void anExpirySuspendsAndARe_ratingThatSupersedesTheCertificateReinstates() {
        TestProduct p = registeredProduct("38", "Nước mắm Ba Làng");
        UUID first = MarketFixtures.certify(p, 3);
        UUID channel = MarketFixtures.channel("Voso " + UUID.randomUUID(), null, null);
        UUID listing = MarketFixtures.listing(operator(channel), p.id(), channel, null);

        KafkaTestClient.publish(MarketFixtures.expired(p, first), UUID.randomUUID().toString());
        awaitListing(listing, "SUSPENDED");
        List<ConsumerRecord<String, String>> suspended = marketEvents("ListingSuspended", listing, 1);
        assertThat(suspended).hasSize(1);
        assertThat(suspended.get(0).value()).contains("EXPIRED");
        given().auth().oauth2(operator(channel)).post("/api/v1/listings/" + listing + "/reinstate").then().statusCode(422)
                .body("code", equalTo("NO_ACTIVE_CERTIFICATE"));

        UUID second = UUID.randomUUID();
        KafkaTestClient.publish(MarketFixtures.issued(p, second, 4, first), UUID.randomUUID().toString());
        awaitListing(listing, "ACTIVE");
        given().auth().oauth2(operator(channel)).get("/api/v1/listings/" + listing).then()
                .body("stars", equalTo(4)).body("certificateId", equalTo(second.toString()));
        List<ConsumerRecord<String, String>> reinstated = marketEvents("ListingReinstated", listing, 1);
        assertThat(reinstated).hasSize(1);
        assertThat(reinstated.get(0).value()).contains(second.toString());
    }

    @Test
    void aReRatingBeforeExpiryMovesListingsToTheNewCertificateAndTheOldOnesExpiryDelistsNothing() {
        TestProduct p = registeredProduct("40", "Cam Vinh");
        UUID old = MarketFixtures.certify(p, 3);
        UUID channel = MarketFixtures.channel("Shopee " + UUID.randomUUID(), null, null);
        UUID listing = MarketFixtures.listing(operator(channel), p.id(), channel, null);

        UUID reRated = UUID.randomUUID();
        KafkaTestClient.publish(MarketFixtures.issued(p, reRated, 4, old), UUID.randomUUID().toString());
        awaitCertificate(old, "SUPERSEDED");
        given().auth().oauth2(operator(channel)).get("/api/v1/listings/" + listing).then()
                .body("status", equalTo("ACTIVE")).body("stars", equalTo(4)).body("certificateId", equalTo(reRated.toString()));

        KafkaTestClient.publish(MarketFixtures.expired(p, old), UUID.randomUUID().toString());
        awaitCertificate(old, "EXPIRED");
        given().auth().oauth2(operator(channel)).get("/api/v1/listings/" + listing).then().body("status", equalTo("ACTIVE"));
        assertThat(marketEvents("ListingSuspended", listing, Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void afterARevocationANewCertificateLetsTheResponsiblePeopleReinstate() {
        TestProduct p = registeredProduct("51", "Rượu Bàu Đá");
        UUID revokedCertificate = MarketFixtures.certify(p, 3);
        UUID channel = MarketFixtures.channel("Lazada " + UUID.randomUUID(), null, null);
        UUID listing = MarketFixtures.listing(Tokens.producer(p.producerId()), p.id(), channel, null);
        KafkaTestClient.publish(MarketFixtures.revoked(p, revokedCertificate), UUID.randomUUID().toString());
        awaitListing(listing, "SUSPENDED");

        UUID fresh = MarketFixtures.certify(p, 4);
        given().auth().oauth2(Tokens.centralOfficer()).get("/api/v1/listings/" + listing).then().body("status", equalTo("SUSPENDED"));
        // Another producer's listing answers like a missing one.
        given().auth().oauth2(Tokens.producer(UUID.randomUUID())).post("/api/v1/listings/" + listing + "/reinstate")
                .then().statusCode(404);
        String key = "reinstate-" + listing;
        given().auth().oauth2(Tokens.producer(p.producerId())).header("Idempotency-Key", key)
                .post("/api/v1/listings/" + listing + "/reinstate")
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("stars", equalTo(4))
                .body("certificateId", equalTo(fresh.toString()));
        given().auth().oauth2(Tokens.producer(p.producerId())).header("Idempotency-Key", key)
                .post("/api/v1/listings/" + listing + "/reinstate")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("status", equalTo("ACTIVE"));
        given().auth().oauth2(Tokens.producer(p.producerId())).post("/api/v1/listings/" + listing + "/reinstate")
                .then().statusCode(409).body("code", equalTo("LISTING_NOT_SUSPENDED"));
        assertThat(marketEvents("ListingReinstated", listing, 1)).hasSize(1);
    }

    @Test
    void unacknowledgedSuspensionsReachTheProvincesEscalationListAfterTheDeadline() {
        TestProduct p = registeredProduct("51", "Ớt Lý Sơn");
        UUID certificate = MarketFixtures.certify(p, 3);
        UUID channel = MarketFixtures.channel("Tiki " + UUID.randomUUID(), null, null);
        UUID point = MarketFixtures.approvedPoint("56", "HIGHWAY_REST_STOP", null, null);
        UUID acknowledged = MarketFixtures.listing(operator(channel), p.id(), channel, null);
        UUID ignored = MarketFixtures.listing(operator(point), p.id(), null, point);
        given().auth().oauth2(operator(channel)).post("/api/v1/listings/" + acknowledged + "/acknowledge")
                .then().statusCode(409).body("code", equalTo("LISTING_NOT_SUSPENDED"));

        KafkaTestClient.publish(MarketFixtures.revoked(p, certificate), UUID.randomUUID().toString());
        awaitListing(acknowledged, "SUSPENDED");
        awaitListing(ignored, "SUSPENDED");

        given().auth().oauth2(operator(point)).post("/api/v1/listings/" + acknowledged + "/acknowledge").then().statusCode(404);
        given().auth().oauth2(Tokens.producer(p.producerId())).post("/api/v1/listings/" + acknowledged + "/acknowledge")
                .then().statusCode(403);
        String at = given().auth().oauth2(operator(channel)).post("/api/v1/listings/" + acknowledged + "/acknowledge")
                .then().statusCode(200).body("acknowledgedAt", notNullValue()).extract().path("acknowledgedAt");
        given().auth().oauth2(operator(channel)).post("/api/v1/listings/" + acknowledged + "/acknowledge")
                .then().statusCode(200).body("acknowledgedAt", equalTo(at));

        given().auth().oauth2(Tokens.provinceOfficer("51")).get("/api/v1/listings/escalations").then().statusCode(200)
                .body("items.id", not(hasItem(ignored.toString())));
        clock.advance(Duration.ofHours(49));
        try {
            given().auth().oauth2(Tokens.provinceOfficer("51")).get("/api/v1/listings/escalations").then().statusCode(200)
                    .body("items.id", hasItem(ignored.toString())).body("items.id", not(hasItem(acknowledged.toString())));
            given().auth().oauth2(Tokens.provinceOfficer("01")).get("/api/v1/listings/escalations").then().statusCode(200)
                    .body("items.id", not(hasItem(ignored.toString())));
            given().auth().oauth2(Tokens.provinceOfficer("01")).queryParam("province", "51")
                    .get("/api/v1/listings/escalations").then().statusCode(403);
            given().auth().oauth2(operator(point)).get("/api/v1/listings/escalations").then().statusCode(403);
        } finally {
            clock.reset();
        }
    }
}
