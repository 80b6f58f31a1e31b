package vn.ocop.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo producers and products of {@code demo-data.json}. Producer and product entries are kept as JSON: they are
 * request bodies of the registry API, so a field the API adds needs no change here.
 */
public final class DemoData {
    public static final String RESOURCE = "/vn/ocop/devstack/demo-data.json";

    static final Set<String> PRODUCER_KINDS = Set.of("COOPERATIVE", "COOPERATIVE_GROUP", "ENTERPRISE", "FARM",
            "HOUSEHOLD", "ASSOCIATION", "OPERATING_CENTRE");
    static final Set<String> GENDERS = Set.of("FEMALE", "MALE", "OTHER");
    private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");
    private static final Pattern COMMUNE = Pattern.compile("\\d{5}");
    private static final Pattern TAX_CODE = Pattern.compile("\\d{10}(-\\d{3})?");
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One producer with the officer's province that registers it, and its products. */
    public record Entry(String key, String officerProvince, ObjectNode producer, List<ObjectNode> products) {
        public String producerName() {
            return producer.path("name").asText();
        }

        public String taxCode() {
            return producer.path("taxCode").asText();
        }

        public String communeCode() {
            return producer.path("communeCode").asText();
        }
    }

    private final List<Entry> entries;

    private DemoData(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entry with this key, e.g. {@code toi-ly-son}. */
    public Entry entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo entry '" + key + "'"));
    }

    /** The bundled demo set. */
    public static DemoData load() {
        try (InputStream in = DemoData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static DemoData parse(String json) {
        try {
            return parse(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("demo data is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static DemoData parse(JsonNode root) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : root.path("producers")) {
            List<ObjectNode> products = new ArrayList<>();
            for (JsonNode p : node.path("products")) {
                products.add(p.isObject() ? (ObjectNode) p : JSON.createObjectNode());
            }
            JsonNode producer = node.path("producer");
            entries.add(new Entry(node.path("key").asText(""), node.path("officerProvince").asText(""),
                    producer.isObject() ? (ObjectNode) producer : JSON.createObjectNode(), products));
        }
        return new DemoData(entries);
    }

    /**
     * What the registry would reject, checked before sending anything so that a broken edit of the file is
     * reported with the entry it is in. Empty when all is well.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (entries.isEmpty()) {
            problems.add("no producers");
        }
        Set<String> keys = new HashSet<>();
        Set<String> taxCodes = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String where = "producers[" + i + "]" + (e.key().isEmpty() ? "" : " (" + e.key() + ")");
            check(problems, KEY.matcher(e.key()).matches(), where, "key must be lower-case words joined by '-'");
            check(problems, keys.add(e.key()), where, "duplicate key");
            check(problems, TWO_DIGITS.matcher(e.officerProvince()).matches(), where, "officerProvince must be 2 digits");
            ObjectNode p = e.producer();
            required(problems, p, "name", where + ".producer");
            check(problems, PRODUCER_KINDS.contains(p.path("kind").asText()), where + ".producer",
                    "kind must be one of " + PRODUCER_KINDS);
            check(problems, TAX_CODE.matcher(p.path("taxCode").asText()).matches(), where + ".producer",
                    "taxCode must be 10 digits or 10 digits-3 digits");
            check(problems, taxCodes.add(p.path("taxCode").asText()), where + ".producer", "duplicate taxCode");
            check(problems, TWO_DIGITS.matcher(p.path("provinceCode").asText()).matches(), where + ".producer",
                    "provinceCode must be 2 digits");
            check(problems, COMMUNE.matcher(p.path("communeCode").asText()).matches(), where + ".producer",
                    "communeCode must be 5 digits");
            required(problems, p, "address", where + ".producer");
            JsonNode rep = p.path("representative");
            check(problems, rep.isObject(), where + ".producer", "representative is required");
            required(problems, rep, "fullName", where + ".producer.representative");
            check(problems, GENDERS.contains(rep.path("gender").asText()), where + ".producer.representative",
                    "gender must be one of " + GENDERS);
            check(problems, rep.path("ethnicMinority").isBoolean() && rep.path("disabled").isBoolean(),
                    where + ".producer.representative", "ethnicMinority and disabled must be true or false");
            check(problems, !e.products().isEmpty(), where, "at least one product");
            for (int j = 0; j < e.products().size(); j++) {
                ObjectNode product = e.products().get(j);
                String pw = where + ".products[" + j + "]";
                required(problems, product, "name", pw);
                JsonNode set = product.path("productSet");
                check(problems, set.isInt() && set.asInt() >= 1 && set.asInt() <= 26, pw, "productSet must be 1..26");
                check(problems, COMMUNE.matcher(product.path("communeCode").asText()).matches(), pw,
                        "communeCode must be 5 digits");
                check(problems, !product.has("producerId"), pw, "producerId is filled in by the loader; remove it");
            }
        }
        return problems;
    }

    private static void required(List<String> problems, JsonNode node, String field, String where) {
        check(problems, node.path(field).isTextual() && !node.path(field).asText().isBlank(), where,
                field + " is required");
    }

    private static void check(List<String> problems, boolean ok, String where, String message) {
        if (!ok) {
            problems.add(where + ": " + message);
        }
    }
}
