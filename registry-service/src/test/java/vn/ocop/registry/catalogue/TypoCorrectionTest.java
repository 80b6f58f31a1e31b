package vn.ocop.registry.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.randomTaxCode;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.registry.StatementCounter;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * A mistyped word is corrected to a word of the product names, which the database keeps as products are registered
 * and renamed (V16). Two statements prove the correction found the product, not the whole-query similarity after it.
 * Products of Cao Bằng (04) and Quảng Ninh (22), provinces no other test registers products in, with words no other
 * test uses.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class TypoCorrectionTest {
    private static final String CAO_BANG = "04";
    /** Phường Thục Phán, Cao Bằng, from the official list. */
    private static final String THUC_PHAN = "01273";
    private static final String QUANG_NINH = "22";
    /** Phường Hà Tu, Quảng Ninh. */
    private static final String HA_TU = "06652";

    @Test
    void aProductRegisteredAfterStartupIsFoundByATypoOfItsWord() {
        register(CAO_BANG, THUC_PHAN, "Miến dong Phja Đén");

        String id = UUID.randomUUID().toString();
        search(id).queryParam("q", "mien dong phjaa").get("/api/v1/public/products").then().statusCode(200)
                .body("items.name", contains("Miến dong Phja Đén"));
        assertThat(StatementCounter.of(id)).as("words, then corrected words").hasSize(2);
    }

    @Test
    void aRenamedProductIsFoundByATypoOfItsNewWord() {
        String productId = register(CAO_BANG, THUC_PHAN, "Trà hoa vàng Cao Bằng");
        given().auth().oauth2(Tokens.provinceOfficer(CAO_BANG)).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"name\": \"Trà hoa vàng Khuổi Khon\"}".getBytes(StandardCharsets.UTF_8))
                .patch("/api/v1/products/" + productId).then().statusCode(200);

        String id = UUID.randomUUID().toString();
        search(id).queryParam("q", "tra hoa vang khuoii").get("/api/v1/public/products").then().statusCode(200)
                .body("items.name", contains("Trà hoa vàng Khuổi Khon"));
        assertThat(StatementCounter.of(id)).as("words, then corrected words").hasSize(2);
    }

    /**
     * "lonng" is corrected to "long", a word of Quảng Ninh's honey only: in Cao Bằng the corrected words match nothing,
     * and the whole-query similarity finds Cao Bằng's Hạ Lang honey.
     */
    @Test
    void aCorrectionToAWordOfAnotherProvinceFallsBackToSimilarityWithinTheChosenProvince() {
        register(QUANG_NINH, HA_TU, "Mật ong Hạ Long");
        register(CAO_BANG, THUC_PHAN, "Mật ong Hạ Lang");

        given().queryParam("q", "mat ong ha lonng").get("/api/v1/public/products").then().statusCode(200)
                .body("items.name", contains("Mật ong Hạ Long"));
        String id = UUID.randomUUID().toString();
        search(id).queryParam("q", "mat ong ha lonng").queryParam("province", CAO_BANG).get("/api/v1/public/products")
                .then().statusCode(200).body("items.name", contains("Mật ong Hạ Lang")).body("total", equalTo(1));
        assertThat(StatementCounter.of(id)).as("words, corrected words, then similarity").hasSize(3);
    }

    private static String register(String province, String commune, String name) {
        String officer = Tokens.provinceOfficer(province);
        Map<String, Object> producer = new HashMap<>(RegistryTestSupport.producer("HTX " + name, province, randomTaxCode()));
        producer.put("communeCode", commune);
        String producerId = as(officer).body(producer).post("/api/v1/producers").then().statusCode(201).extract().path("id");
        return as(officer).body(RegistryTestSupport.product(producerId, name, commune)).post("/api/v1/products")
                .then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification search(String id) {
        return given().header(StatementCounter.HEADER, id);
    }
}
