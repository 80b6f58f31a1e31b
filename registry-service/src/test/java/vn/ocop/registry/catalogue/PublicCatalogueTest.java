package vn.ocop.registry.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.randomTaxCode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.events.monitoring.CertificateRevoked;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;
import vn.ocop.platform.time.VietnamTime;

/** The anonymous catalogue over products of Lâm Đồng (68), a province no other test registers products in. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class PublicCatalogueTest {

    private static final String OFFICER = Tokens.provinceOfficer("68");
    private static final LocalDate TODAY = LocalDate.now(VietnamTime.ZONE);
    private static final Map<String, String> IDS = new HashMap<>();
    private static String garlicCertificate;

    @BeforeEach
    void catalogue() {
        if (!IDS.isEmpty()) {
            return;
        }
        as(Tokens.centralOfficer()).body(List.of(Map.of("code", "24781", "name", "Phường Xuân Hương - Đà Lạt", "kind", "WARD",
                "provinceCode", "68"))).post("/api/v1/communes").then().statusCode(200);
        Map<String, Object> producer = new HashMap<>(RegistryTestSupport.producer("HTX Nông sản Đà Lạt", "68", randomTaxCode()));
        producer.put("communeCode", "24781");
        String producerId = as(OFFICER).body(producer).post("/api/v1/producers").then().statusCode(201).extract().path("id");
        register(producerId, "Tỏi Lý Sơn", 10);
        register(producerId, "Cà phê Cầu Đất", 13);
        register(producerId, "Trà Atiso Đà Lạt", 12);
        register(producerId, "Tỏi đen Đà Lạt", 10);

        garlicCertificate = certify("Tỏi Lý Sơn", 5);
        certify("Cà phê Cầu Đất", 4);
        String tea = certify("Trà Atiso Đà Lạt", 3);
        KafkaTestClient.publish(new CertificateRevoked(certificateIds.get(tea), tea, UUID.fromString(IDS.get("Trà Atiso Đà Lạt")),
                "68", "(d) Sử dụng nhãn hiệu OCOP gây nhầm lẫn", "9/QĐ-UBND", TODAY, Instant.now()), UUID.randomUUID().toString());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                "REVOKED".equals(given().get("/api/v1/public/certificates/" + tea).jsonPath().getString("status")));
    }

    @Test
    void searchIgnoresCaseAndDiacriticsAndToleratesTypos() {
        for (String query : List.of("toi ly son", "Toi Ly Son", "tỏi lý sơn", "TỎI LÝ SƠN", "toi li son", "tỏi lý")) {
            given().queryParam("q", query).queryParam("province", "68").get("/api/v1/public/products").then().statusCode(200)
                    .body("items[0].name", equalTo("Tỏi Lý Sơn"))
                    .body("items.name", not(hasItem("Cà phê Cầu Đất")));
        }
        given().queryParam("q", "ca phe cau dat").queryParam("province", "68").get("/api/v1/public/products").then()
                .body("total", equalTo(1)).body("items[0].group", equalTo("I")).body("items[0].producerName", equalTo("HTX Nông sản Đà Lạt"));
        given().queryParam("q", "xyzzy quux").queryParam("province", "68").get("/api/v1/public/products").then()
                .body("total", equalTo(0));
    }

    @Test
    void filtersAndSortsByStarsAndCertificationStatus() {
        given().queryParam("province", "68").queryParam("stars", 5).get("/api/v1/public/products").then()
                .body("items.name", equalTo(List.of("Tỏi Lý Sơn"))).body("items[0].certificationStatus", equalTo("ACTIVE"));
        given().queryParam("province", "68").queryParam("status", "revoked").get("/api/v1/public/products").then()
                .body("items.name", equalTo(List.of("Trà Atiso Đà Lạt"))).body("items[0].stars", equalTo(null));
        given().queryParam("province", "68").queryParam("status", "NONE").get("/api/v1/public/products").then()
                .body("items.name", equalTo(List.of("Tỏi đen Đà Lạt")));
        given().queryParam("province", "68").queryParam("sort", "stars").get("/api/v1/public/products").then()
                .body("items[0].name", equalTo("Tỏi Lý Sơn")).body("items[1].name", equalTo("Cà phê Cầu Đất"))
                .body("total", equalTo(4));
        given().queryParam("province", "68").queryParam("group", "I").queryParam("productSet", 13).get("/api/v1/public/products")
                .then().body("items.name", equalTo(List.of("Cà phê Cầu Đất")));
        given().queryParam("province", "68").queryParam("group", "IV").get("/api/v1/public/products").then().body("total", equalTo(0));
        given().queryParam("stars", 9).get("/api/v1/public/products").then().statusCode(400).body("violations[0].field", equalTo("stars"));
        given().queryParam("sort", "random").get("/api/v1/public/products").then().statusCode(400).body("violations[0].field", equalTo("sort"));
        given().queryParam("status", "GOLD").get("/api/v1/public/products").then().statusCode(400);
    }

    @Test
    void theProductPageShowsProducerStoryAndCurrentCertificate() {
        given().get("/api/v1/public/products/" + IDS.get("Tỏi Lý Sơn")).then().statusCode(200)
                .body("producer.name", equalTo("HTX Nông sản Đà Lạt")).body("producer.kind", equalTo("COOPERATIVE"))
                .body("story", equalTo("Trồng trên cát núi lửa")).body("province.name", equalTo("Lâm Đồng"))
                .body("commune.name", equalTo("Phường Xuân Hương - Đà Lạt"))
                .body("certification.stars", equalTo(5)).body("certification.certificateNumber", equalTo(garlicCertificate))
                .body("certification.status", equalTo("ACTIVE"));
        given().get("/api/v1/public/products/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    private static final Map<String, UUID> certificateIds = new HashMap<>();

    private static void register(String producerId, String name, int productSet) {
        Map<String, Object> body = new HashMap<>(RegistryTestSupport.product(producerId, name, "24781"));
        body.put("productSet", productSet);
        IDS.put(name, as(OFFICER).body(body).post("/api/v1/products").then().statusCode(201).extract().path("id"));
    }

    private static String certify(String name, int stars) {
        String number = "LD-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        certificateIds.put(number, id);
        KafkaTestClient.publish(new CertificateIssued(id, number, UUID.fromString(IDS.get(name)), "68-24781-1-2026",
                UUID.randomUUID(), "68", stars, TODAY.minusMonths(1), TODAY.minusMonths(1).plusMonths(36), "QD26-2026",
                UUID.randomUUID(), "5/QĐ-UBND", null, Instant.now()), UUID.randomUUID().toString());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/api/v1/public/certificates/" + number).statusCode() == 200);
        return number;
    }
}
