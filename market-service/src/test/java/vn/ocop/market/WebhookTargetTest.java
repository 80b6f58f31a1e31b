package vn.ocop.market;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ocop.market.webhook.WebhookTargetPolicy;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * Server-side request forgery through notification URLs: internal addresses are refused when registered, and a name
 * that resolves to one when the notification is due is recorded as refused, not sent.
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "market"))
class WebhookTargetTest {

    private static Map<String, Object> channel(String url) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Kênh " + UUID.randomUUID());
        body.put("kind", "ECOMMERCE_PLATFORM");
        body.put("operatorName", "Công ty TNHH Kênh");
        body.put("notificationUrl", url);
        body.put("notificationSecret", "ssrf-test-secret-0001");
        return body;
    }

    @Test
    void internalAddressesAreRefusedAtRegistrationAndNothingIsSaved() {
        for (String url : new String[] {"http://169.254.169.254/latest/meta-data", "http://10.0.0.12:8080/admin",
                "http://[::1]:9092/", "http://192.168.1.1/hook"}) {
            Map<String, Object> body = channel(url);
            given().auth().oauth2(Tokens.centralOfficer()).contentType(ContentType.JSON).body(body).post("/api/v1/channels")
                    .then().statusCode(400).body("code", equalTo("WEBHOOK_URL_REFUSED"))
                    .body("violations[0].field", equalTo("notificationUrl"));
            given().auth().oauth2(Tokens.centralOfficer()).queryParam("size", 200).get("/api/v1/channels").then()
                    .statusCode(200).body("items.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(body.get("name"))));
        }
        Map<String, Object> point = MarketFixtures.pointBody("51", "TRANSPORT_TERMINAL");
        point.put("notificationUrl", "http://172.20.0.5/hook");
        point.put("notificationSecret", "ssrf-test-secret-0002");
        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(ContentType.JSON).body(point)
                .post("/api/v1/points-of-sale").then().statusCode(400).body("code", equalTo("WEBHOOK_URL_REFUSED"));
    }

    /**
     * The sender connects to the address it checked (the receiver listens on 127.0.0.1 only) and keeps the URL's host
     * in the Host header, as a virtual host or a TLS server name needs.
     */
    @Test
    void aDeliveryGoesToTheCheckedAddressWithTheUrlsHostAsHostHeader() throws Exception {
        List<String> hosts = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            int port = receiver.getAddress().getPort();
            var product = MarketFixtures.registeredProduct("51", "Tỏi Lý Sơn");
            UUID certificate = MarketFixtures.certify(product, 4);
            UUID channel = MarketFixtures.channel("Kênh localhost " + UUID.randomUUID(),
                    "http://localhost:" + port + "/hook", "pinned-test-secret-0004");
            UUID listing = MarketFixtures.listing(Tokens.producer(product.producerId()), product.id(), channel, null);
            KafkaTestClient.publish(MarketFixtures.revoked(product, certificate), UUID.randomUUID().toString());

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.centralOfficer())
                    .queryParam("listing", listing.toString()).get("/api/v1/webhook-deliveries").then().statusCode(200)
                    .body("items[0].status", equalTo("DELIVERED")).body("items[0].lastStatusCode", equalTo(204)));
            org.assertj.core.api.Assertions.assertThat(hosts).contains("localhost:" + port);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aNameThatResolvesToThisMachineIsRefusedAtDeliveryAndNotSent() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        InetAddress resolved = InetAddress.getByName(host);
        Assumptions.assumeTrue(WebhookTargetPolicy.addressProblem(resolved) != null,
                "this machine's name resolves to a public address: " + resolved);
        var product = MarketFixtures.registeredProduct("51", "Hành tím Lý Sơn");
        UUID certificate = MarketFixtures.certify(product, 3);
        UUID channel = MarketFixtures.channel("Kênh nội bộ " + UUID.randomUUID(),
                "http://" + host + ":9/hook", "ssrf-test-secret-0003");
        UUID listing = MarketFixtures.listing(Tokens.producer(product.producerId()), product.id(), channel, null);
        KafkaTestClient.publish(MarketFixtures.revoked(product, certificate), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.centralOfficer())
                .queryParam("listing", listing.toString()).get("/api/v1/webhook-deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("REFUSED")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatusCode", org.hamcrest.Matchers.nullValue())
                .body("items[0].lastError", startsWith("refused: ")));
    }
}
