package vn.ocop.market.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;

import io.vertx.core.Vertx;

/**
 * DNS rebinding against the JDK's own resolver: this JVM reads names from a hosts file ({@code jdk.net.hosts.file},
 * nothing cached) that the test rewrites between the check ({@link WebhookTargetPolicy#resolve}) and the connection
 * ({@link PinnedHttp#post}). The JDK reads those properties once per JVM, so this class runs in its own surefire
 * execution ({@code dns-rebinding} in the pom). The receivers listen on 127.0.0.1, which this test's policy lets stand
 * for a partner's public server; every other address is judged by the real rules.
 */
class DnsRebindingTest {
    private static final String NAME = "hooks.example.test";
    private static final byte[] BODY = "{\"event\":\"ListingSuspended\"}".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json");

    private static final WebhookTargetPolicy POLICY = new WebhookTargetPolicy() {
        @Override
        String problemOf(InetAddress address) {
            return address.getHostAddress().equals("127.0.0.1") ? null : super.problemOf(address);
        }
    };
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static Path hosts;
    private static HttpServer receiver;
    private static HttpsServer tlsReceiver;
    private static Vertx vertx;
    private static PinnedHttp http;

    @BeforeAll
    static void start() throws Exception {
        String hostsFile = System.getProperty("jdk.net.hosts.file");
        Assumptions.assumeTrue(hostsFile != null, "runs in the dns-rebinding execution, which sets jdk.net.hosts.file");
        hosts = Path.of(hostsFile);
        POLICY.config = WebhookTargetPolicyTest.config(false, List.of());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", DnsRebindingTest::receive);
        receiver.start();
        tlsReceiver = SelfSignedTls.receiver(NAME, hosts.resolveSibling("webhook-dns-tls"), DnsRebindingTest::receive);
        vertx = Vertx.vertx();
        http = new PinnedHttp();
        http.vertx = vertx;
        http.config = POLICY.config;
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.stop(0);
            tlsReceiver.stop(0);
            http.close();
            vertx.close();
        }
    }

    @BeforeEach
    void clear() {
        RECEIVED.clear();
        SelfSignedTls.SERVER_NAMES.clear();
    }

    @Test
    void aDeliveryGoesToTheAddressThatWasCheckedAlthoughTheNameNowPointsElsewhere() throws Exception {
        String url = "http://" + NAME + ":" + receiver.getAddress().getPort() + "/hook";
        String hostHeader = "Host " + NAME + ":" + receiver.getAddress().getPort();
        pointName("127.0.0.1");
        assertThat(plainPost(url)).as("a plain client follows the hosts file").isEqualTo(204);
        WebhookTargetPolicy.Target target = POLICY.resolve(url);
        assertThat(target.refusal()).isNull();
        assertThat(target.address().getHostAddress()).isEqualTo("127.0.0.1");

        pointName("10.255.255.1");
        assertThat(InetAddress.getByName(NAME).getHostAddress()).as("the JDK sees the new answer").isEqualTo("10.255.255.1");
        assertThat(http.post(target, HEADERS, BODY)).isEqualTo(204);
        assertThat(RECEIVED).as("the plain client's POST, then the pinned one").containsExactly(hostHeader, hostHeader);

        // The swap is real: a fresh check refuses the new address, and a client that looks the name up again misses the receiver.
        assertThat(POLICY.resolve(url).refusal())
                .isEqualTo("refused: " + NAME + " resolves to 10.255.255.1, which is a private address");
        assertThatThrownBy(() -> plainPost(url)).isInstanceOf(IOException.class);
        assertThat(RECEIVED).hasSize(2);
    }

    @Test
    void aNameThatFirstPointedAtTheMetadataAddressIsNeverDeliveredEvenOncePointedBack() {
        String url = "http://" + NAME + ":" + receiver.getAddress().getPort() + "/hook";
        pointName("169.254.169.254");
        WebhookTargetPolicy.Target target = POLICY.resolve(url);
        assertThat(target.refusal()).isEqualTo("refused: " + NAME + " resolves to 169.254.169.254, which is a link-local address");
        assertThat(target.address()).isNull();

        pointName("127.0.0.1");
        assertThatThrownBy(() -> http.post(target, HEADERS, BODY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("169.254.169.254");
        assertThat(RECEIVED).isEmpty();
        assertThat(POLICY.resolve(url).refusal()).as("only a new check may let it through").isNull();
    }

    @Test
    void everyAddressOfTheNameIsCheckedNotOnlyTheFirst() throws IOException {
        Files.writeString(hosts, "127.0.0.1 " + NAME + "\n10.0.0.5 " + NAME + "\n");
        assertThat(POLICY.resolve("http://" + NAME + "/hook").refusal())
                .isEqualTo("refused: " + NAME + " resolves to 10.0.0.5, which is a private address");
    }

    /** Over https the TLS server name and the certificate check use the URL's host; the connection, the checked address. */
    @Test
    void overHttpsTheTlsNameIsTheUrlsHostWhileTheConnectionGoesToTheCheckedAddress() throws Exception {
        int port = tlsReceiver.getAddress().getPort();
        pointName("127.0.0.1");
        WebhookTargetPolicy.Target target = POLICY.resolve("https://" + NAME + ":" + port + "/hook");
        pointName("10.255.255.1");
        assertThat(http.post(target, HEADERS, BODY)).isEqualTo(204);
        assertThat(SelfSignedTls.SERVER_NAMES).containsExactly(NAME);
        assertThat(RECEIVED).containsExactly("Host " + NAME + ":" + port);

        // The certificate names only hooks.example.test: another name pinned to the same address fails the check.
        Files.writeString(hosts, "127.0.0.1 other.example.test\n");
        WebhookTargetPolicy.Target other = POLICY.resolve("https://other.example.test:" + port + "/hook");
        assertThatThrownBy(() -> http.post(other, HEADERS, BODY)).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(java.security.cert.CertificateException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class);
        assertThat(RECEIVED).hasSize(1);
    }

    private static void pointName(String address) {
        try {
            Files.writeString(hosts, address + " " + NAME + "\n"); // the hosts(5) format: address, then name
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int plainPost(String url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void receive(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        RECEIVED.add("Host " + exchange.getRequestHeaders().getFirst("Host"));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }
}
