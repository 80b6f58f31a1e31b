package vn.ocop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static vn.ocop.e2e.ProvincialRound.PROVINCE;
import static vn.ocop.e2e.ProvincialRound.TODAY;
import static vn.ocop.e2e.ProvincialRound.as;
import static vn.ocop.e2e.ProvincialRound.eventually;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import vn.ocop.devstack.Stack;
import vn.ocop.testkit.Tokens;

/**
 * Issues #5 and #6 end to end: a certificate issued by a real provincial round gates a listing on a sales channel; a
 * post-certification inspection proposes revocation and the province revokes; the revocation reaches the registry
 * (product read, public verification with its ground) and the market, which suspends the listing, drops it from the
 * public "where to buy" and notifies the channel's own HTTP endpoint with a body signed by the channel's secret; a
 * scan of the revoked label reaches monitoring's list of lapsed scans for inspectors (issue #17).
 * REST only, plus that endpoint; the services talk through the broker.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationDelistingE2ETest {

    private static final String CENTRAL = Tokens.centralOfficer();
    private static final String PROVINCE_OFFICER = ProvincialRound.OFFICER;
    private static final String INSPECTOR = Tokens.of("inspector-" + PROVINCE + "@ocop.gov.vn", "inspector")
            .claim("province", PROVINCE).mint();
    private static final String GROUND = "CRITERIA_NO_LONGER_MET";

    private Stack stack;
    private ProvincialRound round;

    @BeforeAll
    void useSharedStack() {
        stack = SharedStack.stack();
        round = new ProvincialRound(stack);
    }

    @Test
    void aRevocationAfterAnInspectionReachesTheRegistryAndSuspendsTheListingWithASignedNotification() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // --- Evaluation: a real 4★ certificate (the steps of issue #4).
            String productName = "Tỏi Lý Sơn " + UUID.randomUUID().toString().substring(0, 6);
            ProvincialRound.Certified certified = round.fourStarCertificate(productName);
            String productId = certified.dossier().productId();
            String productCode = certified.dossier().productCode();
            String producerId = certified.dossier().producerId();
            String certificateId = certified.certificateId();
            String number = certified.certificateNumber();
            // The label's number checks out as VALID before anything happens, so REVOKED later is a change people see.
            round.awaitRegistryProduct(productId, number);
            given().get(round.registry("/public/certificates/") + number).then().statusCode(200).body("status", equalTo("VALID"));

            // --- Market: the certificate gates the listing, so wait until the market's view has it ACTIVE.
            eventually("market receives the certificate").untilAsserted(() -> given().auth().oauth2(CENTRAL)
                    .get(market("/certificates/") + certificateId).then().statusCode(200)
                    .body("status", equalTo("ACTIVE")).body("number", equalTo(number)).body("productId", equalTo(productId)));
            String secret = "postmart-hook-secret-" + UUID.randomUUID();
            String channelId = registerChannel("Postmart " + UUID.randomUUID().toString().substring(0, 8), receiver.url(), secret);
            String producer = Tokens.producer(UUID.fromString(producerId));
            String sku = "TOI-LS-" + UUID.randomUUID().toString().substring(0, 6);
            String listingId = as(producer).body(listing(productId, channelId, sku)).post(market("/listings")).then().statusCode(201)
                    .body("status", equalTo("ACTIVE"))
                    .body("stars", equalTo(4))
                    .body("certificateNumber", equalTo(number))
                    .body("productCode", equalTo(productCode))
                    .extract().path("id");
            // Shoppers find it on the channel.
            given().queryParam("product", productId).get(market("/public/where-to-buy")).then().statusCode(200)
                    .body("certificateNumber", equalTo(number)).body("channels.channelId", contains(channelId));

            // --- Monitoring: the register knows the certificate (the inspection names it), then an inspection proposes revocation.
            eventually("monitoring registers the certificate").untilAsserted(() -> given().auth().oauth2(CENTRAL)
                    .get(monitoring("/certificates/") + number).then().statusCode(200)
                    .body("status", equalTo("ACTIVE")).body("stars", equalTo(4)).body("id", equalTo(certificateId)));
            Response opened = as(INSPECTOR).body(Map.of("productId", productId, "inspector", "Trần Văn Nam, Chi cục QLCL",
                            "inspectedOn", TODAY.toString()))
                    .post(monitoring("/inspections")).then().statusCode(201)
                    .body("status", equalTo("OPEN"))
                    .body("certificateId", equalTo(certificateId))
                    .extract().response();
            String inspectionId = opened.path("id");
            as(INSPECTOR).header("If-Match", opened.header("ETag")).body(revocationProposal())
                    .post(monitoring("/inspections/") + inspectionId + "/completion").then().statusCode(200)
                    .body("status", equalTo("COMPLETED"))
                    .body("outcome", equalTo("REVOCATION_PROPOSED"))
                    .body("revocationDeadline", equalTo(TODAY.plusDays(15).toString()));

            // Revocation authority is strict: a 4★ certificate is the province's, not the ministry's; nothing changes.
            String decisionNumber = UUID.randomUUID().toString().substring(0, 6) + "/QĐ-UBND";
            as(CENTRAL).body(decision(number, decisionNumber, inspectionId)).post(monitoring("/revocations")).then()
                    .statusCode(403).body("code", equalTo("OUT_OF_AUTHORITY"));
            given().auth().oauth2(CENTRAL).get(monitoring("/certificates/") + number).then().body("status", equalTo("ACTIVE"));

            // The province officer decides; the finding date comes from the inspection's conclusion (today): not late.
            String revocationId = as(PROVINCE_OFFICER).body(decision(number, decisionNumber, inspectionId))
                    .post(monitoring("/revocations")).then().statusCode(201)
                    .body("authority", equalTo(PROVINCE))
                    .body("ground", equalTo(GROUND))
                    .body("inspectionId", equalTo(inspectionId))
                    .body("certificateNumbers", contains(number))
                    .body("findingOn", equalTo(TODAY.toString()))
                    .body("decidedLate", equalTo(false))
                    .extract().path("id");
            given().auth().oauth2(CENTRAL).get(monitoring("/certificates/") + number).then().statusCode(200)
                    .body("status", equalTo("REVOKED")).body("revocationId", equalTo(revocationId))
                    .body("revokedOn", equalTo(TODAY.toString()));

            // --- Registry: CertificateRevoked arrives; the product read and the public check of the label say REVOKED.
            eventually("registry applies the revocation").untilAsserted(() -> given().auth().oauth2(PROVINCE_OFFICER)
                    .get(round.registry("/products/") + productId).then().statusCode(200)
                    .body("certification.status", equalTo("REVOKED"))
                    .body("certification.certificateNumber", equalTo(number)));
            given().get(round.registry("/public/certificates/") + number).then().statusCode(200)
                    .body("status", equalTo("REVOKED"))
                    .body("productId", equalTo(productId))
                    .body("revocationGround", equalTo(GROUND))
                    .body("revocationDecision", equalTo(decisionNumber))
                    .body("revokedOn", equalTo(TODAY.toString()));

            // --- Scan signal (issue #17): checking the revoked label (above, and a shopper's page here) tells monitoring
            // that lapsed packaging is still about; inspectors of the province find it in one row for today.
            given().get(stack.baseUrl("registry") + "/c/" + number).then().statusCode(200);
            eventually("monitoring lists the scan after the revocation").untilAsserted(() -> given().auth().oauth2(INSPECTOR)
                    .queryParam("province", PROVINCE).queryParam("size", 200).get(monitoring("/lapsed-scans")).then()
                    .statusCode(200)
                    .body("items.findAll { it.certificateNumber == '" + number + "' }.size()", equalTo(1))
                    .body("items.find { it.certificateNumber == '" + number + "' }.status", equalTo("REVOKED"))
                    .body("items.find { it.certificateNumber == '" + number + "' }.productId", equalTo(productId))
                    .body("items.find { it.certificateNumber == '" + number + "' }.lastScannedOn", equalTo(TODAY.toString()))
                    .body("items.find { it.certificateNumber == '" + number + "' }.daysScanned", equalTo(1)));

            // --- Market: the listing is suspended and shoppers no longer find the product.
            eventually("market suspends the listing").untilAsserted(() -> given().auth().oauth2(producer)
                    .get(market("/listings/") + listingId).then().statusCode(200)
                    .body("status", equalTo("SUSPENDED"))
                    .body("suspensionReason", equalTo("REVOKED"))
                    .body("suspendedAt", notNullValue()));
            given().queryParam("product", productId).get(market("/public/where-to-buy")).then().statusCode(404);

            // --- The channel's endpoint got the notification, signed with its secret over the exact bytes received.
            eventually("the channel's endpoint is notified").until(() -> !suspensionsOf(receiver, listingId).isEmpty());
            List<WebhookReceiver.Call> calls = suspensionsOf(receiver, listingId);
            // At least once: a repeat must be the same delivery (receivers deduplicate by its id).
            assertThat(calls).extracting(c -> c.header("X-OCOP-Delivery")).containsOnly(calls.get(0).header("X-OCOP-Delivery"));
            WebhookReceiver.Call call = calls.get(0);
            assertThat(WebhookReceiver.signatureValid(secret, call)).as("signature with the channel's secret").isTrue();
            // The check tells secrets apart, so the line above means something.
            assertThat(WebhookReceiver.signatureValid(secret + "x", call)).as("signature with another secret").isFalse();
            assertThat(call.header("Content-Type")).startsWith("application/json");
            JsonPath body = JsonPath.from(call.text());
            assertThat(body.getString("deliveryId")).isEqualTo(call.header("X-OCOP-Delivery"));
            assertThat(body.getString("event")).isEqualTo("listing.suspended");
            assertThat(body.getString("listingId")).isEqualTo(listingId);
            assertThat(body.getString("productId")).isEqualTo(productId);
            assertThat(body.getString("productCode")).isEqualTo(productCode);
            assertThat(body.getString("externalSku")).isEqualTo(sku);
            assertThat(body.getString("certificateNumber")).isEqualTo(number);
            assertThat(body.getString("reason")).isEqualTo("REVOKED");

            // The channel's operator sees the delivery as done in the market's log.
            String operator = Tokens.of("operator-" + channelId, "channel-operator").claim("channel_id", channelId).mint();
            eventually("market records the delivery").untilAsserted(() -> given().auth().oauth2(operator)
                    .get(market("/webhook-deliveries")).then().statusCode(200)
                    .body("items.find { it.listingId == '" + listingId + "' }.status", equalTo("DELIVERED"))
                    .body("items.find { it.listingId == '" + listingId + "' }.id", equalTo(call.header("X-OCOP-Delivery"))));
        }
    }

    private static List<WebhookReceiver.Call> suspensionsOf(WebhookReceiver receiver, String listingId) {
        return receiver.calls().stream()
                .filter(c -> "listing.suspended".equals(c.header("X-OCOP-Event")) && c.text().contains(listingId))
                .toList();
    }

    // --- market

    private String registerChannel(String name, String notificationUrl, String secret) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "ECOMMERCE_PLATFORM");
        body.put("website", "https://postmart.vn");
        body.put("operatorName", "Tổng công ty Bưu điện Việt Nam");
        body.put("notificationUrl", notificationUrl);
        body.put("notificationSecret", secret);
        return as(CENTRAL).body(body).post(market("/channels")).then().statusCode(201)
                .body("notification.url", equalTo(notificationUrl))
                .extract().path("id");
    }

    private static Map<String, Object> listing(String productId, String channelId, String sku) {
        return Map.of("productId", productId, "channelId", channelId, "externalSku", sku, "priceVnd", 150_000,
                "since", TODAY.toString());
    }

    // --- monitoring

    /** The inspector found the criteria no longer met (a major finding) and proposes revocation. */
    private static Map<String, Object> revocationProposal() {
        Map<String, Object> body = new HashMap<>();
        body.put("checklist", Map.of("criteriaStillMet", false, "markUseProper", true, "labelMatches", false,
                "foodSafetyOk", true, "productionActive", true));
        body.put("findings", List.of(Map.of("description", "Vùng nguyên liệu không còn đáp ứng tiêu chí 4 sao", "severity", "MAJOR")));
        body.put("labResults", List.of(Map.of("parameter", "Coliforms", "result", "12 CFU/g", "withinLimit", true)));
        body.put("outcome", "REVOCATION_PROPOSED");
        body.put("proposedGround", GROUND);
        return body;
    }

    private static Map<String, Object> decision(String number, String decisionNumber, String inspectionId) {
        return Map.of("certificateNumbers", List.of(number), "ground", GROUND, "decisionNumber", decisionNumber,
                "decidedOn", TODAY.toString(), "inspectionId", inspectionId,
                "reason", "Kết luận hậu kiểm: không duy trì tiêu chí 4 sao");
    }

    // --- plumbing

    private String market(String path) {
        return stack.apiUrl("market") + path;
    }

    private String monitoring(String path) {
        return stack.apiUrl("monitoring") + path;
    }
}
