package cn.hunan.mma.benchmark.load;

import cn.hunan.mma.benchmark.support.HttpConnections;
import cn.hunan.mma.benchmark.support.OpenLoopSchedule;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Sends the planned queries round-robin on an {@link OpenLoopSchedule}: one thread writes each
 * request on a free keep-alive connection at its due time and never waits for answers (they are
 * read by {@link HttpConnections}' selector thread), so a slow server cannot slow the offered load.
 * Each answer is charged from its due time.
 *
 * <p>At most {@code connections} requests are in flight (HTTP/1.1: one per connection), as a
 * browser fleet behind a proxy or wrk's fixed connections would: without a cap, an overloaded
 * server makes the client open a connection per waiting request until one side runs out of memory.
 * A request that waits for a connection keeps its due time, so the wait is charged to it; one that
 * cannot get a connection before its timeout is counted as {@link Outcome#QUEUED_TOO_LONG}.
 */
public final class LoadGenerator implements AutoCloseable {

    /** Parking for less than this overshoots more than it saves: send a little early instead. */
    private static final long MIN_PARK_NANOS = 50_000;
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final HttpConnections client;
    private final List<byte[]> requests;
    private final Duration timeout;
    private final Consumer<String> progress;
    private final Semaphore connections;

    private final Recorder measured = new Recorder(HIGHEST_MICROS, 3);
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final LongAdder emptyRankings = new LongAdder();
    private final AtomicLong outstanding = new AtomicLong();
    private final LongAdder completed = new LongAdder();
    private final LongAdder bodyBytes = new LongAdder();

    public LoadGenerator(URI baseUrl, List<PlannedQuery> queries, Duration timeout, int connections,
                         Consumer<String> progress) throws IOException {
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("no queries to send");
        }
        this.client = new HttpConnections(baseUrl, connections, false);
        this.timeout = timeout;
        this.progress = progress;
        this.connections = new Semaphore(connections);
        this.requests = queries.stream().map(this::encode).toList();
    }

    /** The request's bytes, built once per planned query. */
    private byte[] encode(PlannedQuery query) {
        return client.encode("GET", query.pathAndQuery(), null, "Accept", "application/json",
                "Authorization", query.bearerToken().map(token -> "Bearer " + token).orElse(null));
    }

    public LoadResult run(OpenLoopSchedule schedule) throws InterruptedException {
        Histogram total = new Histogram(HIGHEST_MICROS, 3);
        long maxLag = 0;
        long nextProgress = schedule.startNanos() + PROGRESS_EVERY.toNanos();
        for (long i = 0; i < schedule.totalRequests(); i++) {
            long due = schedule.dueNanos(i);
            long now = System.nanoTime();
            while (due - now > MIN_PARK_NANOS) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            maxLag = Math.max(maxLag, now - due);
            send(requests.get((int) (i % requests.size())), due, schedule.measured(i));
            if (now - nextProgress > 0) {
                report(schedule, now, total);
                nextProgress += PROGRESS_EVERY.toNanos();
            }
        }
        awaitOutstanding();
        total.add(measured.getIntervalHistogram());
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
        long answered = counts.getOrDefault(Outcome.OK, 0L);
        return new LoadResult(schedule.perSecond(), schedule.measuredSeconds(), schedule.measuredRequests(),
                counts.values().stream().mapToLong(Long::longValue).sum(), counts, emptyRankings.sum(),
                answered == 0 ? 0 : bodyBytes.sum() / answered, TimeUnit.NANOSECONDS.toMicros(maxLag), LoadResult.encode(total));
    }

    private void send(byte[] request, long due, boolean measure) throws InterruptedException {
        if (!connections.tryAcquire(due + timeout.toNanos() - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            record(measure, due, Outcome.QUEUED_TOO_LONG, -1);
            completed.increment();
            return;
        }
        outstanding.incrementAndGet();
        // A permit means a connection is idle: each goes back to the idle queue before its permit is released.
        HttpConnections.Connection connection = client.idle();
        // As before with java.net.http: the response's timeout runs from the send (the wait for a
        // connection had its own), so runs stay comparable.
        client.send(connection, request, System.nanoTime() + timeout.toNanos(), (response, failure) -> {
            record(measure, due, failure == null ? Outcome.ofStatus(response.status()) : failure,
                    failure == null ? response.bodyBytes() : -1);
            completed.increment();
            outstanding.decrementAndGet();
            connections.release(); // last: the next request may take the connection at once
        });
    }

    private void record(boolean measure, long due, String outcome, long bytes) {
        if (!measure) {
            return;
        }
        measured.recordValue(Math.min((System.nanoTime() - due) / 1000, HIGHEST_MICROS));
        outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
        if (Outcome.OK.equals(outcome)) {
            bodyBytes.add(bytes);
            if (bytes <= 2) {
                emptyRankings.increment();
            }
        }
    }

    private void report(OpenLoopSchedule schedule, long now, Histogram total) {
        Histogram interval = measured.getIntervalHistogram();
        total.add(interval);
        double elapsed = (now - schedule.startNanos()) / 1e9;
        progress.accept(String.format("[load] %5.0f s  completed %,d  in flight %,d  last 5 s: p50 %.2f ms  p99 %.2f ms  max %.2f ms",
                elapsed, completed.sum(), outstanding.get(), interval.getValueAtPercentile(50) / 1000.0,
                interval.getValueAtPercentile(99) / 1000.0, interval.getMaxValue() / 1000.0));
    }

    /** Every request ends by its timeout at the latest; a little grace for the client's own bookkeeping. */
    private void awaitOutstanding() throws InterruptedException {
        long deadline = System.nanoTime() + timeout.plusSeconds(5).toNanos();
        while (outstanding.get() > 0 && System.nanoTime() - deadline < 0) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    @Override
    public void close() throws InterruptedException {
        client.close();
    }
}
