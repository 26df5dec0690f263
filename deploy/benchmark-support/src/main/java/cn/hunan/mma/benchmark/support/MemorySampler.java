package cn.hunan.mma.benchmark.support;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Samples a process's {@code VmRSS} on a thread of its own and keeps the largest sample. */
public final class MemorySampler implements AutoCloseable {

    private final long pid;
    private final Duration every;
    private volatile boolean running = true;
    private volatile long maxRssKib;
    private final Thread thread;

    public MemorySampler(long pid, Duration every) {
        this.pid = pid;
        this.every = every;
        this.thread = new Thread(this::sample, "rss-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void sample() {
        while (running) {
            ProcessMemory.of(pid).ifPresent(memory -> maxRssKib = Math.max(maxRssKib, memory.rssKib()));
            try {
                TimeUnit.MILLISECONDS.sleep(every.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling; the largest VmRSS seen, in KiB. */
    public long stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        return maxRssKib;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
