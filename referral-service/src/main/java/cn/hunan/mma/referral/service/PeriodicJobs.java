package cn.hunan.mma.referral.service;

import cn.hunan.mma.referral.config.ReferralSettings;
import cn.hunan.mma.referral.config.WholeMilliseconds;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs the service's periodic jobs (unused slots to the public, overdue no-shows) on Vert.x timers. A tick is skipped
 * while the job's previous run is still going, so a slow run is never overlapped by the next; a failed run is logged
 * and the job tried again at the next tick. A run that has not ended after {@code mma.referral.job-timeout} is failed
 * (since 2026-11-25 (7)): before, a run stuck for good (a statement waiting on a row lock that a session idle in
 * transaction holds) skipped every later tick, silently. Skipped ticks are logged once per run that causes them.
 */
@ApplicationScoped
public class PeriodicJobs {

    private static final Logger LOG = Logger.getLogger(PeriodicJobs.class);

    private final Vertx vertx;
    private final Duration timeout;
    private final List<Long> timers = new CopyOnWriteArrayList<>();

    @Inject
    public PeriodicJobs(Vertx vertx, ReferralSettings settings) {
        this(vertx, settings.jobTimeout());
    }

    PeriodicJobs(Vertx vertx, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("mma.referral.job-timeout must be positive, was " + timeout);
        }
        this.vertx = vertx;
        this.timeout = timeout;
    }

    /**
     * Runs {@code job} every {@code interval}, the value of {@code setting}; {@code name} says what it does in the log.
     * An interval under 1 ms stops the service naming the setting (since 2026-11-25 (8); Vert.x refused it without).
     */
    public void every(String setting, Duration interval, String name, Supplier<Uni<?>> job) {
        WholeMilliseconds.require(setting, interval);
        AtomicBoolean running = new AtomicBoolean();
        AtomicBoolean skipLogged = new AtomicBoolean();
        timers.add(vertx.setPeriodic(interval.toMillis(), tick -> {
            if (running.compareAndSet(false, true)) {
                skipLogged.set(false);
                onFreshContext(name, job, running);
            } else if (skipLogged.compareAndSet(false, true)) {
                LOG.warnf("%s: the previous run is still going; its ticks are skipped until it ends or fails after %s",
                        name, timeout);
            }
        }));
    }

    // Hibernate Reactive needs a safe duplicated Vert.x context of its own; a timer tick runs on the
    // bare event loop, so each run gets a new one (as Quarkus gives each HTTP request).
    private void onFreshContext(String name, Supplier<Uni<?>> job, AtomicBoolean running) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        // The timeout cancels the run's pipeline; a statement it left waiting in PostgreSQL is bounded there
        // (the no-show transaction's lock_timeout), not here.
        context.runOnContext(ignored -> Uni.createFrom().deferred(job)
                .ifNoItem().after(timeout).failWith(() -> new JobTimedOut(name, timeout))
                .eventually(() -> running.set(false))
                .subscribe().with(done -> { }, failure -> LOG.warnf(failure, "%s failed; retrying at the next tick", name)));
    }

    void stop(@Observes ShutdownEvent stopping) {
        timers.forEach(vertx::cancelTimer);
    }

    /** A run that took longer than the job timeout, failed so that the next tick runs the job again. */
    static final class JobTimedOut extends RuntimeException {
        JobTimedOut(String name, Duration timeout) {
            super(name + " did not end within " + timeout + " (mma.referral.job-timeout)", null, false, false);
        }
    }
}
