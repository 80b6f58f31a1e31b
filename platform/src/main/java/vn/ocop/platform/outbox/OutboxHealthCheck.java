package vn.ocop.platform.outbox;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Readiness of the outbox: DOWN when the oldest unpublished event has waited longer than
 * {@code ocop.outbox.readiness.max-age} (the relay cannot publish: broker unreachable, a rejected event…). Writes still
 * commit while the outbox is stuck, but their events reach nobody; taking the instance out of the load balancer makes
 * the problem visible instead of piling up events. Backlog, age and the head event's last error are in the data.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "ocop.outbox.readiness.max-age", defaultValue = "5m")
    Duration maxAge;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox backlog");
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                select (select count(*) from outbox_event where published_at is null),
                       head.occurred_at, head.attempts, head.last_error
                from (select 1) one
                left join (select occurred_at, attempts, last_error from outbox_event
                           where published_at is null order by id limit 1) head on true""").getSingleResult());
        long backlog = ((Number) row[0]).longValue();
        Duration age = row[1] == null ? Duration.ZERO : Duration.between(OutboxRelay.toInstant(row[1]), Instant.now());
        response.withData("backlog", backlog)
                .withData("oldestPendingAgeSeconds", Math.max(0, age.toSeconds()))
                .withData("maxAgeSeconds", maxAge.toSeconds());
        if (row[3] != null) {
            response.withData("headAttempts", ((Number) row[2]).longValue()).withData("headLastError", (String) row[3]);
        }
        if (age.compareTo(maxAge) > 0) {
            return response.down()
                    .withData("reason", "the oldest unpublished event has waited " + age.toSeconds()
                            + " s, longer than " + maxAge.toSeconds() + " s: events are not reaching the broker")
                    .build();
        }
        return response.up().build();
    }
}
