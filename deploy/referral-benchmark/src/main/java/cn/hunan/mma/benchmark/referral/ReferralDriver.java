package cn.hunan.mma.benchmark.referral;

import cn.hunan.mma.benchmark.support.OpenLoopSchedule;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives create → accept → schedule open loop: referral {@code i} is created at its due time
 * whatever happened to earlier ones, and its create latency counts from that due time (no
 * coordinated omission). Accept follows the create's answer, schedule the accept's, each timed
 * from its own send, each with the {@code If-Match} of the answer before.
 */
final class ReferralDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI referrals;
    private final Duration timeout;
    private final ReferralPlan plan;
    private final CallRecorder recorder;
    private final ExpectedEvents expected;
    private final InFlightLimit limit;

    ReferralDriver(HttpClient http, URI baseUrl, Duration timeout, ReferralPlan plan, CallRecorder recorder,
                   ExpectedEvents expected, int connections) {
        this.limit = new InFlightLimit(connections, timeout);
        this.http = http;
        this.referrals = baseUrl.resolve("/api/v1/referrals");
        this.timeout = timeout;
        this.plan = plan;
        this.recorder = recorder;
        this.expected = expected;
    }

    /**
     * Sends every referral of the schedule at its due time, then waits for every flow to end.
     *
     * @param atMeasuredStart runs on the sending thread when the first measured referral is due
     */
    void run(OpenLoopSchedule schedule, Duration drainWithin, Runnable atMeasuredStart) throws InterruptedException {
        List<CompletableFuture<Void>> flows = new ArrayList<>((int) schedule.totalRequests());
        for (long i = 0; i < schedule.totalRequests(); i++) {
            if (i == schedule.warmupRequests()) {
                atMeasuredStart.run();
            }
            long due = schedule.dueNanos(i);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            flows.add(flow(i, due, schedule.measured(i)));
        }
        try {
            CompletableFuture.allOf(flows.toArray(CompletableFuture[]::new)).get(drainWithin.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the referral flows did not all end within " + drainWithin, e);
        }
    }

    private CompletableFuture<Void> flow(long referral, long dueNanos, boolean measured) {
        ReferralPlan.Planned planned = plan.planned(referral);
        HttpRequest create = post(referrals, planned.senderToken(), null, planned.createBody());
        return call(CallType.CREATE, create, dueNanos, measured, null)
                .thenCompose(created -> created.map(step -> call(CallType.ACCEPT,
                        post(action(step.referralId(), "accept"), planned.receiverToken(), step.etag(), "{}"),
                        System.nanoTime(), measured, step.referralId())).orElse(done()))
                .thenCompose(accepted -> accepted.map(step -> call(CallType.SCHEDULE,
                        post(action(step.referralId(), "schedule"), planned.receiverToken(), step.etag(), planned.scheduleBody()),
                        System.nanoTime(), measured, step.referralId())).orElse(done()))
                .thenAccept(scheduled -> { });
    }

    /** One call; the step it leads to (referral id and the new ETag), or empty if it failed. */
    private CompletableFuture<Optional<Step>> call(CallType type, HttpRequest request, long startNanos, boolean measured,
                                                   String referralId) {
        return limit.submit(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())).handle((response, error) -> {
            long latency = System.nanoTime() - startNanos;
            if (error != null) {
                recorder.unanswered(type, measured, failureKind(error));
                if (referralId != null && !(unwrap(error) instanceof InFlightLimit.NoFreeConnection)) {
                    expected.unanswered(referralId, type); // sent: it may have committed
                }
                return Optional.empty();
            }
            recorder.answered(type, measured, latency, response.statusCode());
            if (!type.succeeded(response.statusCode())) {
                return Optional.empty();
            }
            String id = referralId != null ? referralId : createdId(response);
            Optional<String> etag = response.headers().firstValue("ETag");
            if (id == null || etag.isEmpty()) {
                recorder.failed(type, measured, "answer without referral id or ETag");
                return Optional.empty();
            }
            expected.announced(id, type);
            return Optional.of(new Step(id, etag.get()));
        });
    }

    private HttpRequest post(URI uri, String token, String ifMatch, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return builder.build();
    }

    private URI action(String referralId, String action) {
        return URI.create(referrals + "/" + referralId + "/" + action);
    }

    private static String createdId(HttpResponse<String> response) {
        try {
            String id = JSON.readTree(response.body()).path("referralId").asText(null);
            return id == null || id.isBlank() ? null : id;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static String failureKind(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof InFlightLimit.NoFreeConnection) {
            return "timeout (no free connection)";
        }
        return cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName();
    }

    private static CompletableFuture<Optional<Step>> done() {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    private record Step(String referralId, String etag) {
    }
}
