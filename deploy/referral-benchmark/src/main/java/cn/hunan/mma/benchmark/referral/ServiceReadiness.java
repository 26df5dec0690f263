package cn.hunan.mma.benchmark.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * The service reads the matrix and the capacity topic after it reports ready; the load starts only
 * once both are in: a probe referral is accepted (not 422 unknown institution), and every seeded
 * pool shows its reserved slots.
 */
final class ServiceReadiness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(250);

    private final HttpClient http;
    private final URI baseUrl;
    private final Duration within;

    ServiceReadiness(HttpClient http, URI baseUrl, Duration within) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.within = within;
    }

    /** Creates one probe referral (its events are not counted: its id is never announced to the check). */
    void awaitMatrix(ReferralPlan.Planned probe) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        HttpRequest create = HttpRequest.newBuilder(baseUrl.resolve("/api/v1/referrals")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + probe.senderToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(probe.createBody())).build();
        HttpResponse<String> last = null;
        while (System.nanoTime() - deadline < 0) {
            last = http.send(create, HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() == 201) {
                return;
            }
            if (last.statusCode() != 422) {
                throw new IllegalStateException("the probe referral answered " + last.statusCode() + ": " + last.body());
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("the matrix was not loaded within " + within + "; last answer: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    void awaitReservedPools(ReferralRoutes routes, ReferralPlan plan, LocalDate sessionDate, int reservedPerPool)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        for (ReferralRoutes.Pool pool : routes.pools()) {
            HttpRequest read = HttpRequest.newBuilder(baseUrl.resolve("/api/v1/reserved-capacity/institutions/"
                            + pool.institutionId() + "/departments/" + pool.departmentId())).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + plan.tokenOf(pool.institutionId())).GET().build();
            while (reserved(http.send(read, HttpResponse.BodyHandlers.ofString()), sessionDate) < reservedPerPool) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("the reserved pool of " + pool + " was not loaded within " + within);
                }
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            }
        }
    }

    private static int reserved(HttpResponse<String> answer, LocalDate sessionDate) throws IOException {
        if (answer.statusCode() != 200) {
            return -1;
        }
        for (JsonNode session : JSON.readTree(answer.body()).path("sessions")) {
            if (sessionDate.toString().equals(session.path("date").asText())) {
                return session.path("reserved").asInt();
            }
        }
        return 0;
    }
}
