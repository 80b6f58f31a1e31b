package vn.ocop.devstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.ocop.testkit.Tokens;

/**
 * The demo's market and monitoring part ({@code scenario.json}): two channels and two points of sale with listings,
 * one certificate revoked by the province (market suspends its listings) and one complaint. Each step first looks for
 * what an earlier load made (by name, by product and outlet, by status), so loading again creates nothing.
 */
final class DemoScenario {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Map<String, String> apis;
    private final JsonNode scenario;
    private final Map<String, DemoLoader.Product> products;
    private final String officer;
    private final Map<String, String> outlets = new LinkedHashMap<>();

    DemoScenario(Map<String, String> apis, DemoData data, Map<String, DemoLoader.Product> products) {
        this.apis = apis;
        this.scenario = data.scenario();
        this.products = products;
        this.officer = Tokens.provinceOfficer(data.demoProvince());
        for (JsonNode channel : scenario.path("channels")) {
            outlets.put(channel.path("key").asText(), outlet("/channels", null, channel));
        }
        for (JsonNode pos : scenario.path("pointsOfSale")) {
            String id = outlet("/points-of-sale", pos.path("provinceCode").asText(), pos);
            approve(id);
            outlets.put(pos.path("key").asText(), id);
        }
    }

    /** Outlet ids by scenario key. */
    Map<String, String> outlets() {
        return outlets;
    }

    /** Finds the channel or point of sale by name, or registers it; returns its id. */
    private String outlet(String path, String province, JsonNode spec) {
        String name = spec.path("name").asText();
        String list = api("market") + path + "?size=200" + (province == null ? "" : "&province=" + province);
        for (JsonNode item : DemoHttp.get(list, DemoLoader.CENTRAL).orFail("list " + path).body().path("items")) {
            if (name.equals(item.path("name").asText())) {
                return item.path("id").asText();
            }
        }
        ObjectNode body = ((ObjectNode) spec).deepCopy();
        body.remove("key");
        return DemoHttp.postJson(api("market") + path, DemoLoader.CENTRAL, "ocop-demo-outlet-" + spec.path("key").asText(), body)
                .orFail("register " + name).body().path("id").asText();
    }

    /** The province approves a proposed point of sale: only approved ones take listings. */
    private void approve(String pointOfSaleId) {
        String url = api("market") + "/points-of-sale/" + pointOfSaleId;
        DemoHttp.Answer current = DemoHttp.get(url, officer).orFail("point of sale " + pointOfSaleId);
        if ("PROPOSED".equals(current.body().path("status").asText())) {
            DemoHttp.put(url + "/status", officer, current.etag(), DemoHttp.JSON.createObjectNode().put("status", "APPROVED"))
                    .orFail("approving point of sale " + pointOfSaleId);
        }
    }

    /** Lists each product on its outlet (by its producer, once market holds the certificate); returns how many. */
    int listAll() {
        int count = 0;
        for (JsonNode listing : scenario.path("listings")) {
            DemoLoader.Product product = product(listing.path("product").asText());
            String outletKey = listing.path("outlet").asText();
            String outletId = outlets.get(outletKey);
            count++;
            String existing = api("market") + "/listings?product=" + product.id() + "&outlet=" + outletId;
            if (DemoHttp.get(existing, DemoLoader.CENTRAL).orFail("listings").body().path("total").asLong() > 0) {
                continue;
            }
            ObjectNode body = DemoHttp.JSON.createObjectNode();
            body.put("productId", product.id());
            body.put(scenario.path("channels").findValuesAsText("key").contains(outletKey) ? "channelId" : "pointOfSaleId", outletId);
            if (listing.has("externalSku")) {
                body.put("externalSku", listing.path("externalSku").asText());
            }
            body.put("priceVnd", listing.path("priceVnd").asLong());
            body.put("since", LocalDate.now(VIETNAM).toString());
            String token = Tokens.producer(UUID.fromString(product.producerId()));
            DemoHttp.await("market to accept the listing of " + product.code() + " on " + outletKey,
                    () -> DemoHttp.postJson(api("market") + "/listings", token,
                            "ocop-demo-listing-" + product.code() + "-" + outletKey, body),
                    a -> a.ok() || a.status() == 409);
        }
        return count;
    }

    /** The province revokes one certificate (once monitoring has it); market then suspends its listings. */
    void revoke() {
        JsonNode revocation = scenario.path("revocation");
        String number = revocation.path("certificateNumber").asText();
        String url = api("monitoring") + "/certificates/" + URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20");
        JsonNode certificate = DemoHttp.await("monitoring to register certificate " + number,
                () -> DemoHttp.get(url, officer), DemoHttp.Answer::ok).body();
        if ("REVOKED".equals(certificate.path("status").asText())) {
            return;
        }
        String today = LocalDate.now(VIETNAM).toString();
        ObjectNode body = DemoHttp.JSON.createObjectNode();
        body.putArray("certificateNumbers").add(number);
        body.put("ground", revocation.path("ground").asText());
        body.put("decisionNumber", revocation.path("decisionNumber").asText());
        body.put("decidedOn", today);
        body.put("findingOn", today);
        body.put("reason", revocation.path("reason").asText());
        DemoHttp.postJson(api("monitoring") + "/revocations", officer, "ocop-demo-revocation-v1", body).orFail("revocation of " + number);
    }

    /** A shopper's complaint about one product, filed without an account, unless one is already there. */
    void complain() {
        JsonNode complaint = scenario.path("complaint");
        DemoLoader.Product product = product(complaint.path("product").asText());
        String list = api("monitoring") + "/complaints?size=200&province=" + scenario.path("demoProvince").asText();
        for (JsonNode item : DemoHttp.get(list, officer).orFail("complaints").body().path("items")) {
            if (product.id().equals(item.path("productId").asText())) {
                return;
            }
        }
        ObjectNode body = DemoHttp.JSON.createObjectNode();
        body.put("productCode", product.code());
        body.put("description", complaint.path("description").asText());
        body.put("whereBought", complaint.path("whereBought").asText());
        DemoHttp.await("monitoring to accept the complaint about " + product.code(),
                () -> DemoHttp.postJson(api("monitoring") + "/complaints", null, "ocop-demo-complaint-v1", body),
                DemoHttp.Answer::ok);
    }

    private DemoLoader.Product product(String ref) {
        DemoLoader.Product product = products.get(ref);
        if (product == null) {
            throw new StackException("The demo scenario names product '" + ref + "', which is not in products.csv");
        }
        return product;
    }

    private String api(String service) {
        return apis.get(service);
    }
}
