package vn.ocop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import vn.ocop.devstack.OidcTokens;
import vn.ocop.devstack.Service;
import vn.ocop.devstack.Stack;
import vn.ocop.devstack.StackConfig;

/**
 * The services against a real identity provider: Keycloak from its Maven Central distribution with the committed
 * realm export, the services configured only through its issuer and JWKS URL. A provincial system's
 * client-credentials token registers a producer and sets up a council; a council member signs in with a password and
 * reads the council's declarations; a token of another realm is refused. Then the supervisor's work: a service killed
 * with SIGKILL is restarted and answers again.
 *
 * <p>Its own stack (registry and evaluation only, the rest is not needed), run before the other classes and closed
 * after this one so that the shared stack never runs beside it.
 */
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcStackE2ETest {
    private static final String PROVINCE = "51";
    private static final String COMMUNE = ProvincialRound.COMMUNE_CODE;

    private Stack stack;

    @BeforeAll
    void startStackWithKeycloak() {
        String suffix = Optional.ofNullable(System.getenv("TEST_PG_DATABASE_SUFFIX")).orElse("");
        stack = Stack.launch(StackConfig.forTests().toBuilder()
                .workDir(Path.of("target", "ocop-oidc-stack"))
                .databasePrefix("ocop_e2e_oidc" + suffix + "_")
                .services(Service.REGISTRY, Service.EVALUATION)
                .keycloak(true).keycloakPort(0)
                .build());
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aProvincialSystemRegistersAProducerAndACouncilMemberReadsTheirCouncil() {
        String system = OidcTokens.clientCredentials(stack.tokenUrl("ocop"), OidcTokens.PROVINCE_51_SYSTEM,
                OidcTokens.PROVINCE_51_SECRET);

        String producerId = as(system).body(producer("HTX OIDC " + UUID.randomUUID().toString().substring(0, 6)))
                .post(stack.apiUrl("registry") + "/producers").then().statusCode(201).extract().path("id");
        // The hard-coded province claim scopes the system like a province-51 officer: another province is refused.
        as(system).body(Map.of("name", "Hội đồng tỉnh 92", "level", "PROVINCIAL", "provinceCode", "92", "quorum", 1,
                        "members", List.of(member("council-member", "CHAIR"))))
                .post(stack.apiUrl("evaluation") + "/councils").then().statusCode(403);
        String councilId = as(system).body(Map.of("name", "Hội đồng OCOP tỉnh Quảng Ngãi (OIDC)", "level", "PROVINCIAL",
                        "provinceCode", PROVINCE, "quorum", 1,
                        "members", List.of(member("council-member", "CHAIR"))))
                .post(stack.apiUrl("evaluation") + "/councils").then().statusCode(201).extract().path("id");

        // The member's account in the council is the token's preferred_username, which Keycloak sets to the login.
        String member = OidcTokens.password(stack.tokenUrl("ocop"), "council-member", OidcTokens.DEV_PASSWORD);
        as(member).get(stack.apiUrl("evaluation") + "/councils/" + councilId + "/conflicts").then().statusCode(200);
        as(member).body(Map.of("memberSubject", "council-member", "producerId", producerId, "reason", "Họ hàng với người đại diện"))
                .post(stack.apiUrl("evaluation") + "/councils/" + councilId + "/conflicts").then().statusCode(201);
        as(member).get(stack.apiUrl("evaluation") + "/councils/" + councilId + "/conflicts").then().statusCode(200)
                .body("items.producerId", hasItem(producerId));
    }

    @Test
    @Order(2)
    void aTokenOfAnotherRealmIsRefusedThoughItCarriesTheSameRoleAndProvince() {
        String foreign = OidcTokens.password(stack.tokenUrl("elsewhere"), "province-officer-51", OidcTokens.DEV_PASSWORD);
        as(foreign).body(producer("HTX Elsewhere")).post(stack.apiUrl("registry") + "/producers").then().statusCode(401);
        as(foreign).get(stack.apiUrl("evaluation") + "/councils").then().statusCode(401);
    }

    @Test
    @Order(3)
    void aServiceKilledWithSigkillIsRestartedAndAnswersAgain() {
        stack.superviseChildren();
        ProcessHandle registry = stack.process("registry").orElseThrow();
        assertThat(registry.destroyForcibly()).isTrue();

        String officer = OidcTokens.password(stack.tokenUrl("ocop"), "province-officer-51", OidcTokens.DEV_PASSWORD);
        await("registry restarted by the supervisor").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> stack.process("registry").filter(p -> p.pid() != registry.pid()).isPresent()
                        && given().get(stack.baseUrl("registry") + "/q/health/ready").statusCode() == 200);
        as(officer).queryParam("province", PROVINCE).get(stack.apiUrl("registry") + "/producers").then()
                .statusCode(200);
    }

    private static Map<String, Object> producer(String name) {
        return Map.of("name", name, "kind", "COOPERATIVE",
                "taxCode", String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)),
                "provinceCode", PROVINCE, "communeCode", COMMUNE,
                "representative", Map.of("fullName", "Trương Thị Hoa", "gender", "FEMALE", "ethnicMinority", false,
                        "disabled", false));
    }

    private static Map<String, Object> member(String subject, String role) {
        return Map.of("subject", subject, "fullName", "Nguyễn Văn An", "role", role);
    }

    private static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).auth().oauth2(token);
    }
}
