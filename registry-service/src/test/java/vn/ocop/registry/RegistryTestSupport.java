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

    /** A GTIN-13 with the Vietnamese GS1 prefix 893 and a correct check digit: a GTIN belongs to one product only. */
    public static String randomGtin13() {
        StringBuilder digits = new StringBuilder("893");
        while (digits.length() < 12) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = digits.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    /** A real commune (official list, V11) in each province the tests use; former province codes map to successors. */
    private static final Map<String, String> COMMUNE_OF_PROVINCE = Map.ofEntries(
            Map.entry("01", "00577"), Map.entry("19", "05503"), Map.entry("24", "07582"), Map.entry("31", "10525"),
            Map.entry("38", "14797"), Map.entry("40", "17278"), Map.entry("42", "18073"), Map.entry("46", "19753"), Map.entry("51", "21040"),
            Map.entry("92", "31717"), Map.entry("94", "31717"));

    public static String communeOf(String provinceCode) {
        return COMMUNE_OF_PROVINCE.getOrDefault(provinceCode, "21040");
    }

    public static Map<String, Object> producer(String name, String provinceCode, String taxCode) {
        return Map.of(
                "name", name,
                "kind", "COOPERATIVE",
                "taxCode", taxCode,
                "provinceCode", provinceCode,
                "communeCode", communeOf(provinceCode),
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

    /** A product in commune 21040 (province 51); use the three-argument form for producers of other provinces. */
    public static Map<String, Object> product(String producerId, String name) {
        return product(producerId, name, "21040");
    }

    public static Map<String, Object> product(String producerId, String name, String communeCode) {
        return Map.of("producerId", producerId, "name", name, "productSet", 10, "communeCode", communeCode,
                "description", "Tỏi cô đơn", "story", "Trồng trên cát núi lửa");
    }
}
