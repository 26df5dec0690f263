package cn.hunan.mma.navigation.ranking.adapters;

import cn.hunan.mma.navigation.registry.domain.RegistryChanged;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the registry snapshot the recommender reads. Requests only read the current reference;
 * they never load. The snapshot is loaded at start-up (readiness stays down until then), after
 * this instance committed an import or an operator's edit ({@link RegistryChanged}, fired
 * asynchronously: the import or edit answers once its change is visible), and every
 * {@code mma.navigation.matrix-refresh-every} as a safety net for changes made by other instances.
 *
 * <p>Single flight: loads run one at a time on one dedicated thread, and requests arriving while
 * one runs are coalesced into the next load, so a burst of edits costs at most two loads.
 */
@ApplicationScoped
public class RegistryMatrixHolder {

    private static final Logger LOG = Logger.getLogger(RegistryMatrixHolder.class);
    /** The first retry after a failed load while no snapshot exists yet; doubled per failure up to {@link #RETRY_AT_MOST}. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration RETRY_AT_MOST = Duration.ofMinutes(1);

    private final RegistryMatrixLoader loader;
    private final Duration refreshEvery;
    private final AtomicReference<RegistryMatrixView> latest = new AtomicReference<>();
    private final SingleFlight refreshes;
    // Only the loading thread touches it.
    private Duration nextRetry = FIRST_RETRY;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread loading = new Thread(runnable, "registry-snapshot-loader");
        loading.setDaemon(true);
        return loading;
    });

    public RegistryMatrixHolder(RegistryMatrixLoader loader, NavigationSettings settings) {
        this.loader = loader;
        this.refreshEvery = settings.matrixRefreshEvery();
        this.refreshes = new SingleFlight(thread, this::reload);
    }

    /** The snapshot to read; empty only until the first load at start-up has finished. */
    public Optional<RegistryMatrixView> current() {
        return Optional.ofNullable(latest.get());
    }

    void loadAtStart(@Observes StartupEvent started) {
        refreshes.request();
        thread.scheduleWithFixedDelay(refreshes::request, refreshEvery.toMillis(), refreshEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        thread.shutdownNow();
    }

    /**
     * Returns once a load that started after the change has finished, so the change is visible when
     * the import or edit answers. Blocking is fine here: asynchronous observers run on a worker.
     */
    void registryChanged(@ObservesAsync RegistryChanged changed) {
        refreshes.request().join();
    }

    private void reload() {
        try {
            long started = System.nanoTime();
            RegistryMatrixView view = loader.load();
            latest.set(view);
            nextRetry = FIRST_RETRY;
            LOG.debugf("registry snapshot loaded: %d institutions in %d ms", view.institutionCount(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            if (latest.get() != null) {
                // The previous snapshot stays in use; the next change or the timer tries again.
                LOG.errorf(e, "loading the registry snapshot failed; keeping the previous one");
                return;
            }
            // Nothing to serve yet (e.g. the database was not up at start-up): retry soon rather
            // than leave recommendations at 503 until the refresh timer, backing off while it fails.
            LOG.errorf(e, "loading the registry snapshot failed; retrying in %d s", nextRetry.toSeconds());
            retryLater(nextRetry);
            nextRetry = nextRetry.multipliedBy(2).compareTo(RETRY_AT_MOST) > 0 ? RETRY_AT_MOST : nextRetry.multipliedBy(2);
        }
    }

    private void retryLater(Duration delay) {
        try {
            thread.schedule(refreshes::request, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // shutting down: nothing to retry for
        }
    }

    /** Answers readiness: recommendations can be served once a snapshot exists. */
    public boolean loaded() {
        return latest.get() != null;
    }
}
