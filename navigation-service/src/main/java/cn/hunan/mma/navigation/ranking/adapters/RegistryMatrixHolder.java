package cn.hunan.mma.navigation.ranking.adapters;

import cn.hunan.mma.navigation.registry.domain.RegistryChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the latest registry snapshot: loaded on first use, reloaded by the first request that
 * finds it older than {@code mma.navigation.matrix-max-age} or after this instance changed the
 * registry ({@link RegistryChanged}: imports and operators' edits show at once). Requests racing on a stale snapshot
 * may each reload; the loads are read-only and the last one to finish wins, which is harmless.
 */
@ApplicationScoped
public class RegistryMatrixHolder {

    private record Loaded(RegistryMatrixView view, Instant at, long generation) {
    }

    private final RegistryMatrixLoader loader;
    private final Duration maxAge;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Loaded> latest = new AtomicReference<>();
    // Counts registry changes: a load that raced with a change is kept but not trusted.
    private final AtomicLong generation = new AtomicLong();

    public RegistryMatrixHolder(RegistryMatrixLoader loader, NavigationSettings settings) {
        this.loader = loader;
        this.maxAge = settings.matrixMaxAge();
    }

    /** Drops the snapshot; the next request loads the registry as committed. */
    void registryChanged(@Observes RegistryChanged changed) {
        generation.incrementAndGet();
    }

    public Uni<RegistryMatrixView> current() {
        Loaded loaded = latest.get();
        long current = generation.get();
        if (loaded != null && loaded.generation() == current && loaded.at().plus(maxAge).isAfter(clock.instant())) {
            return Uni.createFrom().item(loaded.view());
        }
        Instant started = clock.instant();
        return loader.load().invoke(view -> latest.set(new Loaded(view, started, current)));
    }
}
