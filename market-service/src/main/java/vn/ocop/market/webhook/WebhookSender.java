package vn.ocop.market.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * Before each attempt the target is resolved and checked ({@link WebhookTargetPolicy#resolve}); a refused one is
 * recorded {@code REFUSED} and never sent, an allowed one is sent to the very address that was checked
 * ({@link PinnedHttp}). Every attempt counts in {@code ocop_webhook_deliveries_total{outcome="delivered|failed|given_up|refused"}}.
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

    @Inject
    PinnedHttp http;

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
        WebhookTargetPolicy.Target target = targets.resolve(d.url());
        if (target.refusal() != null) {
            targets.recordRefused(d.id(), target.refusal());
            return;
        }
        Integer statusCode = null;
        String error = target.failure();
        if (error == null && d.secret() == null) {
            error = "the outlet has no shared secret any more";
        } else if (error == null) {
            byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
            try {
                statusCode = http.post(target, Map.of(
                        "Content-Type", "application/json",
                        WebhookSignature.HEADER, WebhookSignature.sign(d.secret(), body),
                        "X-OCOP-Delivery", d.id().toString(),
                        "X-OCOP-Event", d.eventType()), body);
                if (statusCode < 200 || statusCode >= 300) {
                    error = "HTTP " + statusCode;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (Exception e) {
                Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
                error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
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
