package vn.ocop.testkit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.events.registry.ProductUpdated;

/**
 * The shared product projection (module {@code projections}) as every consuming service must show it, through the real
 * broker, the inbox and the service's own {@code /api/v1/products}. A service's test extends this class and adds
 * {@code @QuarkusTest} with its {@link OcopTestResource}; what only that service does with products it tests itself.
 */
public abstract class ProductProjectionContract {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aRegisteredProductBecomesVisibleToItsProvinceOnly() {
        ProductRegistered event = registration("Nem chua Thanh Hóa");

        String id = publish(event);

        awaitProcessed(id);
        given().auth().oauth2(Tokens.provinceOfficer("38")).get("/api/v1/products/" + event.productId()).then()
                .statusCode(200).body("code", equalTo(event.productCode())).body("name", equalTo("Nem chua Thanh Hóa"))
                .body("productSet", equalTo(8));
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

    @Test
    void aProducerListsAndReadsOnlyItsOwnProducts() {
        ProductRegistered own = registration("Nem chua của mình");
        ProductRegistered other = registration("Nem chua nhà khác");
        publish(own);
        awaitProcessed(publish(other));
        String producer = Tokens.producer(own.producerId());

        given().auth().oauth2(producer).queryParam("size", "100").get("/api/v1/products").then().statusCode(200)
                .body("items.id", contains(own.productId().toString())).body("total", equalTo(1));
        given().auth().oauth2(producer).get("/api/v1/products/" + own.productId()).then().statusCode(200);
        given().auth().oauth2(producer).get("/api/v1/products/" + other.productId())
                .then().statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));
        // a province officer of the same province still lists both
        given().auth().oauth2(Tokens.provinceOfficer("38")).queryParam("size", "100").get("/api/v1/products").then()
                .statusCode(200).body("total", greaterThanOrEqualTo(2));
    }

    @Test
    void aCorrectionMovesTheProductAndRenamesItButKeepsItsCode() {
        ProductRegistered registered = registration("Nem chua");
        publish(registered);
        UUID newProducer = UUID.randomUUID();

        awaitProcessed(publish(new ProductUpdated(registered.productId(), registered.productCode(), "Nem chua Thanh Hóa",
                9, newProducer, "01", "00004", 1, List.of("name", "productSet", "producerId", "provinceCode", "communeCode"),
                "Chuyển địa bàn", Instant.parse("2026-03-01T02:00:00Z"))));

        given().auth().oauth2(Tokens.provinceOfficer("01")).get("/api/v1/products/" + registered.productId()).then()
                .statusCode(200).body("code", equalTo(registered.productCode())).body("name", equalTo("Nem chua Thanh Hóa"))
                .body("productSet", equalTo(9)).body("producerId", equalTo(newProducer.toString()))
                .body("provinceCode", equalTo("01")).body("communeCode", equalTo("00004"))
                .body("registeredAt", equalTo("2026-02-01T01:00:00Z"));
        given().auth().oauth2(Tokens.provinceOfficer("38")).get("/api/v1/products/" + registered.productId())
                .then().statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));
    }

    @Test
    void anOlderCorrectionAfterANewerOneAndADuplicateChangeNothing() {
        ProductRegistered registered = registration("Nem chua");
        publish(registered);
        ProductUpdated second = correction(registered, "Nem chua Thanh Hóa loại đặc biệt", 2);
        String secondId = publish(second);

        awaitProcessed(publish(correction(registered, "Nem chua Thanh Hóa", 1)));
        publish(second, secondId); // a redelivery
        awaitProcessed(publish(correction(registered, "Tên khác cùng phiên bản", 2))); // the same version again

        given().auth().oauth2(Tokens.provinceOfficer("38")).get("/api/v1/products/" + registered.productId()).then()
                .statusCode(200).body("name", equalTo("Nem chua Thanh Hóa loại đặc biệt"));
    }

    @Test
    void aCorrectionArrivingBeforeItsRegistrationEndsInTheCorrectedState() {
        ProductRegistered registered = registration("Nem chua");

        awaitProcessed(publish(correction(registered, "Nem chua Thanh Hóa", 1)));
        given().auth().oauth2(Tokens.provinceOfficer("38")).get("/api/v1/products/" + registered.productId()).then()
                .statusCode(200).body("name", equalTo("Nem chua Thanh Hóa"));
        awaitProcessed(publish(registered));

        given().auth().oauth2(Tokens.provinceOfficer("38")).get("/api/v1/products/" + registered.productId()).then()
                .statusCode(200).body("name", equalTo("Nem chua Thanh Hóa")).body("code", equalTo(registered.productCode()))
                .body("registeredAt", equalTo("2026-02-01T01:00:00Z"));
    }

    /** A new product of commune 14797 (Thanh Hóa, province 38), product set 8, registered on 1 February 2026. */
    protected static ProductRegistered registration(String name) {
        String serial = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000));
        return new ProductRegistered(UUID.randomUUID(), "38-14797-" + serial + "-2026", name, 8, UUID.randomUUID(), "38",
                "14797", Instant.parse("2026-02-01T01:00:00Z"));
    }

    /** The product renamed, everything else as registered. */
    protected static ProductUpdated correction(ProductRegistered registered, String name, long version) {
        return new ProductUpdated(registered.productId(), registered.productCode(), name, registered.productSet(),
                registered.producerId(), registered.provinceCode(), registered.communeCode(), version, List.of("name"),
                null, Instant.parse("2026-03-01T02:00:00Z").plusSeconds(version));
    }

    /** Publishes under a new event id, which it returns. */
    protected static String publish(IntegrationEvent event) {
        return publish(event, UUID.randomUUID().toString());
    }

    protected static String publish(IntegrationEvent event, String eventId) {
        KafkaTestClient.publish(event, eventId);
        return eventId;
    }

    /** Waits until the service's inbox has processed (applied or ignored) the event with this id. */
    public static void awaitProcessed(String eventId) {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        await().atMost(PATIENCE).until(() -> {
            try (Connection c = DriverManager.getConnection(url, TestDatabases.user(), TestDatabases.password());
                 PreparedStatement s = c.prepareStatement("select 1 from processed_event where event_id = ?")) {
                s.setString(1, eventId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
