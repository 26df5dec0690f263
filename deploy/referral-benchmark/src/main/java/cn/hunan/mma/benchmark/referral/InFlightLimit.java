package cn.hunan.mma.benchmark.referral;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@code limit} calls in flight; the rest wait in arrival order, without blocking a thread.
 * With one keep-alive connection per call in flight this is also the number of connections, as a
 * browser fleet or a gateway would hold: a slow service is not hit by a storm of new connections. Time spent waiting here counts in the call's latency (open loop); a call that waits
 * longer than the call timeout is never sent and fails with {@link NoFreeConnection}.
 */
final class InFlightLimit {

    private final int limit;
    private final long maxWaitNanos;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    /** A call that waited for a free connection longer than the call timeout. */
    static final class NoFreeConnection extends TimeoutException {
        NoFreeConnection() {
            super("no free connection");
        }
    }

    InFlightLimit(int limit, Duration maxWait) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one call must be allowed in flight");
        }
        this.limit = limit;
        this.maxWaitNanos = maxWait.toNanos();
    }

    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        long queuedAt = System.nanoTime();
        waiting.add(() -> (System.nanoTime() - queuedAt > maxWaitNanos
                ? CompletableFuture.<T>failedFuture(new NoFreeConnection()) : call.get()).whenComplete((value, error) -> {
            inFlight.decrementAndGet();
            startWaiting();
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        }));
        startWaiting();
        return result;
    }

    int inFlight() {
        return inFlight.get();
    }

    private void startWaiting() {
        while (true) {
            int current = inFlight.get();
            if (current >= limit || waiting.isEmpty()) {
                return;
            }
            if (!inFlight.compareAndSet(current, current + 1)) {
                continue;
            }
            Runnable next = waiting.poll();
            if (next == null) {
                inFlight.decrementAndGet();
                // another thread took it; a call may have been queued meanwhile
                if (waiting.isEmpty()) {
                    return;
                }
                continue;
            }
            next.run();
        }
    }
}
