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

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.health.api.Wellness;

/**
 * Health data of the outbox (wellness group, {@code /q/health/well}; never readiness): DOWN when the oldest unpublished
 * event has waited longer than {@code ocop.outbox.health.max-age} (the relay cannot publish: broker unreachable, a
 * rejected event…). The API keeps answering meanwhile, which is what the outbox is for, so the instance stays in the
 * load balancer; operators see the backlog here, in {@code ocop_outbox_*} metrics and in the alert on its age.
 * Backlog, age and the head event's last error are in the data.
 */
@Wellness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "ocop.outbox.health.max-age", defaultValue = "5m")
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
