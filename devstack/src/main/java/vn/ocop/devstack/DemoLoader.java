package vn.ocop.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import vn.ocop.testkit.Tokens;

/**
 * Loads the demo set through the public APIs, as a province going live would (see "Going live" in
 * docs/integration-guide.md): the producers and products by the registry's bulk import, their existing certificates
 * by evaluation's certificate import, then the market and monitoring scenario ({@link DemoScenario}). Every POST
 * carries a fixed {@code Idempotency-Key} and imports match rows by {@code externalRef} or certificate number, so a
 * second {@code ./ocop up} on kept data changes nothing and creates nothing twice.
 */
public final class DemoLoader {
    /** Ids of the loaded producers (by externalRef) and outlets ({@code channel.<key>}), for the printed tokens. */
    public static final String IDS_FILE = "demo-ids.properties";
    static final String CENTRAL = Tokens.centralOfficer();

    private final Map<String, String> apis;
    /** What is known so far, so that a load failing half-way still leaves the ids for the printed tokens. */
    private final Map<String, String> ids = new LinkedHashMap<>();

    /** @param apis API base URL by service short name ({@code registry} → {@code http://127.0.0.1:8081/api/v1}) */
    public DemoLoader(Map<String, String> apis) {
        this.apis = Map.copyOf(apis);
    }

    /** A stack's APIs. */
    public static DemoLoader of(Stack stack) {
        Map<String, String> apis = new LinkedHashMap<>();
        for (String service : List.of("registry", "evaluation", "market", "monitoring")) {
            apis.put(service, stack.apiUrl(service));
        }
        return new DemoLoader(apis);
    }

    /** What a load found or made: ids to remember and counts to print. */
    public record Result(Map<String, String> ids, int producers, int products, int certificates,
                         int certificatesCreated, int listings, String freshCertificate) {
    }

    /** A registered product of the demo: its registry id, code and producer. */
    record Product(String id, String code, String producerId, String communeCode) {
    }

    public Result load(DemoData data) {
        Map<String, String> producerIds = importRows("producers", data.producersCsv());
        ids.putAll(producerIds);
        Map<String, String> productIds = importRows("products", data.productsCsv());
        Map<String, Product> products = new LinkedHashMap<>();
        productIds.forEach((ref, id) -> {
            JsonNode view = DemoHttp.get(api("registry") + "/products/" + id, CENTRAL).orFail("product " + ref).body();
            products.put(ref, new Product(id, view.path("code").asText(), view.path("producerId").asText(),
                    view.path("communeCode").asText()));
        });
        DemoHttp.Answer certificateJob = importCertificates(data, products);

        DemoScenario scenario = new DemoScenario(apis, data, products);
        scenario.outlets().forEach((key, id) -> ids.put("outlet." + key, id));
        int listings = scenario.listAll();
        scenario.revoke();
        scenario.complain();
        String freshCertificate = rounds(data, products);
        // A replayed import is an earlier load's job: its certificates are not new.
        return new Result(Map.copyOf(ids), producerIds.size(), products.size(), certificateJob.body().path("totalRows").asInt(),
                certificateJob.replayed() ? 0 : certificateJob.body().path("created").asInt(), listings, freshCertificate);
    }

    /** The ids found or made so far (all of them after a successful {@link #load}). */
    public Map<String, String> ids() {
        return Map.copyOf(ids);
    }

    /** This year's council rounds: one closed with a fresh certificate (its number returned), one in progress. */
    private String rounds(DemoData data, Map<String, Product> products) {
        DemoRound round = new DemoRound(apis, data.demoProvince());
        JsonNode rounds = data.scenario().path("rounds");
        Product inProgress = products.get(rounds.path("inProgress").path("product").asText());
        round.inProgress("in-progress", inProgress, inProgress.communeCode());
        Product closed = products.get(rounds.path("closed").path("product").asText());
        return round.closeAndRecognise("closed", closed, closed.communeCode(),
                rounds.path("closed").path("decisionNumber").asText());
    }

    /** Sends a registry import file and returns the record id of each row by externalRef; any failed row stops the load. */
    private Map<String, String> importRows(String what, String csv) {
        String jobs = api("registry") + "/imports";
        JsonNode job = DemoHttp.post(jobs, CENTRAL, "ocop-demo-" + what + "-v1", "text/csv; charset=UTF-8", csv)
                .orFail("import of " + what).body();
        String id = job.path("id").asText();
        DemoHttp.await("the " + what + " import", () -> DemoHttp.get(jobs + "/" + id, CENTRAL),
                a -> a.ok() && List.of("COMPLETED", "FAILED").contains(a.body().path("status").asText()));
        return rowsById(jobs + "/" + id + "/rows", what, row -> row.path("externalRef").asText(),
                row -> row.path("entityId").asText());
    }

    /** The certificates a province already had; waits until evaluation has heard of every product first. */
    private DemoHttp.Answer importCertificates(DemoData data, Map<String, Product> products) {
        for (Product p : products.values()) {
            DemoHttp.await("evaluation to receive product " + p.code(),
                    () -> DemoHttp.get(api("evaluation") + "/products/" + p.id(), CENTRAL), DemoHttp.Answer::ok);
        }
        Map<String, String> codes = new LinkedHashMap<>();
        products.forEach((ref, p) -> codes.put(ref, p.code()));
        String jobs = api("evaluation") + "/certificate-imports";
        DemoHttp.Answer sent = DemoHttp.post(jobs, CENTRAL, "ocop-demo-certificates-v1", "text/csv; charset=UTF-8",
                data.certificatesWithCodes(codes)).orFail("certificate import");
        String id = sent.body().path("id").asText();
        JsonNode job = DemoHttp.await("the certificate import", () -> DemoHttp.get(jobs + "/" + id, CENTRAL),
                a -> a.ok() && List.of("COMPLETED", "FAILED").contains(a.body().path("status").asText())).body();
        rowsById(jobs + "/" + id + "/rows", "certificates", row -> row.path("certificateNumber").asText(),
                row -> row.path("certificateId").asText());
        return new DemoHttp.Answer(200, job, "", null, sent.replayed());
    }

    private static Map<String, String> rowsById(String url, String what, Function<JsonNode, String> key,
                                                Function<JsonNode, String> value) {
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode rows = DemoHttp.get(url + "?size=200&page=" + page, CENTRAL).orFail(what + " rows").body();
            for (JsonNode row : rows.path("items")) {
                if ("FAILED".equals(row.path("outcome").asText())) {
                    failures.add("row " + row.path("row").asText() + ": " + row.path("errors"));
                } else {
                    ids.put(key.apply(row), value.apply(row));
                }
            }
            if ((page + 1) * 200L >= rows.path("total").asLong()) {
                break;
            }
        }
        if (!failures.isEmpty()) {
            throw new StackException("The demo " + what + " file has rows the API refused:\n  - "
                    + String.join("\n  - ", failures));
        }
        return ids;
    }

    private String api(String service) {
        return apis.get(service);
    }

    /**
     * Adds the ids by key to {@code <workDir>/demo-ids.properties}, keeping those of earlier loads that this one did
     * not get to (the data are kept across restarts).
     */
    public static void saveIds(Path workDir, Map<String, String> ids) {
        Path file = workDir.resolve(IDS_FILE);
        Properties props = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException e) {
                props.clear(); // unreadable: rewrite it from this load
            }
        }
        props.putAll(ids);
        try (Writer w = Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
            props.store(w, "ids of the demo data, by key (written by ./ocop up)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The id saved for a demo key by an earlier {@code ./ocop up}, if any. */
    public static Optional<String> savedId(Path workDir, String key) {
        Path file = workDir.resolve(IDS_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(props.getProperty(key));
    }
}
