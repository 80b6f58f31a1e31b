package vn.ocop.market;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.market.MarketFixtures.registeredProduct;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ocop.events.EventJson;
import vn.ocop.events.Topics;
import vn.ocop.events.market.ListingCreated;
import vn.ocop.events.market.PointOfSaleStatusChanged;
import vn.ocop.market.MarketFixtures.TestProduct;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.Tokens;
import vn.ocop.testkit.OcopTestResource;

/**
 * The facts monitoring needs for the programme's market targets (OCOP.md §6) leave through the outbox onto the real
 * broker: every listing (with whether its outlet is a modern channel) and every status change of a point of sale.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "market"))
class MarketEventsTest {

    private static List<ConsumerRecord<String, String>> events(String type, UUID about, int count) {
        return KafkaTestClient.awaitRecords(Topics.MARKET, r -> type.equals(KafkaTestClient.header(r, "ce_type"))
                && r.value().contains(about.toString()), count, Duration.ofSeconds(count == Integer.MAX_VALUE ? 3 : 30));
    }

    @Test
    void aListingAnnouncesItsProducerOutletAndWhetherTheChannelIsModern() {
        TestProduct p = registeredProduct("51", "Tỏi Lý Sơn");
        UUID certificate = MarketFixtures.certify(p, 4);
        UUID channel = MarketFixtures.channel("Voso " + UUID.randomUUID(), null, null);
        UUID supermarket = MarketFixtures.approvedPoint("51", "MALL_SUPERMARKET_MARKET", null, null);
        UUID busStation = MarketFixtures.approvedPoint("51", "TRANSPORT_TERMINAL", null, null);
        UUID onChannel = MarketFixtures.listing(Tokens.producer(p.producerId()), p.id(), channel, null);
        UUID inSupermarket = MarketFixtures.listing(Tokens.provinceOfficer("51"), p.id(), null, supermarket);
        UUID atBusStation = MarketFixtures.listing(Tokens.provinceOfficer("51"), p.id(), null, busStation);

        ConsumerRecord<String, String> record = events("ListingCreated", onChannel, 1).get(0);
        assertThat(record.key()).isEqualTo(p.id().toString());
        ListingCreated created = EventJson.read(record.value(), ListingCreated.class);
        assertThat(created.producerId()).isEqualTo(p.producerId());
        assertThat(created.provinceCode()).isEqualTo("51");
        assertThat(created.certificateId()).isEqualTo(certificate);
        assertThat(created.channelId()).isEqualTo(channel);
        assertThat(created.pointOfSaleId()).isNull();
        assertThat(created.modernChannel()).isTrue();
        ListingCreated supermarketListing = EventJson.read(events("ListingCreated", inSupermarket, 1).get(0).value(), ListingCreated.class);
        assertThat(supermarketListing.outletKind()).isEqualTo("MALL_SUPERMARKET_MARKET");
        assertThat(supermarketListing.modernChannel()).isTrue();
        ListingCreated busListing = EventJson.read(events("ListingCreated", atBusStation, 1).get(0).value(), ListingCreated.class);
        assertThat(busListing.outletKind()).isEqualTo("TRANSPORT_TERMINAL");
        assertThat(busListing.modernChannel()).isFalse();

        // A refused listing (already listed there) announces nothing.
        MarketFixtures.postListing(Tokens.producer(p.producerId()), MarketFixtures.listingBody(p.id(), channel, null, 1000))
                .then().statusCode(409);
        assertThat(KafkaTestClient.readAll(Topics.MARKET, r -> "ListingCreated".equals(KafkaTestClient.header(r, "ce_type"))
                && r.value().contains(channel.toString()))).hasSize(1);
    }

    @Test
    void everyStatusChangeOfAPointOfSaleIsAnnouncedAndARefusedOneIsNot() {
        UUID point = MarketFixtures.approvedPoint("46", "MALL_SUPERMARKET_MARKET", null, null);
        String path = "/api/v1/points-of-sale/" + point + "/status";
        String etag = given().auth().oauth2(Tokens.provinceOfficer("46")).get("/api/v1/points-of-sale/" + point)
                .then().statusCode(200).extract().header("ETag");
        etag = given().auth().oauth2(Tokens.provinceOfficer("46")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "CLOSED")).put(path).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.provinceOfficer("46")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "APPROVED")).put(path).then().statusCode(409);

        List<ConsumerRecord<String, String>> records = events("PointOfSaleStatusChanged", point, 2);
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(point.toString()));
        List<PointOfSaleStatusChanged> changes = records.stream()
                .map(r -> EventJson.read(r.value(), PointOfSaleStatusChanged.class)).toList();
        assertThat(changes).extracting(c -> c.previousStatus() + "->" + c.status())
                .containsExactly("PROPOSED->APPROVED", "APPROVED->CLOSED");
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.provinceCode()).isEqualTo("46");
            assertThat(c.modernChannel()).isTrue();
        });
        assertThat(events("PointOfSaleStatusChanged", point, Integer.MAX_VALUE)).hasSize(2);
    }
}
