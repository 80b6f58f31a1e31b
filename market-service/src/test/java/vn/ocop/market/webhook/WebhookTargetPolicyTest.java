package vn.ocop.market.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.ocop.platform.problem.ApiException;

/** The target policy as production configures it (https only, no allow list), and as development does. */
class WebhookTargetPolicyTest {

    private static WebhookTargetPolicy policy(boolean requireHttps, List<String> allowed) {
        WebhookTargetPolicy policy = new WebhookTargetPolicy();
        policy.config = config(requireHttps, allowed);
        return policy;
    }

    /** The defaults of {@link WebhookConfig} (a 10 s timeout), https required or not, and these allowed hosts. */
    static WebhookConfig config(boolean requireHttps, List<String> allowed) {
        return new WebhookConfig() {
            public String pollInterval() {
                return "1s";
            }

            public Duration initialBackoff() {
                return Duration.ofSeconds(5);
            }

            public Duration maxBackoff() {
                return Duration.ofHours(1);
            }

            public int maxAttempts() {
                return 15;
            }

            public Duration timeout() {
                return Duration.ofSeconds(10);
            }

            public int batchSize() {
                return 20;
            }

            public boolean requireHttps() {
                return requireHttps;
            }

            public Optional<List<String>> allowedHosts() {
                return Optional.of(allowed);
            }
        };
    }

    private static final WebhookTargetPolicy PRODUCTION = policy(true, List.of());

    @ParameterizedTest
    @ValueSource(strings = {"http://partner.example.vn/hook", "ftp://partner.example.vn/hook", "https://127.0.0.1/hook",
            "https://127.1/hook", "https://10.1.2.3/hook", "https://172.16.0.1/hook", "https://192.168.1.10:8443/hook",
            "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
            "https://224.0.0.1/hook", "https://[::1]/hook", "https://[fe80::1]/hook", "https://[fd12:3456::1]/hook",
            "https://[::ffff:127.0.0.1]/hook", "https://[::]/hook", "https://localhost/hook",
            "https://internal.localhost/hook", "https://user:pw@partner.example.vn/hook", "not a url",
            "https://[64:ff9b::a00:1]/hook", "https://[2002:7f00:1::1]/hook", "https://[::7f00:1]/hook", "https://[2002:a9fe:a9fe::]/hook"})
    void productionRefusesAtRegistration(String url) {
        assertThatThrownBy(() -> PRODUCTION.requireAllowed("notificationUrl", url))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("WEBHOOK_URL_REFUSED");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://partner.example.vn/ocop-hook", "https://203.0.113.10/hook", "https://[2001:db8::10]/hook"})
    void productionAcceptsPublicHttpsTargets(String url) {
        assertThatCode(() -> PRODUCTION.requireAllowed("notificationUrl", url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost/hook", "https://127.0.0.1/hook", "https://[::1]/hook"})
    void atDeliveryTheResolvedAddressIsChecked(String url) {
        assertThat(PRODUCTION.refusal(url)).hasValueSatisfying(reason -> assertThat(reason).startsWith("refused: "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://[::1]/hook", "https://[64:ff9b::c0a8:101]/hook"})
    void theRefusalNamesTheAddressTheHostResolvedTo(String url) {
        assertThat(PRODUCTION.resolve(url).refusal()).startsWith("refused: ").contains(" resolves to ");
        assertThat(PRODUCTION.resolve(url).address()).isNull();
    }

    @org.junit.jupiter.api.Test
    void anAllowedTargetCarriesTheAddressThatWasCheckedSoTheSenderConnectsThere() {
        WebhookTargetPolicy development = policy(false, List.of("localhost"));
        WebhookTargetPolicy.Target target = development.resolve("http://localhost:8089/hook?x=1");
        assertThat(target.refusal()).isNull();
        assertThat(target.address().isLoopbackAddress()).isTrue();
        assertThat(target.uri().getHost()).isEqualTo("localhost");
        assertThat(PRODUCTION.resolve("https://no-such-host.invalid/hook").failure()).contains("cannot resolve");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089/hook", "http://localhost:8089/hook"})
    void developmentAllowsHttpAndTheListedLocalHosts(String url) {
        WebhookTargetPolicy development = policy(false, List.of("127.0.0.1", "localhost"));
        assertThatCode(() -> development.requireAllowed("notificationUrl", url)).doesNotThrowAnyException();
        assertThat(development.refusal(url)).isEmpty();
        assertThatThrownBy(() -> development.requireAllowed("notificationUrl", "http://10.0.0.7/hook"))
                .isInstanceOf(ApiException.class);
    }
}
