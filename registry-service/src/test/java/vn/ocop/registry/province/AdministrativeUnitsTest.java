package vn.ocop.registry.province;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.producer;
import static vn.ocop.registry.RegistryTestSupport.randomTaxCode;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ocop.registry.RegistryTestSupport;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class AdministrativeUnitsTest {

    private static final String CENTRAL = Tokens.centralOfficer();

    @Inject
    EntityManager entityManager;

    @Test
    void communesArePagedAndFoundByNameWhateverTheDiacriticsOrCase() {
        for (String query : List.of("ly son", "LÝ SƠN", "Lý Sơn", "đặc khu lý")) {
            given().queryParam("q", query).get("/api/v1/provinces/51/communes").then().statusCode(200)
                    .body("items.code", equalTo(List.of("21548"))).body("items[0].name", equalTo("Đặc khu Lý Sơn"))
                    .body("items[0].kind", equalTo("SPECIAL_ZONE")).body("total", equalTo(1));
        }
        given().queryParam("size", 2).get("/api/v1/provinces/51/communes").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("total", equalTo(96)).body("items.provinceCode", everyItem(equalTo("51")));
        given().queryParam("kind", "ward").get("/api/v1/provinces/51/communes").then().statusCode(200)
                .body("items.kind", everyItem(equalTo("WARD"))).body("total", equalTo(9));
        // A former province code lists its successor's communes (Sóc Trăng 94 → Cần Thơ 92).
        given().queryParam("q", "hoa tu").get("/api/v1/provinces/94/communes").then().statusCode(200)
                .body("items.code", hasItem("31717"));
        given().get("/api/v1/provinces/99/communes").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("kind", "village").get("/api/v1/provinces/51/communes").then().statusCode(400)
                .body("violations[0].field", equalTo("kind"));
    }

    @Test
    void formerCodesAndNamesResolveToTheUnitInForce() {
        given().queryParam("code", "94").get("/api/v1/provinces/resolve").then().statusCode(200)
                .body("code", equalTo("92")).body("name", equalTo("Thành phố Cần Thơ"))
                .body("resolvedFrom", equalTo("94")).body("resolvedFromName", equalTo("Sóc Trăng"));
        for (String name : List.of("Sóc Trăng", "soc trang", "Tỉnh Sóc Trăng")) {
            given().queryParam("name", name).get("/api/v1/provinces/resolve").then().statusCode(200)
                    .body("code", equalTo("92")).body("resolvedFrom", equalTo("94"));
        }
        // The namesake in force wins over the former Bắc Ninh (27), which merged into it.
        given().queryParam("name", "Bắc Ninh").get("/api/v1/provinces/resolve").then().statusCode(200)
                .body("code", equalTo("24")).body("resolvedFrom", equalTo(null));
        given().queryParam("name", "TP Hồ Chí Minh").get("/api/v1/provinces/resolve").then().body("code", equalTo("79"));
        given().queryParam("name", "Bà Rịa-Vũng Tàu").get("/api/v1/provinces/resolve").then().body("code", equalTo("79"))
                .body("resolvedFrom", equalTo("77"));
        given().queryParam("name", "Atlantis").get("/api/v1/provinces/resolve").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        given().get("/api/v1/provinces/resolve").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    /** The loading tests use codes outside the official list (99xxx) and remove them, so the list stays whole. */
    @AfterEach
    void removeTestCommunes() {
        QuarkusTransaction.requiringNew().run(
                () -> entityManager.createNativeQuery("delete from commune where code like '99%'").executeUpdate());
    }

    @Test
    void aCentralOfficerLoadsCommunesAsJsonNdjsonOrCsvAndReloadingUpdatesInPlace() {
        as(CENTRAL).body(List.of(
                Map.of("code", "99002", "name", "Phường Thử Tải", "kind", "WARD", "provinceCode", "96"),
                Map.of("code", "99248", "name", "Xã Thử Mũi", "kind", "xã", "provinceCode", "96")))
                .post("/api/v1/communes").then().statusCode(200)
                .body("received", equalTo(2)).body("inserted", equalTo(2)).body("updated", equalTo(0));

        given().auth().oauth2(CENTRAL).contentType("application/x-ndjson")
                .body(("{\"code\":\"99002\",\"name\":\"Phường Thử Tải\",\"kind\":\"WARD\",\"provinceCode\":\"96\"}\n"
                        + "{\"code\":\"99248\",\"name\":\"Xã Thử Mũi (mới)\",\"kind\":\"COMMUNE\",\"provinceCode\":\"96\"}\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/communes").then().statusCode(200)
                .body("inserted", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(1));

        given().auth().oauth2(CENTRAL).contentType("text/csv")
                .body("code,name,kind,provinceCode\r\n99155,\"Xã Thử Căn, Cà Mau\",đặc khu,96\r\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/communes").then().statusCode(200).body("inserted", equalTo(1));

        given().queryParam("q", "thu mui").get("/api/v1/provinces/96/communes").then()
                .body("items[0].name", equalTo("Xã Thử Mũi (mới)"));
        given().queryParam("q", "thu can").get("/api/v1/provinces/96/communes").then()
                .body("items[0].name", equalTo("Xã Thử Căn, Cà Mau")).body("items[0].kind", equalTo("SPECIAL_ZONE"));
    }

    @Test
    void aListWithBadRowsIsRefusedWholeNamingEachRow() {
        long before = communeCount();
        as(CENTRAL).body(List.of(
                Map.of("code", "99300", "name", "Xã Tốt", "kind", "COMMUNE", "provinceCode", "96"),
                Map.of("code", "99301", "name", "Xã Sai Tỉnh", "kind", "COMMUNE", "provinceCode", "99"),
                Map.of("code", "99302", "name", "Xã Sai Loại", "kind", "village", "provinceCode", "96"),
                Map.of("code", "99300", "name", "Xã Trùng", "kind", "COMMUNE", "provinceCode", "96"),
                Map.of("code", "123", "name", "", "kind", "COMMUNE", "provinceCode", "96")))
                .post("/api/v1/communes").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem("[1].provinceCode"))
                .body("violations.field", hasItem("[2].kind"))
                .body("violations.field", hasItem("[3].code"))
                .body("violations.field", hasItem("[4].code"))
                .body("violations.field", hasItem("[4].name"))
                .body("violations.field", not(hasItem("[0].code")));
        assertThat(communeCount()).isEqualTo(before);

        given().auth().oauth2(CENTRAL).contentType("application/x-ndjson").body("{\"code\": \n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/communes").then().statusCode(400).body("violations[0].field", equalTo("[0]"));
        as(Tokens.provinceOfficer("96")).body(List.of()).post("/api/v1/communes").then().statusCode(403);
        given().contentType(ContentType.JSON).body(List.of()).post("/api/v1/communes").then().statusCode(401);
        assertThat(communeCount()).isEqualTo(before);
    }

    @Test
    void producersAndProductsMustNameACommuneOfTheirProvince() {
        String officer = Tokens.provinceOfficer("51");
        Map<String, Object> elsewhere = new HashMap<>(producer("HTX Sai Xã", "51", randomTaxCode()));
        elsewhere.put("communeCode", "17278");
        as(officer).body(elsewhere).post("/api/v1/producers").then().statusCode(400)
                .body("violations[0].field", equalTo("communeCode"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("lies in province 40"));
        elsewhere.put("communeCode", "99999");
        as(officer).body(elsewhere).post("/api/v1/producers").then().statusCode(400)
                .body("violations[0].field", equalTo("communeCode"));

        String producerId = RegistryTestSupport.registerProducer(officer, "HTX Đúng Xã", "51");
        as(officer).body(RegistryTestSupport.product(producerId, "Sản phẩm xã khác", "17278")).post("/api/v1/products")
                .then().statusCode(400).body("violations[0].field", equalTo("communeCode"));
        as(officer).body(RegistryTestSupport.product(producerId, "Tỏi", "21548")).post("/api/v1/products")
                .then().statusCode(201).body("communeCode", equalTo("21548"));

        // A commune loaded through the API is usable at once.
        as(CENTRAL).body(List.of(Map.of("code", "99400", "name", "Xã Mới Nạp", "kind", "COMMUNE", "provinceCode", "96")))
                .post("/api/v1/communes").then().statusCode(200);
        Map<String, Object> caMau = new HashMap<>(producer("HTX Cà Mau", "96", randomTaxCode()));
        caMau.put("communeCode", "99400");
        as(Tokens.provinceOfficer("96")).body(caMau).post("/api/v1/producers").then().statusCode(201);
    }

    private long communeCount() {
        return QuarkusTransaction.requiringNew().call(
                () -> ((Number) entityManager.createNativeQuery("select count(*) from commune").getSingleResult()).longValue());
    }
}
