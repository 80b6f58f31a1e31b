package vn.ocop.registry.certification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.product;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** A certificate migrated into evaluation is verified by the number printed on its label, slashes and diacritics included. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class MigratedCertificateVerificationTest {
    private static final String OFFICER = Tokens.provinceOfficer("51");

    @Test
    void aMigratedCertificateIsFoundByItsOriginalNumberAndShowsItsStatedEndDate() {
        String producerId = RegistryTestSupport.registerProducer(OFFICER, "HTX Tỏi Lý Sơn", "51");
        UUID productId = UUID.fromString(as(OFFICER).body(product(producerId, "Tỏi Lý Sơn")).post("/api/v1/products")
                .then().statusCode(201).extract().path("id"));
        String number = UUID.randomUUID().toString().substring(0, 4) + "/QĐ-UBND Số 12";
        LocalDate validUntil = LocalDate.now().plusMonths(5);
        KafkaTestClient.publish(new CertificateIssued(UUID.randomUUID(), number, productId, "51-21548-10-2021",
                UUID.fromString(producerId), "51", 4, LocalDate.of(2021, 11, 2), validUntil, "1048/QĐ-TTg", null,
                "1077/QĐ-UBND", null, Instant.now(), true), UUID.randomUUID().toString());
        String path = "/api/v1/public/certificates/" + URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().urlEncodingEnabled(false).get(path)
                .then().statusCode(200).body("certificateNumber", equalTo(number)).body("status", equalTo("VALID"))
                .body("stars", equalTo(4)).body("validUntil", equalTo(validUntil.toString()))
                .body("decisionNumber", equalTo("1077/QĐ-UBND")));
        as(OFFICER).get("/api/v1/products/" + productId).then().statusCode(200)
                .body("certification.certificateNumber", equalTo(number))
                .body("certification.validUntil", equalTo(validUntil.toString()));
    }
}
