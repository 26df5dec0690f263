package cn.hunan.mma.benchmark.support;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a run started, stopped last-first (the load before the service, the service before its
 * servers), once. Ctrl-C closes it from a shutdown hook while the run may still be starting
 * things: whatever is remembered after that is stopped at once and the run is told to give up.
 */
public final class Resources implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private boolean closed;

    public <T extends AutoCloseable> T remember(T resource) {
        synchronized (this) {
            if (!closed) {
                started.push(resource);
                return resource;
            }
        }
        stop(resource);
        throw new IllegalStateException("stopping: the benchmark was interrupted");
    }

    @Override
    public void close() {
        while (true) {
            AutoCloseable next;
            synchronized (this) {
                closed = true;
                next = started.poll();
            }
            if (next == null) {
                return;
            }
            stop(next);
        }
    }

    private static void stop(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("[benchmark] while stopping: " + e);
        }
    }
}
