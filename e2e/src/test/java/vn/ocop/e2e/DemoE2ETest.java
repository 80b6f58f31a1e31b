package vn.ocop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static vn.ocop.e2e.ProvincialRound.eventually;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.ocop.devstack.DemoData;
import vn.ocop.devstack.DemoLoader;
import vn.ocop.devstack.OcopCli;
import vn.ocop.devstack.RoleTokens;
import vn.ocop.devstack.Stack;
import vn.ocop.testkit.Tokens;

/**
 * Issue #12, the demo's promises: what {@code ./ocop up} loads through the public APIs shows the product. Loaded twice
 * (the second load, as a second {@code ./ocop up} on kept data, changes nothing); the counts, Tỏi Lý Sơn 5★ verified by
 * its number, the revoked certificate whose listings are suspended, the council rounds, statistics with real numbers,
 * and every printed demo token working against the data.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoE2ETest {
    private static final String CENTRAL = Tokens.centralOfficer();

    private Stack stack;
    private DemoLoader.Result first;
    private DemoLoader.Result second;
    private Map<String, String> tokenClaims;

    @BeforeAll
    void loadTheDemoTwice() throws Exception {
        stack = SharedStack.stack();
        DemoData data = DemoData.load();
        first = DemoLoader.of(stack).load(data);
        second = DemoLoader.of(stack).load(data);
        Path workDir = Files.createTempDirectory("demo-ids");
        DemoLoader.saveIds(workDir, second.ids());
        tokenClaims = OcopCli.demoDefaults(Optional.of(workDir));
    }

    @Test
    void aProvinceAndABitOfTheNationMostlyCertifiedLoadedOnce() {
        assertThat(first.producers()).isGreaterThanOrEqualTo(50);
        assertThat(first.products()).isGreaterThanOrEqualTo(80);
        assertThat(first.certificates()).as("most products certified").isGreaterThan(first.products() * 3 / 4);
        assertThat(first.certificatesCreated()).isEqualTo(first.certificates());
        // A second load finds everything: same records, no new certificate, same fresh one.
        assertThat(second.ids()).isEqualTo(first.ids());
        assertThat(second.certificatesCreated()).isZero();
        assertThat(second.freshCertificate()).isEqualTo(first.freshCertificate());
        given().auth().oauth2(CENTRAL).queryParam("q", "Hợp tác xã Nông nghiệp Tỏi Lý Sơn").get(url("registry", "/producers"))
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void theGarlicOfLySonIsFiveStarsVerifiableByItsNumber() {
        eventually("registry verifies the 5★ certificate").untilAsserted(() -> given().urlEncodingEnabled(false)
                .get(url("registry", "/public/certificates/") + encoded("2219/GCN-BNN-VPĐP")).then().statusCode(200)
                .body("certificateNumber", equalTo("2219/GCN-BNN-VPĐP")).body("status", equalTo("VALID"))
                .body("stars", equalTo(5)).body("productName", equalTo("Tỏi Lý Sơn")));
    }

    @Test
    void theRevokedCertificatesListingsAreSuspended() {
        String number = DemoData.load().scenario().path("revocation").path("certificateNumber").asText();
        given().auth().oauth2(CENTRAL).urlEncodingEnabled(false).get(url("monitoring", "/certificates/") + encoded(number))
                .then().statusCode(200).body("status", equalTo("REVOKED"));
        String productId = given().urlEncodingEnabled(false).get(url("registry", "/public/certificates/") + encoded(number))
                .then().statusCode(200).extract().path("productId");
        eventually("market suspends both listings").untilAsserted(() -> given().auth().oauth2(CENTRAL)
                .queryParam("product", productId).get(url("market", "/listings")).then().statusCode(200)
                .body("total", equalTo(2)).body("items.status", everyItem(equalTo("SUSPENDED"))));
    }

    @Test
    void oneRoundClosedWithAFreshCertificateAndOneInProgress() {
        assertThat(first.freshCertificate()).startsWith("OCOP-51-");
        eventually("registry verifies the fresh certificate").untilAsserted(() -> given()
                .get(url("registry", "/public/certificates/") + first.freshCertificate()).then().statusCode(200)
                .body("status", equalTo("VALID")).body("stars", equalTo(4)).body("productName", equalTo("Dưa hấu Bình Tân")));
    }

    @Test
    void statisticsHaveRealNumbersAndTheComplaintIsThere() {
        String officer = token(RoleTokens.Role.PROVINCE_OFFICER);
        eventually("monitoring counts the province's certified products").untilAsserted(() ->
                given().queryParam("province", "51").get(url("monitoring", "/statistics/programme")).then().statusCode(200)
                        .body("products.total", greaterThan(30))
                        .body("certificates.active", greaterThan(30))
                        .body("certificates.revoked", greaterThan(0)));
        given().auth().oauth2(officer).queryParam("province", "51").get(url("monitoring", "/complaints")).then()
                .statusCode(200).body("total", greaterThan(0));
    }

    @Test
    void everyPrintedDemoTokenWorksAgainstTheData() {
        String channel = tokenClaims.get("channel_id");
        String producer = tokenClaims.get("producer_id");
        assertThat(channel).as("channel id saved by the load").isNotBlank();
        given().auth().oauth2(token(RoleTokens.Role.CHANNEL_OPERATOR)).get(url("market", "/channels/") + channel)
                .then().statusCode(200).body("name", equalTo("Postmart"));
        given().auth().oauth2(token(RoleTokens.Role.PRODUCER)).get(url("registry", "/producers/") + producer)
                .then().statusCode(200).body("name", equalTo("Hợp tác xã Nông nghiệp Tỏi Lý Sơn"));
        given().auth().oauth2(token(RoleTokens.Role.PROVINCE_OFFICER)).queryParam("province", "51").queryParam("q", "Tỏi Lý Sơn")
                .get(url("registry", "/producers")).then().statusCode(200).body("items.id", hasItem(producer));
        given().auth().oauth2(token(RoleTokens.Role.COMMUNE_OFFICER)).queryParam("size", 200)
                .get(url("registry", "/applications")).then().statusCode(200);
        given().auth().oauth2(token(RoleTokens.Role.CENTRAL_OFFICER)).get(url("evaluation", "/certificates?size=1"))
                .then().statusCode(200).body("total", greaterThan(0));
    }

    @Test
    void theReadmesFirstExampleWorksTwiceInARow() throws Exception {
        String block = readmeExample();
        assertThat(block).doesNotContain("uuidgen");
        String script = block.replace("./ocop token province-officer province=51", "echo " + token(RoleTokens.Role.PROVINCE_OFFICER))
                .replace("http://localhost:8081", stack.baseUrl("registry"));
        for (int run = 1; run <= 2; run++) {
            Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
            String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor()).isZero();
            assertThat(out).as("run %d", run).contains("\"id\"").contains("\"taxCode\"").doesNotContain("\"detail\"");
            Thread.sleep(5);
        }
    }

    /** The first bash block of the README's "Calling the API" section. */
    private static String readmeExample() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int section = lines.indexOf("## Calling the API");
        int start = lines.subList(section, lines.size()).indexOf("```bash") + section + 1;
        int end = lines.subList(start, lines.size()).indexOf("```") + start;
        return String.join("\n", lines.subList(start, end));
    }

    private String token(RoleTokens.Role role) {
        return RoleTokens.mint(role, RoleTokens.claims(role, tokenClaims, Map.of()));
    }

    private static String encoded(String number) {
        return URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String url(String service, String path) {
        return stack.apiUrl(service) + path;
    }
}
