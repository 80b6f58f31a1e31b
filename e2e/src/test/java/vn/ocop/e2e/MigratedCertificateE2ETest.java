package vn.ocop.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.ocop.e2e.ProvincialRound.PROVINCE;
import static vn.ocop.e2e.ProvincialRound.TODAY;
import static vn.ocop.e2e.ProvincialRound.as;
import static vn.ocop.e2e.ProvincialRound.eventually;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;
import vn.ocop.devstack.Stack;
import vn.ocop.testkit.Tokens;

/**
 * Issue #12, migrating certificates end to end: a certificate issued before the system (number "…/QĐ-UBND", stated end
 * date) comes in by evaluation's certificate import and from then on lives like a native one: the registry verifies it
 * by its original number, market accepts a listing for it, monitoring registers it with its stated end date (in the
 * re-rating window), the province revokes it and market suspends the listing. REST only; the services talk through
 * the broker.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigratedCertificateE2ETest {
    private static final String CENTRAL = Tokens.centralOfficer();
    private static final String OFFICER = ProvincialRound.OFFICER;

    private Stack stack;

    @BeforeAll
    void useSharedStack() {
        stack = SharedStack.stack();
    }

    @Test
    void aMigratedCertificateIsVerifiedListedRegisteredAndRevokedByItsOriginalNumber() {
        // --- Registry: the producer and product the province already had.
        String producerId = as(OFFICER).body(Map.of("name", "HTX Tỏi Lý Sơn", "kind", "COOPERATIVE",
                        "taxCode", String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)),
                        "provinceCode", PROVINCE, "communeCode", ProvincialRound.COMMUNE_CODE,
                        "representative", Map.of("fullName", "Trương Thị Hoa", "gender", "FEMALE", "ethnicMinority", false,
                                "disabled", false)))
                .post(url("registry", "/producers")).then().statusCode(201).extract().path("id");
        JsonPath product = as(OFFICER).body(Map.of("producerId", producerId, "name", "Tỏi Lý Sơn " + UUID.randomUUID().toString().substring(0, 6),
                        "productSet", 1, "communeCode", ProvincialRound.COMMUNE_CODE))
                .post(url("registry", "/products")).then().statusCode(201).extract().jsonPath();
        String productId = product.getString("id");
        String productCode = product.getString("code");
        eventually("evaluation knows the product").untilAsserted(() -> given().auth().oauth2(OFFICER)
                .get(url("evaluation", "/products/") + productId).then().statusCode(200));

        // --- Evaluation: the 4★ certificate of 2024 (former Kon Tum's code 62, now 51), valid to a stated date that
        // puts it inside the re-rating window today.
        String number = ThreadLocalRandom.current().nextInt(100, 9999) + "/QĐ-UBND";
        LocalDate decidedOn = TODAY.minusYears(2);
        LocalDate validUntil = TODAY.plusDays(150);
        String csv = "productCode,certificateNumber,stars,level,provinceCode,decisionNumber,decidedOn,validUntil,criteriaInstrument,score\n"
                + productCode + "," + number + ",4,PROVINCE,62," + number + "," + decidedOn + "," + validUntil + ",148/QĐ-TTg,78.5\n";
        String job = given().auth().oauth2(OFFICER).contentType("text/csv; charset=UTF-8")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(csv.getBytes(StandardCharsets.UTF_8))
                .post(url("evaluation", "/certificate-imports")).then().statusCode(202).extract().path("id");
        eventually("the import completes").untilAsserted(() -> given().auth().oauth2(OFFICER)
                .get(url("evaluation", "/certificate-imports/") + job).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("created", equalTo(1)));
        String certificateId = given().auth().oauth2(OFFICER).get(url("evaluation", "/certificate-imports/") + job + "/rows")
                .then().statusCode(200).body("items[0].outcome", equalTo("CREATED")).extract().path("items[0].certificateId");

        // --- Registry: a buyer checks the label's number.
        String printed = URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20");
        eventually("registry verifies the original number").untilAsserted(() -> given().urlEncodingEnabled(false)
                .get(url("registry", "/public/certificates/") + printed).then().statusCode(200)
                .body("certificateNumber", equalTo(number)).body("status", equalTo("VALID"))
                .body("productId", equalTo(productId)).body("validUntil", equalTo(validUntil.toString())));

        // --- Market: the listing gate accepts it.
        eventually("market receives the certificate").untilAsserted(() -> given().auth().oauth2(CENTRAL)
                .get(url("market", "/certificates/") + certificateId).then().statusCode(200).body("status", equalTo("ACTIVE")));
        String channelId = as(CENTRAL).body(Map.of("name", "Postmart " + UUID.randomUUID().toString().substring(0, 8),
                        "kind", "ECOMMERCE_PLATFORM", "operatorName", "Tổng công ty Bưu điện Việt Nam"))
                .post(url("market", "/channels")).then().statusCode(201).extract().path("id");
        String producer = Tokens.producer(UUID.fromString(producerId));
        String listingId = as(producer).body(Map.of("productId", productId, "channelId", channelId,
                        "externalSku", "TOI-" + UUID.randomUUID().toString().substring(0, 6), "priceVnd", 150_000, "since", TODAY.toString()))
                .post(url("market", "/listings")).then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("certificateNumber", equalTo(number)).extract().path("id");

        // --- Monitoring: registered with its stated end date, so the re-rating window is open now.
        eventually("monitoring registers the certificate").untilAsserted(() -> given().auth().oauth2(CENTRAL).urlEncodingEnabled(false)
                .get(url("monitoring", "/certificates/") + printed).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("validUntil", equalTo(validUntil.toString()))
                .body("reRatingWindowOpensOn", equalTo(validUntil.minusDays(180).toString())));
        given().auth().oauth2(OFFICER).queryParam("reRatingDue", "true").queryParam("size", 100)
                .get(url("monitoring", "/certificates")).then().statusCode(200).body("items.number", hasItem(number));

        // --- Monitoring: the province revokes it by its original number; market suspends the listing.
        as(OFFICER).body(Map.of("certificateNumbers", List.of(number), "ground", "LEGAL_VIOLATION",
                        "decisionNumber", UUID.randomUUID().toString().substring(0, 6) + "/QĐ-UBND", "decidedOn", TODAY.toString(),
                        "findingOn", TODAY.toString(), "reason", "Kết luận của Chi cục QLCL về ghi nhãn"))
                .post(url("monitoring", "/revocations")).then().statusCode(201);
        eventually("market suspends the listing").untilAsserted(() -> given().auth().oauth2(producer)
                .get(url("market", "/listings/") + listingId).then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("suspensionReason", equalTo("REVOKED")));
        eventually("registry shows the revocation").untilAsserted(() -> given().urlEncodingEnabled(false)
                .get(url("registry", "/public/certificates/") + printed).then().statusCode(200).body("status", equalTo("REVOKED")));
        eventually("evaluation marks it revoked").untilAsserted(() -> given().auth().oauth2(OFFICER)
                .get(url("evaluation", "/certificates/") + certificateId).then().statusCode(200).body("status", equalTo("REVOKED")));
    }

    private String url(String service, String path) {
        return stack.apiUrl(service) + path;
    }
}
