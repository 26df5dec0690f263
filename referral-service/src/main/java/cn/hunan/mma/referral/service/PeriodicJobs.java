package cn.hunan.mma.referral.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs the service's periodic jobs (unused slots to the public, overdue no-shows) on Vert.x timers. A tick is skipped
 * while the job's previous run is still going, so a slow run is never overlapped by the next; a failed run is logged
 * and the job tried again at the next tick.
 */
@ApplicationScoped
public class PeriodicJobs {

    private static final Logger LOG = Logger.getLogger(PeriodicJobs.class);

    private final Vertx vertx;
    private final List<Long> timers = new CopyOnWriteArrayList<>();

    public PeriodicJobs(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Runs {@code job} every {@code interval}; {@code name} says what it does in the log. */
    public void every(Duration interval, String name, Supplier<Uni<?>> job) {
        AtomicBoolean running = new AtomicBoolean();
        timers.add(vertx.setPeriodic(interval.toMillis(), tick -> {
            if (running.compareAndSet(false, true)) {
                onFreshContext(name, job, running);
            }
        }));
    }

    // Hibernate Reactive needs a safe duplicated Vert.x context of its own; a timer tick runs on the
    // bare event loop, so each run gets a new one (as Quarkus gives each HTTP request).
    private void onFreshContext(String name, Supplier<Uni<?>> job, AtomicBoolean running) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().deferred(job)
                .eventually(() -> running.set(false))
                .subscribe().with(done -> { }, failure -> LOG.warnf(failure, "%s failed; retrying at the next tick", name)));
    }

    void stop(@Observes ShutdownEvent stopping) {
        timers.forEach(vertx::cancelTimer);
    }
}
