package vn.ocop.monitoring.statistics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.events.registry.ProducerRegistered;
import vn.ocop.events.registry.ProducerUpdated;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.events.registry.ProductUpdated;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.ProductProjectionContract;

/**
 * Registry corrections reach the monthly registration figures: a producer's representative or province corrected, a
 * product moved to another province, each applied once, in version order, whatever order the events arrive in.
 * Each test uses a month of its own, so the figures count only its events.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "monitoring"))
class RegistryCorrectionsTest {

    @Test
    void aCorrectedRepresentativeAndProvinceMoveTheProducerFiguresAndALateOlderCorrectionIsIgnored() {
        Instant registeredAt = uniqueMonth();
        UUID producer = UUID.randomUUID();
        publish(new ProducerRegistered(producer, "HTX Chè Tân Cương", "COOPERATIVE", "4600000001", "46", null, "MALE", false,
                registeredAt));
        awaitFigures("46", registeredAt, 1, 0, 0);

        publish(updated(producer, "46", "FEMALE", true, 1));
        awaitFigures("46", registeredAt, 1, 1, 1);

        publish(updated(producer, "48", "FEMALE", true, 3));
        String late = publish(updated(producer, "46", "MALE", false, 2));
        ProductProjectionContract.awaitProcessed(late);

        figuresAre("46", registeredAt, 0, 0, 0);
        figuresAre("48", registeredAt, 1, 1, 1);
    }

    @Test
    void aProducerCorrectedBeforeItsRegistrationArrivedCountsOnceWithTheCorrectedFacts() {
        Instant registeredAt = uniqueMonth();
        UUID producer = UUID.randomUUID();

        ProductProjectionContract.awaitProcessed(publish(updated(producer, "46", "FEMALE", false, 1)));
        publish(new ProducerRegistered(producer, "Hộ Nguyễn Văn A", "HOUSEHOLD", null, "46", null, "MALE", false,
                registeredAt));

        awaitFigures("46", registeredAt, 1, 1, 0);
    }

    @Test
    void aProductMovedToAnotherProvinceIsCountedThere() {
        Instant registeredAt = uniqueMonth();
        ProductRegistered product = new ProductRegistered(UUID.randomUUID(),
                "51-21040-" + ThreadLocalRandom.current().nextInt(1000, 9999) + "-2026", "Tỏi Lý Sơn", 10, UUID.randomUUID(),
                "51", "21040", registeredAt);
        publish(product);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> productsAre("51", registeredAt, 1));

        ProductProjectionContract.awaitProcessed(publish(new ProductUpdated(product.productId(), product.productCode(),
                "Tỏi cô đơn Lý Sơn", 10, product.producerId(), "46", "19774", 1, List.of("name", "provinceCode", "communeCode"),
                "Chuyển địa bàn", Instant.now())));

        productsAre("51", registeredAt, 0);
        productsAre("46", registeredAt, 1);
    }

    private static ProducerUpdated updated(UUID producer, String province, String gender, boolean minority, long version) {
        return new ProducerUpdated(producer, "HTX Chè Tân Cương", "COOPERATIVE", "4600000001", province, null, gender,
                minority, version, List.of("representativeGender", "provinceCode"), "Sửa theo hồ sơ", Instant.now());
    }

    private static String publish(vn.ocop.events.IntegrationEvent event) {
        String id = UUID.randomUUID().toString();
        KafkaTestClient.publish(event, id);
        return id;
    }

    private static void awaitFigures(String province, Instant month, int producers, int womenLed, int minorityLed) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> figuresAre(province, month, producers, womenLed, minorityLed));
    }

    private static void figuresAre(String province, Instant month, int producers, int womenLed, int minorityLed) {
        String path = "months.find { it.month == '" + month(month) + "' }";
        given().queryParam("province", province).get("/api/v1/statistics/registrations").then().statusCode(200)
                .body(path + ".producers", equalTo(producers))
                .body(path + ".womenLedProducers", equalTo(womenLed))
                .body(path + ".ethnicMinorityLedProducers", equalTo(minorityLed));
    }

    private static void productsAre(String province, Instant month, int products) {
        given().queryParam("province", province).get("/api/v1/statistics/registrations").then().statusCode(200)
                .body("months.find { it.month == '" + month(month) + "' }.products", equalTo(products));
    }

    private static Instant uniqueMonth() {
        return LocalDateTime.of(ThreadLocalRandom.current().nextInt(1900, 2000), ThreadLocalRandom.current().nextInt(1, 13), 15,
                12, 0).toInstant(ZoneOffset.UTC);
    }

    private static String month(Instant at) {
        return YearMonth.from(at.atZone(ZoneId.of("Asia/Ho_Chi_Minh"))).toString();
    }
}
