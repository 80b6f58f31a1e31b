package vn.ocop.market;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.events.monitoring.CertificateExpired;
import vn.ocop.events.monitoring.CertificateRevoked;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.Tokens;

/** Builds the world a market test needs through the real broker and the REST API, as other services and users would. */
final class MarketFixtures {
    private MarketFixtures() {
    }

    /** A product of a producer in a province, as the registry announced it. */
    record TestProduct(UUID id, UUID producerId, String province, String code) {
    }

    static TestProduct registeredProduct(String province, String name) {
        UUID id = UUID.randomUUID();
        UUID producer = UUID.randomUUID();
        String code = province + "-" + (10000 + (int) (Math.random() * 89999)) + "-1-2026";
        KafkaTestClient.publish(new ProductRegistered(id, code, name, 10, producer, province, "14797",
                Instant.parse("2026-02-01T01:00:00Z")), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.centralOfficer())
                .get("/api/v1/products/" + id).then().statusCode(200));
        return new TestProduct(id, producer, province, code);
    }

    static CertificateIssued issued(TestProduct p, UUID certificateId, int stars, UUID supersedes) {
        LocalDate today = LocalDate.now();
        return new CertificateIssued(certificateId, "GCN-" + certificateId.toString().substring(0, 8), p.id(), p.code(),
                p.producerId(), p.province(), stars, today.minusMonths(1), today.plusMonths(35), "QD26-2026",
                UUID.randomUUID(), "QĐ 123/QĐ-UBND", supersedes, Instant.now());
    }

    static CertificateRevoked revoked(TestProduct p, UUID certificateId) {
        return new CertificateRevoked(certificateId, "GCN-" + certificateId.toString().substring(0, 8), p.id(), p.province(),
                "b", "QĐ 999/QĐ-UBND", LocalDate.now(), Instant.now());
    }

    static CertificateExpired expired(TestProduct p, UUID certificateId) {
        return new CertificateExpired(certificateId, "GCN-" + certificateId.toString().substring(0, 8), p.id(), p.province(),
                LocalDate.now().minusDays(1), Instant.now());
    }

    /** Publishes the issue and waits until the market shows the certificate ACTIVE. */
    static UUID certify(TestProduct p, int stars) {
        UUID certificateId = UUID.randomUUID();
        KafkaTestClient.publish(issued(p, certificateId, stars, null), UUID.randomUUID().toString());
        awaitCertificate(certificateId, "ACTIVE");
        return certificateId;
    }

    static void awaitCertificate(UUID certificateId, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.centralOfficer())
                .get("/api/v1/certificates/" + certificateId).then().statusCode(200).body("status", equalTo(status)));
    }

    static String operator(UUID outletId) {
        return Tokens.of("operator-" + outletId, "channel-operator").claim("channel_id", outletId.toString()).mint();
    }

    static UUID channel(String name, String notificationUrl, String secret) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "ECOMMERCE_PLATFORM");
        body.put("website", "https://example.vn");
        body.put("operatorName", "Operator of " + name);
        body.put("notificationUrl", notificationUrl);
        body.put("notificationSecret", secret);
        return UUID.fromString(given().auth().oauth2(Tokens.centralOfficer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/channels").then().statusCode(201).extract().path("id"));
    }

    static Map<String, Object> pointBody(String province, String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Điểm giới thiệu và bán sản phẩm OCOP " + UUID.randomUUID().toString().substring(0, 6));
        body.put("category", category);
        body.put("provinceCode", province);
        body.put("communeCode", "14797");
        body.put("operatorName", "HTX Dịch vụ Nông nghiệp");
        body.put("address", "12 Lê Lợi");
        body.put("latitude", 15.12);
        body.put("longitude", 108.8);
        body.put("openingHours", "07:00–21:00");
        return body;
    }

    /** Proposes and approves a point of sale as the province's officer. */
    static UUID approvedPoint(String province, String category, String notificationUrl, String secret) {
        Map<String, Object> body = pointBody(province, category);
        body.put("notificationUrl", notificationUrl);
        body.put("notificationSecret", secret);
        Response created = given().auth().oauth2(Tokens.provinceOfficer(province)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/points-of-sale").then().statusCode(201).extract().response();
        String id = created.path("id");
        given().auth().oauth2(Tokens.provinceOfficer(province)).contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(Map.of("status", "APPROVED")).put("/api/v1/points-of-sale/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        return UUID.fromString(id);
    }

    static Map<String, Object> listingBody(UUID productId, UUID channelId, UUID pointId, long price) {
        Map<String, Object> body = new HashMap<>();
        body.put("productId", productId.toString());
        if (channelId != null) {
            body.put("channelId", channelId.toString());
        }
        if (pointId != null) {
            body.put("pointOfSaleId", pointId.toString());
        }
        body.put("externalSku", "SKU-" + UUID.randomUUID().toString().substring(0, 6));
        body.put("priceVnd", price);
        body.put("since", "2026-03-01");
        return body;
    }

    static Response postListing(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/listings");
    }

    static UUID listing(String token, UUID productId, UUID channelId, UUID pointId) {
        return UUID.fromString(postListing(token, listingBody(productId, channelId, pointId, 150_000))
                .then().statusCode(201).extract().path("id"));
    }
}
