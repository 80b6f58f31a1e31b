package vn.ocop.monitoring.inspection;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static vn.ocop.monitoring.MonitoringTestSupport.CENTRAL;
import static vn.ocop.monitoring.MonitoringTestSupport.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import vn.ocop.events.registry.ProductRegistered;

/** Products registered as the registry would announce them. */
public final class InspectionTestData {
    private InspectionTestData() {
    }

    /** Registers a product and waits until this service knows it. */
    public static ProductRegistered product(String province) {
        ProductRegistered event = new ProductRegistered(UUID.randomUUID(),
                province + "-21040-" + UUID.randomUUID().toString().substring(0, 4) + "-2026", "Tỏi Lý Sơn", 10,
                UUID.randomUUID(), province, "21040", Instant.now());
        publish(event);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(CENTRAL)
                .get("/api/v1/products/" + event.productId()).then().statusCode(200));
        return event;
    }
}
