package cn.hunan.mma.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while an enabled relay is not streaming: the service would accept writes whose events
 * wait in the outbox. Always up when the relay is disabled.
 */
@Readiness
@ApplicationScoped
public class OutboxRelayReadiness implements HealthCheck {

    private final OutboxRelayLifecycle lifecycle;

    OutboxRelayReadiness(OutboxRelayLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay").withData("enabled", lifecycle.enabled());
        if (!lifecycle.enabled()) {
            return response.up().build();
        }
        return lifecycle.metrics()
                .map(metrics -> {
                    response.status(metrics.running()).withData("eventsRelayed", metrics.eventsRelayed());
                    metrics.lastCommitToSendLag().ifPresent(lag -> response.withData("lastCommitToSendLagMs", lag.toMillis()));
                    return response.build();
                })
                .orElseGet(() -> response.down().build());
    }
}
