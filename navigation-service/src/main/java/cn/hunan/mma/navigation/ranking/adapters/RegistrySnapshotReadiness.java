package cn.hunan.mma.navigation.ranking.adapters;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Down until the first registry snapshot has loaded: before it, no recommendation can be answered. */
@Readiness
@ApplicationScoped
public class RegistrySnapshotReadiness implements HealthCheck {

    private final RegistryMatrixHolder holder;

    public RegistrySnapshotReadiness(RegistryMatrixHolder holder) {
        this.holder = holder;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("registry-snapshot").status(holder.loaded()).build();
    }
}
