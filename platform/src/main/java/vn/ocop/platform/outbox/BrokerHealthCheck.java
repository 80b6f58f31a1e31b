package vn.ocop.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.health.HealthReporter;

/**
 * Broker connectivity as health data (wellness group, {@code /q/health/well}): what the Kafka channels (outbox producer,
 * inbox consumer) report about their connections. Not readiness: readiness depends only on the database, because the
 * outbox lets the API keep working while the broker is away (the configuration turns the channels' own readiness and
 * liveness checks off). The connectors are asked directly, since those switches filter the messaging health centre.
 */
@Wellness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    @Inject
    @Any
    Instance<HealthReporter> reporters;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Broker connectivity");
        boolean ok = true;
        for (HealthReporter reporter : reporters) {
            HealthReport report = reporter.getReadiness();
            for (HealthReport.ChannelInfo channel : report.getChannels()) {
                ok &= channel.isOk();
                response.withData(channel.getChannel(), channel.isOk() ? "[OK]" : "[KO] " + channel.getMessage());
            }
        }
        return response.status(ok).build();
    }
}
