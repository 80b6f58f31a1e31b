package vn.ocop.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo set under {@code vn/ocop/devstack/demo/}: a province (Quảng Ngãi) and a bit of the nation, kept as the
 * files a province would send. {@code producers.csv} and {@code products.csv} are registry import files as they are;
 * {@code certificates.csv} is an evaluation certificate import whose first column names the product by its
 * {@code externalRef} (the registry assigns product codes, so the loader puts them in); {@code scenario.json} lists
 * the channels, points of sale, listings, the revocation and the complaint.
 */
public final class DemoData {
    public static final String DIR = "/vn/ocop/devstack/demo/";
    /** The certificate file's first column, replaced by {@code productCode} before sending. */
    static final String PRODUCT_REF = "productRef";

    private final String producersCsv;
    private final String productsCsv;
    private final String certificatesCsv;
    private final JsonNode scenario;

    private DemoData(String producersCsv, String productsCsv, String certificatesCsv, JsonNode scenario) {
        this.producersCsv = producersCsv;
        this.productsCsv = productsCsv;
        this.certificatesCsv = certificatesCsv;
        this.scenario = scenario;
    }

    /** The bundled demo set. */
    public static DemoData load() {
        try {
            return new DemoData(text("producers.csv"), text("products.csv"), text("certificates.csv"),
                    DemoHttp.JSON.readTree(text("scenario.json")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo scenario " + DIR + "scenario.json", e);
        }
    }

    public String producersCsv() {
        return producersCsv;
    }

    public String productsCsv() {
        return productsCsv;
    }

    public String certificatesCsv() {
        return certificatesCsv;
    }

    public JsonNode scenario() {
        return scenario;
    }

    /** The province whose officer the printed tokens act for. */
    public String demoProvince() {
        return scenario.path("demoProvince").asText();
    }

    public String demoCommune() {
        return scenario.path("demoCommune").asText();
    }

    /** The externalRef of the producer whose id the producer token carries. */
    public String demoProducer() {
        return scenario.path("demoProducer").asText();
    }

    /** The key of the channel the channel-operator token names. */
    public String demoChannel() {
        return scenario.path("demoChannel").asText();
    }

    /**
     * The certificate import to send: {@code productRef} becomes {@code productCode}, each reference the code the
     * registry gave that product. A row whose product is unknown keeps its reference, so evaluation reports it.
     */
    public String certificatesWithCodes(Map<String, String> productCodes) {
        StringBuilder out = new StringBuilder();
        List<String> lines = certificatesCsv.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comma = line.indexOf(',');
            if (line.isBlank() || comma < 0) {
                continue;
            }
            String first = line.substring(0, comma);
            String replaced = i == 0 ? "productCode" : productCodes.getOrDefault(first, first);
            out.append(replaced).append(line, comma, line.length()).append('\n');
        }
        return out.toString();
    }

    private static String text(String name) {
        try (InputStream in = DemoData.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException(DIR + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DIR + name, e);
        }
    }
}
