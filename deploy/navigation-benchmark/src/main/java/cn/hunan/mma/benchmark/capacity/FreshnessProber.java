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

    public synchronized void start() {
        running = true;
        thread = new Thread(this::probeUntilStopped, "freshness-prober");
        thread.setDaemon(true);
        thread.start();
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
        publisher.send(probe.report(Clock.systemUTC().instant()));
        long deadline = sentAt + giveUpAfter.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (visible(probe, poll)) {
                lagMicros.recordValue((System.nanoTime() - sentAt) / 1000);
                return;
            }
            TimeUnit.NANOSECONDS.sleep(pollInterval.toNanos());
        }
        invisible++;
    }

    private boolean visible(BedProbe probe, HttpRequest poll) throws InterruptedException {
        try {
            HttpResponse<String> answer = http.send(poll, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                return probe.visibleIn(JSON.readTree(answer.body()));
            }
            if (answer.statusCode() != 404) {
                pollErrors++;
            }
        } catch (IOException e) {
            pollErrors++;
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
