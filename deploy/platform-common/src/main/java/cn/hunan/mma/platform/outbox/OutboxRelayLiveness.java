package cn.hunan.mma.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Not alive once an enabled relay has stopped streaming. The relay starts before the HTTP port
 * opens, so by the time anyone probes, "not running" means its engine died of an error retrying
 * cannot heal; restarting the process (what an orchestrator does on a failed liveness probe)
 * resumes from the last confirmed position and loses nothing.
 */
@Liveness
@ApplicationScoped
public class OutboxRelayLiveness implements HealthCheck {

    private final OutboxRelayLifecycle lifecycle;

    OutboxRelayLiveness(OutboxRelayLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        boolean dead = lifecycle.enabled() && lifecycle.metrics().map(metrics -> !metrics.running()).orElse(true);
        return HealthCheckResponse.named("outbox-relay-alive").status(!dead).build();
    }
}
