package vn.ocop.market.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import vn.ocop.platform.observability.BusinessMetrics;
import vn.ocop.platform.wakeup.WakeUps;
import vn.ocop.platform.wakeup.Worker;

/**
 * Sends queued notifications as soon as their transaction commits (woken through {@link WakeUps}, one run at a time
 * per JVM; retries fall due on the poll). A run claims due rows ({@code FOR UPDATE SKIP LOCKED},
 * then pushes their next attempt out by a lease so another replica does not send them too), sends each one outside
 * any transaction, and records the outcome in a transaction of its own: 2xx = delivered; anything else is retried
 * with exponential backoff until the attempts run out. Delivery is at least once: receivers deduplicate by deliveryId.
 * Every attempt counts in {@code ocop_webhook_deliveries_total{outcome="delivered|failed|given_up"}}.
 */
@ApplicationScoped
public class WebhookSender {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    @Inject
    BusinessMetrics metrics;

    @Inject
    WebhookTargetPolicy targets;

    private HttpClient client;

    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }

    /** Name of the sender's worker and of the notification the webhook_delivery trigger sends (see V2_1). */
    public static final String WAKEUP = "webhook";

    @Inject
    WakeUps wakeUps;

    private Worker worker;

    void start(@Observes StartupEvent event) {
        worker = wakeUps.register(WAKEUP, this::sendDue);
    }

    /**
     * New deliveries wake the sender when their transaction commits ({@link Webhooks#enqueue}); this tick sends the
     * retries whose backoff has expired, and anything a missed wake-up left behind.
     */
    @Scheduled(every = "${market.webhook.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        if (worker != null) {
            worker.wake();
        }
    }

    /** One run of the sender (on its worker's thread): claims what is due and sends it. */
    void sendDue() {
        List<Claimed> due = QuarkusTransaction.requiringNew().call(this::claimDue);
        for (Claimed delivery : due) {
            send(delivery);
        }
    }

    record Claimed(UUID id, String url, String payload, String eventType, String secret) {
    }

    @SuppressWarnings("unchecked")
    List<Claimed> claimDue() {
        Instant now = clock.instant();
        List<WebhookDelivery> rows = WebhookDelivery.getEntityManager().createNativeQuery("""
                select * from webhook_delivery where status = 'PENDING' and next_attempt_at <= ?1
                order by next_attempt_at, id limit ?2 for update skip locked""", WebhookDelivery.class)
                .setParameter(1, now).setParameter(2, config.batchSize()).getResultList();
        return rows.stream().map(d -> {
            d.nextAttemptAt = now.plus(LEASE);
            return new Claimed(d.id, d.url, d.payload, d.eventType, secretOf(d));
        }).toList();
    }

    /** Read at send time, so a rotated secret is used from the next attempt on. */
    private static String secretOf(WebhookDelivery d) {
        String table = "CHANNEL".equals(d.targetKind) ? "sales_channel" : "point_of_sale";
        List<?> secret = WebhookDelivery.getEntityManager()
                .createNativeQuery("select notify_secret from " + table + " where id = ?1")
                .setParameter(1, d.targetId).getResultList();
        return secret.isEmpty() ? null : (String) secret.get(0);
    }

    private void send(Claimed d) {
        if (targets.refuseIfForbidden(d.id(), d.url())) {
            return;
        }
        Integer statusCode = null;
        String error = null;
        if (d.secret() == null) {
            error = "the outlet has no shared secret any more";
        } else {
            byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(d.url()))
                        .timeout(config.timeout())
                        .header("Content-Type", "application/json")
                        .header(WebhookSignature.HEADER, WebhookSignature.sign(d.secret(), body))
                        .header("X-OCOP-Delivery", d.id().toString())
                        .header("X-OCOP-Event", d.eventType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
                statusCode = response.statusCode();
                if (statusCode < 200 || statusCode >= 300) {
                    error = "HTTP " + statusCode;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        Integer code = statusCode;
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> record(d.id(), code, failure));
    }

    void record(UUID id, Integer statusCode, String error) {
        WebhookDelivery d = WebhookDelivery.findById(id);
        Instant now = clock.instant();
        d.attempts++;
        d.lastStatusCode = statusCode;
        if (error == null) {
            d.status = WebhookDelivery.DELIVERED;
            d.deliveredAt = now;
            d.lastError = null;
            metrics.countOnCommit("ocop.webhook.deliveries", "outcome", "delivered");
            return;
        }
        d.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (d.attempts >= config.maxAttempts()) {
            d.status = WebhookDelivery.GAVE_UP;
            LOG.warnf("Webhook delivery %s to %s given up after %d attempts: %s", d.id, d.url, d.attempts, error);
            metrics.countOnCommit("ocop.webhook.deliveries", "outcome", "given_up");
        } else {
            d.nextAttemptAt = now.plus(WebhookConfig.backoff(d.attempts, config.initialBackoff(), config.maxBackoff()));
            metrics.countOnCommit("ocop.webhook.deliveries", "outcome", "failed");
        }
    }
}
