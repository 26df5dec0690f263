package cn.hunan.mma.benchmark.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures how long a capacity event takes from the producer's send to the capacity API: one
 * {@link BedProbe} at a time, on departments the background stream leaves alone, each polled every
 * {@code pollInterval} until its figures show (the lag includes up to one poll interval and one
 * API round trip) or {@code giveUpAfter} passes (counted as not visible).
 */
public final class FreshnessProber implements AutoCloseable {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CapacityPublisher publisher;
    private final HttpClient http;
    private final URI baseUrl;
    private final String bearerToken;
    private final List<DepartmentCapacity> departments;
    private final Duration pollInterval;
    private final Duration pause;
    private final Duration giveUpAfter;
    private final Histogram lagMicros = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    private volatile boolean running;
    // System.nanoTime() from which probes count; none until measureFromNow (they only warm the path).
    private volatile long measuredFrom = Long.MAX_VALUE;
    private Thread thread;
    private long invisible;
    private long pollErrors;

    public FreshnessProber(CapacityPublisher publisher, HttpClient http, URI baseUrl, String bearerToken,
                           List<DepartmentCapacity> departments, Duration pollInterval, Duration pause, Duration giveUpAfter) {
        this.publisher = publisher;
        this.http = http;
        this.baseUrl = baseUrl;
        this.bearerToken = bearerToken;
        this.departments = List.copyOf(departments);
        this.pollInterval = pollInterval;
        this.pause = pause;
        this.giveUpAfter = giveUpAfter;
    }

    /**
     * Starts probing, counting nothing yet: started with the warm-up, the probes' own path through
     * the service (the capacity API, its security and JSON) is compiled before the measured window,
     * as the recommendations' is. Without it the first measured seconds paid for that JIT work.
     */
    public synchronized void start() {
        running = true;
        thread = new Thread(this::probeUntilStopped, "freshness-prober");
        thread.setDaemon(true);
        thread.start();
    }

    /** Counts the probes sent from now on (and only those). */
    public void measureFromNow() {
        measuredFrom = System.nanoTime();
    }

    /** Stops after the probe in flight and returns the lags measured. */
    public synchronized Result stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join();
        }
        return new Result(lagMicros.copy(), invisible, pollErrors);
    }

    /**
     * @param lagMicros  produce → visible, one value per probe that became visible
     * @param invisible  probes not visible within the give-up time
     * @param pollErrors polls answered with something other than 200 or 404, or not at all
     */
    public record Result(Histogram lagMicros, long invisible, long pollErrors) {
    }

    private void probeUntilStopped() {
        for (int sequence = 1; running; sequence++) {
            BedProbe probe = new BedProbe(departments.get(sequence % departments.size()), sequence);
            try {
                probe(probe);
                TimeUnit.NANOSECONDS.sleep(pause.toNanos());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void probe(BedProbe probe) throws InterruptedException {
        HttpRequest poll = HttpRequest.newBuilder(baseUrl.resolve(path(probe)))
                .header("Authorization", "Bearer " + bearerToken).timeout(Duration.ofSeconds(2)).GET().build();
        long sentAt = System.nanoTime();
        boolean counted = sentAt - measuredFrom >= 0;
        publisher.send(probe.report(Clock.systemUTC().instant()));
        long deadline = sentAt + giveUpAfter.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (visible(probe, poll, counted)) {
                if (counted) {
                    lagMicros.recordValue((System.nanoTime() - sentAt) / 1000);
                }
                return;
            }
            TimeUnit.NANOSECONDS.sleep(pollInterval.toNanos());
        }
        if (counted) {
            invisible++;
        }
    }

    private boolean visible(BedProbe probe, HttpRequest poll, boolean counted) throws InterruptedException {
        try {
            HttpResponse<String> answer = http.send(poll, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                return probe.visibleIn(JSON.readTree(answer.body()));
            }
            if (answer.statusCode() != 404 && counted) {
                pollErrors++;
            }
        } catch (IOException e) {
            if (counted) {
                pollErrors++;
            }
        }
        return false;
    }

    private static String path(BedProbe probe) {
        String today = LocalDate.now(CHINA).toString();
        return "/api/v1/capacity/institutions/" + probe.department().institutionId() + "/departments/"
                + probe.department().departmentId() + "?from=" + today + "&to=" + today;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
