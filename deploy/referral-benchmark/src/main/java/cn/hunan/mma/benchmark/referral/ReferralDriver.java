package cn.hunan.mma.benchmark.referral;

import cn.hunan.mma.benchmark.support.HttpConnections;
import cn.hunan.mma.benchmark.support.HttpResponseParser;
import cn.hunan.mma.benchmark.support.OpenLoopSchedule;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
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
 *
 * <p>Calls go over {@link HttpConnections} (keep-alive sockets, one selector thread), not the JDK
 * {@code HttpClient}: the harness shares the box's two vCPUs with the service it measures, and the
 * JDK client cost more CPU per call than the service itself (README, "Where the CPU goes"). Answers
 * are handled on the selector thread, which also sends a flow's next call.
 */
final class ReferralDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpConnections http;
    private final String referrals = "/api/v1/referrals";
    private final Duration timeout;
    private final ReferralPlan plan;
    private final CallRecorder recorder;
    private final ExpectedEvents expected;
    private final InFlightLimit limit;

    /** @param connections the most calls in flight, and so the keep-alive connections opened */
    ReferralDriver(URI baseUrl, Duration timeout, ReferralPlan plan, CallRecorder recorder, ExpectedEvents expected,
                   int connections) throws IOException {
        this.limit = new InFlightLimit(connections, timeout);
        this.http = new HttpConnections(baseUrl, connections, true);
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
        try {
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
            CompletableFuture.allOf(flows.toArray(CompletableFuture[]::new)).get(drainWithin.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the referral flows did not all end within " + drainWithin, e);
        } finally {
            http.close();
        }
    }

    private CompletableFuture<Void> flow(long referral, long dueNanos, boolean measured) {
        ReferralPlan.Planned planned = plan.planned(referral);
        byte[] create = post(referrals, planned.senderToken(), null, planned.createBody());
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
    private CompletableFuture<Optional<Step>> call(CallType type, byte[] request, long startNanos, boolean measured,
                                                   String referralId) {
        return limit.submit(() -> send(request, referralId == null)).handle((answer, error) -> {
            long latency = System.nanoTime() - startNanos;
            if (error != null || answer.failure() != null) {
                String failure = error != null ? failureKind(error) : answer.failure();
                recorder.unanswered(type, measured, failure);
                if (referralId != null && !neverSent(error)) {
                    expected.unanswered(referralId, type); // sent: it may have committed
                }
                return Optional.empty();
            }
            recorder.answered(type, measured, startNanos, latency, answer.status());
            if (!type.succeeded(answer.status())) {
                return Optional.empty();
            }
            String id = referralId != null ? referralId : answer.createdId();
            if (id == null || answer.etag() == null) {
                recorder.failed(type, measured, "answer without referral id or ETag");
                return Optional.empty();
            }
            expected.announced(id, type);
            return Optional.of(new Step(id, answer.etag()));
        });
    }

    /**
     * Sends on a free connection (the in-flight limit guarantees one) and completes with what the
     * flow needs from the answer, copied out on the selector thread before the connection is reused.
     */
    private CompletableFuture<Answer> send(byte[] request, boolean readsCreatedId) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        http.send(http.idle(), request, System.nanoTime() + timeout.toNanos(), (response, failure) -> answer.complete(
                failure != null ? Answer.failed(failure) : new Answer(response.status(), response.header("ETag").orElse(null),
                        readsCreatedId && response.status() / 100 == 2 ? createdId(response) : null, null)));
        return answer;
    }

    private byte[] post(String path, String token, String ifMatch, String body) {
        return http.encode("POST", path, body, "Authorization", "Bearer " + token, "Content-Type", "application/json",
                "If-Match", ifMatch);
    }

    private String action(String referralId, String action) {
        return referrals + "/" + referralId + "/" + action;
    }

    private static String createdId(HttpResponseParser response) {
        try {
            String id = JSON.readTree(response.body()).path("referralId").asText(null);
            return id == null || id.isBlank() ? null : id;
        } catch (IOException e) {
            return null;
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** Waited too long for a connection: the call never left the harness, so it cannot have committed. */
    private static boolean neverSent(Throwable error) {
        return error != null && unwrap(error) instanceof InFlightLimit.NoFreeConnection;
    }

    private static String failureKind(Throwable error) {
        return neverSent(error) ? "timeout (no free connection)" : unwrap(error).getClass().getSimpleName();
    }

    private static CompletableFuture<Optional<Step>> done() {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /** What a call's answer told the flow: status, ETag, the created referral's id; or the failure of a sent call. */
    private record Answer(int status, String etag, String createdId, String failure) {
        static Answer failed(String failure) {
            return new Answer(-1, null, null, failure);
        }
    }

    private record Step(String referralId, String etag) {
    }
}
