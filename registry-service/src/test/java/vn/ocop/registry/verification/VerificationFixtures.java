package vn.ocop.registry.verification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static vn.ocop.registry.RegistryTestSupport.as;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.events.monitoring.CertificateRevoked;
import vn.ocop.platform.time.VietnamTime;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.Tokens;

/** Certified products fed through the real broker, as the verification tests need them, and a QR decoder. */
final class VerificationFixtures {
    static final String OFFICER = Tokens.provinceOfficer("51");
    static final LocalDate TODAY = LocalDate.now(VietnamTime.ZONE);
    static final String BASE_URL = "http://localhost:8081";
    static final String GROUND = "(b) Không còn đáp ứng tiêu chí theo kết luận kiểm tra";

    /** A registered product with a GTIN-13 and its certificate as the registry now shows it. */
    record Certified(UUID productId, UUID producerId, String productName, String producerName, String gtin, String number) {
        String pageUrl() {
            return BASE_URL + "/c/" + number;
        }

        String gtin14() {
            return "0" + gtin;
        }
    }

    private VerificationFixtures() {
    }

    static Certified valid(String productName) {
        Certified product = register(productName);
        issue(product, UUID.randomUUID(), TODAY.minusMonths(2));
        awaitStatus(product.number(), "VALID");
        return product;
    }

    static Certified revoked(String productName) {
        Certified product = register(productName);
        UUID certificateId = UUID.randomUUID();
        issue(product, certificateId, TODAY.minusMonths(8));
        KafkaTestClient.publish(new CertificateRevoked(certificateId, product.number(), product.productId(), "51", GROUND,
                "45/QĐ-UBND", TODAY.minusDays(3), Instant.now()), UUID.randomUUID().toString());
        awaitStatus(product.number(), "REVOKED");
        return product;
    }

    /** Issued 37 months ago: past its 36 months, it reads EXPIRED. */
    static Certified expired(String productName) {
        Certified product = register(productName);
        issue(product, UUID.randomUUID(), TODAY.minusMonths(37));
        awaitStatus(product.number(), "EXPIRED");
        return product;
    }

    static String randomGtin13() {
        return RegistryTestSupport.randomGtin13();
    }

    static String decode(BufferedImage image) {
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found in the image", e);
        }
    }

    /** A valid certificate for a new product of a producer the test registered itself. */
    static Certified valid(String producerId, String producerName, String productName) {
        Certified product = register(producerId, producerName, productName);
        issue(product, UUID.randomUUID(), TODAY.minusMonths(2));
        awaitStatus(product.number(), "VALID");
        return product;
    }

    private static Certified register(String productName) {
        String producerName = "HTX " + productName + " " + UUID.randomUUID().toString().substring(0, 8);
        return register(RegistryTestSupport.registerProducer(OFFICER, producerName, "51"), producerName, productName);
    }

    private static Certified register(String producerId, String producerName, String productName) {
        String gtin = randomGtin13();
        Map<String, Object> body = new HashMap<>(RegistryTestSupport.product(producerId, productName));
        body.put("gtin", gtin);
        UUID productId = UUID.fromString(as(OFFICER).body(body).post("/api/v1/products").then().statusCode(201)
                .extract().path("id"));
        return new Certified(productId, UUID.fromString(producerId), productName, producerName, gtin, "OCOP-51-" + UUID.randomUUID());
    }

    private static void issue(Certified product, UUID certificateId, LocalDate issuedOn) {
        KafkaTestClient.publish(new CertificateIssued(certificateId, product.number(), product.productId(), "51-21898-1-2026",
                product.producerId(), "51", 4, issuedOn, issuedOn.plusMonths(36).minusDays(1), "QD26-2026", UUID.randomUUID(),
                "100/QĐ-UBND", null, issuedOn.atStartOfDay(VietnamTime.ZONE).toInstant()), UUID.randomUUID().toString());
    }

    private static void awaitStatus(String number, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().accept("application/json").get("/api/v1/public/certificates/" + number);
            return response.statusCode() == 200 && status.equals(response.jsonPath().getString("status"));
        });
    }
}
