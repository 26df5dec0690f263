package cn.hunan.mma.navigation.ranking.adapters;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs a piece of work one at a time, coalescing requests: a request made while the work runs is
 * served by one more run after it, however many such requests arrive. Each request's future
 * completes when a run that started after the request has finished.
 */
final class SingleFlight {

    private final Executor executor;
    private final Runnable work;
    // Guarded by this: the future of requests not yet served by a started run, and whether a run is under way.
    private CompletableFuture<Void> waiting;
    private boolean running;

    SingleFlight(Executor executor, Runnable work) {
        this.executor = executor;
        this.work = work;
    }

    synchronized CompletableFuture<Void> request() {
        if (waiting == null) {
            waiting = new CompletableFuture<>();
            if (!running) {
                running = true;
                executor.execute(this::runOnce);
            }
        }
        return waiting;
    }

    private void runOnce() {
        CompletableFuture<Void> serving;
        synchronized (this) {
            serving = waiting;
            waiting = null;
        }
        try {
            work.run();
        } finally {
            serving.complete(null);
            synchronized (this) {
                if (waiting != null) {
                    executor.execute(this::runOnce);
                } else {
                    running = false;
                }
            }
        }
    }
}
