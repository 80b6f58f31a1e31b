package vn.ocop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * The demo's promises that hold in its files, before anything runs: a believable province and a bit of the nation
 * (real communes, about 50 producers and 80 products, most with 3–5★ certificates, Tỏi Lý Sơn 5★ at central level),
 * and a scenario whose every reference resolves. What the stack makes of it is checked by the e2e {@code DemoE2ETest}.
 */
class DemoDataTest {
    private static final DemoData DATA = DemoData.load();
    /** The official communes in force, as the registry ships them. */
    private static final Path UNITS = Path.of("..", "registry-service", "src", "main", "resources", "db", "migration",
            "V11__official_administrative_units.sql");

    @Test
    void aProvinceAndABitOfTheNationOfRealCommunes() throws Exception {
        List<Map<String, String>> producers = csv(DATA.producersCsv());
        List<Map<String, String>> products = csv(DATA.productsCsv());
        assertThat(producers).hasSizeGreaterThanOrEqualTo(50);
        assertThat(products).hasSizeGreaterThanOrEqualTo(80);
        assertThat(producers).filteredOn(p -> p.get("communeCode").startsWith("21") || p.get("communeCode").startsWith("23"))
                .as("most producers are in Quảng Ngãi (51, Kon Tum's communes included)").hasSizeGreaterThan(30);
        assertThat(producers.stream().map(p -> p.get("provinceCode")).collect(Collectors.toSet()))
                .as("a bit of the nation, some given by their former province code").hasSizeGreaterThan(10)
                .contains("62", "94", "30");

        Map<String, String> communes = officialCommunes();
        assertThat(communes.size()).as("communes in force").isEqualTo(3321);
        for (Map<String, String> row : concat(producers, products)) {
            assertThat(communes.containsKey(row.get("communeCode"))).as(row.get("externalRef") + " names an official commune").isTrue();
        }
        assertThat(communes.get(DATA.demoCommune())).isEqualTo("Đặc khu Lý Sơn");
        assertThat(unique(producers, "taxCode")).as("tax codes").isTrue();
        assertThat(unique(producers, "externalRef")).as("producer refs").isTrue();
        assertThat(unique(products, "externalRef")).as("product refs").isTrue();
        Set<String> producerRefs = refs(producers);
        assertThat(products).allSatisfy(p -> assertThat(producerRefs).contains(p.get("producerRef")));
        assertThat(products).allSatisfy(p -> assertThat(Integer.parseInt(p.get("productSet"))).isBetween(1, 26));
    }

    @Test
    void mostProductsHaveAMigratedCertificateAndTheGarlicOfLySonHasFiveStars() {
        List<Map<String, String>> products = csv(DATA.productsCsv());
        List<Map<String, String>> certificates = csv(DATA.certificatesCsv());
        Set<String> productRefs = refs(products);
        assertThat(certificates).allSatisfy(c -> assertThat(productRefs).contains(c.get(DemoData.PRODUCT_REF)));
        assertThat(unique(certificates, "certificateNumber")).isTrue();
        assertThat(certificates.size()).as("most products certified").isGreaterThan(products.size() * 3 / 4);
        assertThat(certificates).extracting(c -> c.get("stars")).contains("3", "4", "5").allMatch(s -> s.matches("[345]"));
        // 5★ is the ministry's (central level); 3–4★ the province's.
        assertThat(certificates).allSatisfy(c -> assertThat(c.get("level")).isEqualTo(c.get("stars").equals("5") ? "CENTRAL" : "PROVINCE"));

        String garlic = products.stream().filter(p -> p.get("name").equals("Tỏi Lý Sơn")).findFirst().orElseThrow().get("externalRef");
        Map<String, String> certificate = certificates.stream().filter(c -> c.get(DemoData.PRODUCT_REF).equals(garlic))
                .findFirst().orElseThrow();
        assertThat(certificate).containsEntry("stars", "5").containsEntry("level", "CENTRAL")
                .containsEntry("certificateNumber", "2219/GCN-BNN-VPĐP");
    }

    @Test
    void theScenarioNamesWhatTheFilesHold() {
        Set<String> productRefs = refs(csv(DATA.productsCsv()));
        Map<String, Map<String, String>> certificates = new LinkedHashMap<>();
        csv(DATA.certificatesCsv()).forEach(c -> certificates.put(c.get(DemoData.PRODUCT_REF), c));
        JsonNode scenario = DATA.scenario();
        Set<String> outlets = new HashSet<>(scenario.path("channels").findValuesAsText("key"));
        outlets.addAll(scenario.path("pointsOfSale").findValuesAsText("key"));
        assertThat(scenario.path("channels").size()).isEqualTo(2);
        assertThat(outlets).contains(DATA.demoChannel()).hasSize(4);
        assertThat(refs(csv(DATA.producersCsv()))).contains(DATA.demoProducer());

        // Market takes listings only for certified products.
        for (JsonNode listing : scenario.path("listings")) {
            assertThat(certificates).as("listed product is certified").containsKey(listing.path("product").asText());
            assertThat(outlets).contains(listing.path("outlet").asText());
        }
        // The revoked certificate is the demo province's own (a province revokes 3–4★) and has listings to suspend.
        String revoked = scenario.path("revocation").path("certificateNumber").asText();
        Map<String, String> certificate = certificates.values().stream()
                .filter(c -> c.get("certificateNumber").equals(revoked)).findFirst().orElseThrow();
        assertThat(certificate).containsEntry("level", "PROVINCE").containsEntry("provinceCode", DATA.demoProvince());
        assertThat(scenario.path("listings").findValuesAsText("product")).contains(certificate.get(DemoData.PRODUCT_REF));
        assertThat(productRefs).contains(scenario.path("complaint").path("product").asText());

        // The council rounds score uncertified products of set 1, the one set whose sheet ships.
        Map<String, Map<String, String>> products = new LinkedHashMap<>();
        csv(DATA.productsCsv()).forEach(p -> products.put(p.get("externalRef"), p));
        for (String round : List.of("closed", "inProgress")) {
            String ref = scenario.path("rounds").path(round).path("product").asText();
            assertThat(products).as(round + " round's product").containsKey(ref);
            assertThat(products.get(ref)).containsEntry("productSet", "1");
            assertThat(certificates).as(round + " round's product has no certificate yet").doesNotContainKey(ref);
        }
    }

    @Test
    void theCertificateFileGetsTheRegistrysProductCodes() {
        String sent = DATA.certificatesWithCodes(Map.of("demo-toi-ly-son-1", "51-21548-1-2026"));
        List<String> lines = sent.lines().toList();
        assertThat(lines.get(0)).startsWith("productCode,certificateNumber,stars,level,");
        assertThat(lines.get(1)).startsWith("51-21548-1-2026,2219/GCN-BNN-VPĐP,5,CENTRAL,");
        assertThat(lines).hasSize(csv(DATA.certificatesCsv()).size() + 1);
    }

    // --- plain CSV as the demo files write it (RFC 4180 quotes around fields with commas)

    static List<Map<String, String>> csv(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        List<String> header = fields(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> values = fields(line);
            assertThat(values).as("columns of " + line).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static Map<String, String> officialCommunes() throws Exception {
        Matcher m = Pattern.compile("\\('(\\d{5})','((?:[^']|'')+)','[A-Z_]+','\\d{2}'").matcher(Files.readString(UNITS, StandardCharsets.UTF_8));
        Map<String, String> communes = new LinkedHashMap<>();
        while (m.find()) {
            communes.putIfAbsent(m.group(1), m.group(2));
        }
        return communes;
    }

    private static Set<String> refs(List<Map<String, String>> rows) {
        return rows.stream().map(r -> r.get(rows.get(0).containsKey("externalRef") ? "externalRef" : DemoData.PRODUCT_REF))
                .collect(Collectors.toSet());
    }

    private static boolean unique(List<Map<String, String>> rows, String column) {
        return rows.stream().map(r -> r.get(column)).distinct().count() == rows.size();
    }

    private static List<Map<String, String>> concat(List<Map<String, String>> a, List<Map<String, String>> b) {
        List<Map<String, String>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
