package vn.ocop.registry;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Request bodies and calls shared by the registry tests. */
public final class RegistryTestSupport {
    private RegistryTestSupport() {
    }

    public static String randomTaxCode() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    public static Map<String, Object> producer(String name, String provinceCode, String taxCode) {
        return Map.of(
                "name", name,
                "kind", "COOPERATIVE",
                "taxCode", taxCode,
                "provinceCode", provinceCode,
                "communeCode", "21898",
                "address", "Thôn Đông, Lý Sơn",
                "phone", "0255 3867 123",
                "email", "htx@example.vn",
                "representative", Map.of("fullName", "Nguyễn Thị Hoa", "title", "Giám đốc", "gender", "FEMALE",
                        "ethnicGroup", "Kinh", "ethnicMinority", false, "disabled", false));
    }

    public static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).auth().oauth2(token);
    }

    /** Registers a producer as an officer of its province and returns its id. */
    public static String registerProducer(String token, String name, String provinceCode) {
        return as(token).body(producer(name, provinceCode, randomTaxCode()))
                .post("/api/v1/producers").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> product(String producerId, String name) {
        return Map.of("producerId", producerId, "name", name, "productSet", 10, "communeCode", "21898",
                "description", "Tỏi cô đơn", "story", "Trồng trên cát núi lửa");
    }
}
