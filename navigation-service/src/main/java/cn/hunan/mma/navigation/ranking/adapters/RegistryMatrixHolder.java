package cn.hunan.mma.navigation.ranking.adapters;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the latest registry snapshot: loaded on first use, reloaded by the first request that
 * finds it older than {@code mma.navigation.matrix-max-age}. Requests racing on a stale snapshot
 * may each reload; the loads are read-only and the last one to finish wins, which is harmless.
 */
@ApplicationScoped
public class RegistryMatrixHolder {

    private record Loaded(RegistryMatrixView view, Instant at) {
    }

    private final RegistryMatrixLoader loader;
    private final Duration maxAge;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Loaded> latest = new AtomicReference<>();

    public RegistryMatrixHolder(RegistryMatrixLoader loader, NavigationSettings settings) {
        this.loader = loader;
        this.maxAge = settings.matrixMaxAge();
    }

    public Uni<RegistryMatrixView> current() {
        Loaded loaded = latest.get();
        if (loaded != null && loaded.at().plus(maxAge).isAfter(clock.instant())) {
            return Uni.createFrom().item(loaded.view());
        }
        Instant started = clock.instant();
        return loader.load().invoke(view -> latest.set(new Loaded(view, started)));
    }
}
