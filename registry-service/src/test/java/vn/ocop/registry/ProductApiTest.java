package vn.ocop.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.product;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ProductApiTest {

    private static final String OFFICER = Tokens.provinceOfficer("40");
    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();

    @Test
    void productCodesFollowProvinceCommuneSerialYearAndNeverRepeat() {
        String producerId = RegistryTestSupport.registerProducer(OFFICER, "Cơ sở Võng gai Giai Xuân", "40");
        Map<String, Object> body = new HashMap<>(product(producerId, "Võng gai Giai Xuân"));
        body.put("communeCode", "17266");
        body.put("productSet", 21);

        String first = as(OFFICER).body(body).post("/api/v1/products").then().statusCode(201)
                .body("code", matchesPattern("40-17266-\\d+-" + YEAR)).body("provinceCode", equalTo("40"))
                .body("productSet", equalTo(21)).extract().path("code");
        String second = as(OFFICER).body(body).post("/api/v1/products").then().statusCode(201).extract().path("code");

        assertThat(serial(second)).isEqualTo(serial(first) + 1);
    }

    @Test
    void aProducerRegistersOnlyItsOwnProducts() {
        String producerId = RegistryTestSupport.registerProducer(OFFICER, "HTX Nghệ An", "40");
        String other = RegistryTestSupport.registerProducer(OFFICER, "HTX Khác", "40");

        String productId = as(Tokens.producer(UUID.fromString(producerId))).body(product(producerId, "Nước mắm Cửa Lò", "17278"))
                .post("/api/v1/products").then().statusCode(201).extract().path("id");
        as(Tokens.producer(UUID.fromString(producerId))).body(product(other, "Không phải của tôi"))
                .post("/api/v1/products").then().statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));

        as(Tokens.producer(UUID.fromString(other))).get("/api/v1/products/" + productId).then().statusCode(403);
        as(Tokens.producer(UUID.fromString(producerId))).get("/api/v1/products")
                .then().statusCode(200).body("items.id", hasItem(productId)).body("total", equalTo(1));
    }

    @Test
    void productValidationNamesFields() {
        String producerId = RegistryTestSupport.registerProducer(OFFICER, "HTX Kiểm tra", "40");
        Map<String, Object> body = new HashMap<>(product(producerId, "X"));
        body.put("productSet", 27);
        body.put("communeCode", "12");

        as(OFFICER).body(body).post("/api/v1/products").then().statusCode(400)
                .body("violations.field", hasItem("productSet")).body("violations.field", hasItem("communeCode"));
        as(OFFICER).body(product(UUID.randomUUID().toString(), "Mồ côi")).post("/api/v1/products")
                .then().statusCode(400).body("violations[0].field", equalTo("producerId"));
        as(Tokens.provinceOfficer("51")).body(product(producerId, "Tỉnh khác")).post("/api/v1/products")
                .then().statusCode(403).body("code", equalTo("OUT_OF_SCOPE"));
    }

    private static int serial(String code) {
        return Integer.parseInt(code.split("-")[2]);
    }

    @Test
    void specificationRawMaterialAreaAndGtinAreKeptAndAGtinWithAWrongCheckDigitIsRefused() {
        String producerId = RegistryTestSupport.registerProducer(OFFICER, "HTX Chi tiết", "40");
        Map<String, Object> body = new HashMap<>(product(producerId, "Tương Nam Đàn"));
        body.put("communeCode", "17278");
        body.put("specification", "Chai thủy tinh 500 ml");
        body.put("rawMaterialAreaCode", "VN-NANĐ-0007".replace("Đ", "D"));
        String gtin = RegistryTestSupport.randomGtin13(); // a GTIN belongs to one product: no fixed number across tests
        body.put("gtin", gtin);

        String id = as(OFFICER).body(body).post("/api/v1/products").then().statusCode(201)
                .body("specification", equalTo("Chai thủy tinh 500 ml"))
                .body("rawMaterialAreaCode", equalTo("VN-NAND-0007"))
                .body("gtin", equalTo(gtin)).extract().path("id");
        as(OFFICER).get("/api/v1/products/" + id).then().statusCode(200).body("gtin", equalTo(gtin));

        body.put("gtin", gtin.substring(0, 12) + ((gtin.charAt(12) - '0' + 1) % 10)); // wrong check digit
        as(OFFICER).body(body).post("/api/v1/products").then().statusCode(400)
                .body("violations.field", hasItem("gtin"));
        body.put("gtin", "89351239"); // a valid GTIN-8
        body.put("rawMaterialAreaCode", "vùng 1");
        as(OFFICER).body(body).post("/api/v1/products").then().statusCode(400)
                .body("violations.field", hasItem("rawMaterialAreaCode"));
    }
}
