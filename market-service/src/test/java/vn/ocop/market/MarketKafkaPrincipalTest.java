package vn.ocop.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import vn.ocop.events.EventJson;
import vn.ocop.events.Topics;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.kafka.BrokerSecurity;
import vn.ocop.testkit.KafkaTestClient;
import vn.ocop.testkit.LocalKafka;

/**
 * The broker, not the consumers' good faith, keeps the market from announcing certificates: with the market's own
 * credentials (those its tests run with) a forged {@code CertificateIssued} on the evaluation topic is refused, and
 * so is any write without valid credentials; nothing forged reaches the topic.
 */
class MarketKafkaPrincipalTest {

    private static final Map<String, String> MARKET = LocalKafka.serviceLogin("market");

    @Test
    void theMarketsPrincipalCannotPublishAsEvaluation() throws Exception {
        UUID forgedId = UUID.randomUUID();
        String forged = forgedCertificate(forgedId);
        Map<String, String> headers = KafkaTestClient.cloudEventHeaders(forgedId.toString(), "CertificateIssued", "/ocop/evaluation");

        assertThatThrownBy(() -> KafkaTestClient.sendAs(MARKET, Topics.EVALUATION, forgedId.toString(), forged, headers))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> KafkaTestClient.sendAs(BrokerSecurity.clientProperties("ocop-evaluation", "guessed-password"),
                Topics.EVALUATION, forgedId.toString(), forged, headers))
                .hasCauseInstanceOf(SaslAuthenticationException.class);
        assertThatThrownBy(() -> KafkaTestClient.sendAs(Map.of(), Topics.EVALUATION, forgedId.toString(), forged, headers))
                .as("no credentials: the authenticated listener never answers, the client gives up")
                .hasCauseInstanceOf(TimeoutException.class);

        // The same principal may still publish on its own topic, so the refusals above are about rights, not a dead login.
        KafkaTestClient.sendAs(MARKET, Topics.MARKET, "acl-check-" + forgedId, "{}", Map.of());
        assertThat(KafkaTestClient.readAll(Topics.EVALUATION, r -> forgedId.toString().equals(r.key())))
                .as("forged certificates on the evaluation topic").isEmpty();
    }

    private static String forgedCertificate(UUID id) {
        java.time.LocalDate today = java.time.LocalDate.now();
        return EventJson.write(new CertificateIssued(id, "GCN-FORGED", UUID.randomUUID(), "51-99999-1-2026",
                UUID.randomUUID(), "51", 5, today, today.plusYears(3), "QD26-2026", UUID.randomUUID(),
                "QĐ giả", null, java.time.Instant.now()));
    }
}
