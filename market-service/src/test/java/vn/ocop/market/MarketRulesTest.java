package vn.ocop.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import vn.ocop.market.pointofsale.PointOfSaleStatus;
import vn.ocop.market.webhook.WebhookConfig;
import vn.ocop.market.webhook.WebhookSignature;

/** The small rules behind webhooks and points of sale, checked without the application. */
class MarketRulesTest {

    @Test
    void theSignatureIsHmacSha256OfTheBodyAsInRfc4231() {
        byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.sign("Jefe", body);
        assertThat(header).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(WebhookSignature.verify("Jefe", body, header)).isTrue();
        assertThat(WebhookSignature.verify("Jefe", "what do ya want for nothing!".getBytes(StandardCharsets.UTF_8), header)).isFalse();
        assertThat(WebhookSignature.verify("Jefe", body, null)).isFalse();
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        Duration initial = Duration.ofSeconds(5);
        Duration max = Duration.ofMinutes(1);
        assertThat(WebhookConfig.backoff(1, initial, max)).isEqualTo(Duration.ofSeconds(5));
        assertThat(WebhookConfig.backoff(2, initial, max)).isEqualTo(Duration.ofSeconds(10));
        assertThat(WebhookConfig.backoff(4, initial, max)).isEqualTo(Duration.ofSeconds(40));
        assertThat(WebhookConfig.backoff(5, initial, max)).isEqualTo(max);
        assertThat(WebhookConfig.backoff(500, initial, max)).isEqualTo(max);
    }

    @Test
    void aClosedPointOfSaleStaysClosed() {
        assertThat(PointOfSaleStatus.PROPOSED.canBecome(PointOfSaleStatus.APPROVED)).isTrue();
        assertThat(PointOfSaleStatus.PROPOSED.canBecome(PointOfSaleStatus.SUSPENDED)).isFalse();
        assertThat(PointOfSaleStatus.APPROVED.canBecome(PointOfSaleStatus.SUSPENDED)).isTrue();
        assertThat(PointOfSaleStatus.SUSPENDED.canBecome(PointOfSaleStatus.APPROVED)).isTrue();
        for (PointOfSaleStatus next : PointOfSaleStatus.values()) {
            assertThat(PointOfSaleStatus.CLOSED.canBecome(next)).isFalse();
        }
    }
}
