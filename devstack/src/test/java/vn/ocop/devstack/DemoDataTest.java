package vn.ocop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

/** The bundled demo file, read as raw JSON so these checks do not depend on the loader's own validation. */
class DemoDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Legacy (63-province) codes used in the file and the province each merged into on 1/7/2025. */
    private static final Map<String, String> LEGACY = Map.of("94", "92", "30", "31", "24", "24");

    private static JsonNode raw() throws Exception {
        try (InputStream in = DemoDataTest.class.getResourceAsStream(DemoData.RESOURCE)) {
            assertThat(in).as(DemoData.RESOURCE + " on the classpath").isNotNull();
            return JSON.readTree(in);
        }
    }

    @Test
    void everyEntryHasTheRequiredFieldsWithValidShapes() throws Exception {
        JsonNode producers = raw().path("producers");
        assertThat(producers.size()).isEqualTo(8);
        Set<String> taxCodes = new HashSet<>();
        for (JsonNode entry : producers) {
            String key = entry.path("key").asText();
            assertThat(key).as("key").matches("[a-z0-9-]+");
            JsonNode producer = entry.path("producer");
            assertThat(producer.path("name").asText()).as(key + " name").isNotBlank();
            assertThat(producer.path("kind").asText()).as(key + " kind").isIn("COOPERATIVE", "COOPERATIVE_GROUP",
                    "ENTERPRISE", "FARM", "HOUSEHOLD", "ASSOCIATION", "OPERATING_CENTRE");
            assertThat(producer.path("taxCode").asText()).as(key + " taxCode").matches("\\d{10}(-\\d{3})?");
            assertThat(taxCodes.add(producer.path("taxCode").asText())).as(key + " taxCode unique").isTrue();
            assertThat(producer.path("provinceCode").asText()).as(key + " provinceCode").matches("\\d{2}");
            assertThat(producer.path("communeCode").asText()).as(key + " communeCode").matches("\\d{5}");
            assertThat(producer.path("address").asText()).as(key + " address").isNotBlank();
            assertThat(producer.path("email").asText()).as(key + " email").matches("[^@\\s]+@[^@\\s]+\\.[a-z]+");
            assertThat(producer.path("phone").asText()).as(key + " phone").matches("[0-9 +().-]+");
            JsonNode rep = producer.path("representative");
            assertThat(rep.path("fullName").asText()).as(key + " representative").isNotBlank();
            assertThat(rep.path("gender").asText()).as(key + " gender").isIn("FEMALE", "MALE", "OTHER");
            assertThat(rep.path("ethnicMinority").isBoolean()).as(key + " ethnicMinority").isTrue();
            assertThat(rep.path("disabled").isBoolean()).as(key + " disabled").isTrue();

            String province = producer.path("provinceCode").asText();
            assertThat(entry.path("officerProvince").asText()).as(key + " officer of the (mapped) province")
                    .isEqualTo(LEGACY.getOrDefault(province, province));

            assertThat(entry.path("products").size()).as(key + " products").isPositive();
            for (JsonNode product : entry.path("products")) {
                assertThat(product.path("name").asText()).isNotBlank();
                assertThat(product.path("productSet").isInt()).as(key + " productSet is a number").isTrue();
                assertThat(product.path("productSet").asInt()).as(key + " productSet").isBetween(1, 26);
                assertThat(product.path("communeCode").asText()).as(key + " product communeCode").matches("\\d{5}");
                assertThat(product.path("description").asText()).isNotBlank();
                assertThat(product.path("story").asText()).isNotBlank();
                assertThat(product.has("producerId")).as("filled in by the loader").isFalse();
            }
        }
    }

    @Test
    void containsTheNamedProductsWithFullDiacritics() throws Exception {
        List<String> names = new ArrayList<>();
        raw().path("producers").forEach(e -> e.path("products").forEach(p -> names.add(p.path("name").asText())));
        assertThat(names).contains("Tỏi Lý Sơn", "Mạch nha Quảng Ngãi", "Gạo ST25", "Vải thiều Lục Ngạn",
                "Bánh đậu xanh Rồng Vàng Hoàng Gia", "Gốm Bát Tràng", "Chè Tân Cương", "Võng gai Giai Xuân");
    }

    @Test
    void legacyProvinceCodesAreExercised() {
        DemoData data = DemoData.load();
        assertThat(data.entry("gao-st25").producer().path("provinceCode").asText()).isEqualTo("94");
        assertThat(data.entry("gao-st25").officerProvince()).isEqualTo("92");
        assertThat(data.entry("banh-dau-xanh-rong-vang").producer().path("provinceCode").asText()).isEqualTo("30");
        assertThat(data.entry("banh-dau-xanh-rong-vang").officerProvince()).isEqualTo("31");
    }

    @Test
    void theLoaderValidationAcceptsTheFile() {
        assertThat(DemoData.load().problems()).isEmpty();
    }

    @Test
    void theLoaderValidationNamesWhatIsWrong() throws Exception {
        ObjectNode root = (ObjectNode) raw();
        JsonNode first = root.path("producers").get(0);
        ((ObjectNode) first.path("producer")).put("provinceCode", "5");
        ((ObjectNode) first.path("producer").path("representative")).put("gender", "F");
        ((ObjectNode) first.path("products").get(0)).put("productSet", 27);
        ((ObjectNode) root.path("producers").get(1).path("producer")).put("taxCode",
                first.path("producer").path("taxCode").asText());

        List<String> problems = DemoData.parse(root.toString()).problems();

        assertThat(problems).anyMatch(p -> p.contains("toi-ly-son") && p.contains("provinceCode must be 2 digits"));
        assertThat(problems).anyMatch(p -> p.contains("toi-ly-son") && p.contains("gender"));
        assertThat(problems).anyMatch(p -> p.contains("products[0]") && p.contains("productSet must be 1..26"));
        assertThat(problems).anyMatch(p -> p.contains("duplicate taxCode"));
        assertThat(problems).hasSize(4);
    }
}
