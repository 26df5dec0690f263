package cn.hunan.mma.benchmark.settlement;

import cn.hunan.mma.simulator.matrix.Alliance;
import cn.hunan.mma.simulator.matrix.HospitalMatrix;
import cn.hunan.mma.simulator.matrix.Institution;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Closes one period of every close-knit alliance through the service's API, a few at a time, and
 * times the whole: the period close of §6. By default each request carries the package, the
 * baseline referral rate and the members' scores, and the service works out the rest from what it
 * holds (members' levels and fund-contribution bases, tertiary partners and their kept-in-area
 * cases, actual spend, current referral rate); with {@code --given-close-inputs} the request gives
 * them all (base = the population a member serves). The service freezes the inputs with the area's
 * rules, distributes, posts the ledger and publishes through the outbox.
 */
final class PeriodCloses {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The wall time of the whole, and each close's own time in milliseconds. */
    record Result(int closed, int failed, double seconds, List<Long> millis, String firstFailure) {
    }

    private final HttpClient http;
    private final URI baseUrl;
    private final String officerToken;
    private final HospitalMatrix matrix;
    private final long seed;
    private final boolean derived;

    /** @param derived the body leaves out what the service works out (see {@link #body}); else it gives every input */
    PeriodCloses(HttpClient http, URI baseUrl, String officerToken, HospitalMatrix matrix, long seed, boolean derived) {
        this.derived = derived;
        this.http = http;
        this.baseUrl = baseUrl;
        this.officerToken = officerToken;
        this.matrix = matrix;
        this.seed = seed;
    }

    Result closeAll(List<Alliance> alliances, String period, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            long started = System.nanoTime();
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            List<Long> millis = java.util.Collections.synchronizedList(new ArrayList<>());
            for (Alliance alliance : alliances) {
                String body = body(alliance);
                answers.add(pool.submit(() -> {
                    long one = System.nanoTime();
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                    baseUrl.resolve("/api/v1/settlements/" + alliance.id() + "/" + period + "/close"))
                            .header("Authorization", "Bearer " + officerToken).header("Content-Type", "application/json")
                            .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    millis.add((System.nanoTime() - one) / 1_000_000);
                    return answer;
                }));
            }
            int closed = 0;
            int failed = 0;
            String firstFailure = null;
            for (int i = 0; i < answers.size(); i++) {
                String failure;
                try {
                    HttpResponse<String> answer = answers.get(i).get();
                    failure = answer.statusCode() / 100 == 2 ? null : answer.statusCode() + " " + answer.body();
                } catch (ExecutionException e) {
                    // A close that times out (or cannot connect) is a failed close in the table, not a crashed run.
                    failure = e.getCause().toString();
                }
                if (failure == null) {
                    closed++;
                } else {
                    failed++;
                    if (firstFailure == null) {
                        firstFailure = alliances.get(i).id() + ": " + failure;
                    }
                }
            }
            return new Result(closed, failed, (System.nanoTime() - started) / 1e9, List.copyOf(millis), firstFailure);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A mid-year close: the package is given (a year-end close would freeze the approved budget). */
    String body(Alliance alliance) throws Exception {
        SplittableRandom random = new SplittableRandom(seed ^ alliance.id().hashCode());
        ObjectNode body = JSON.createObjectNode();
        body.put("divisionCode", alliance.coveredDivisions().isEmpty()
                ? matrix.institution(alliance.leadId()).orElseThrow().countyCode() : alliance.coveredDivisions().get(0));
        // About ¥1m of half-year package per member; actual spend from 8% under to 8% over it.
        long packageYuan = 1_000_000L * alliance.memberIds().size();
        long actualYuan = Math.round(packageYuan * (0.92 + 0.16 * random.nextDouble()));
        body.put("packageTotal", packageYuan + ".00");
        body.put("allianceScore", BigDecimal.valueOf(70 + random.nextInt(30)));
        body.put("specialCircumstance", false);
        body.put("baselineReferralRate", new BigDecimal("0.15"));
        ArrayNode members = body.putArray("members");
        if (derived) {
            // What an officer sends once the service holds the rest: the scores (the benchmark publishes none to the
            // scores topic); the members' levels and bases, the partners and their kept-in-area cases, the actual
            // spend and the current referral rate are worked out from the matrix and the settled cases.
            for (String memberId : alliance.memberIds()) {
                members.addObject().put("institutionId", memberId).put("score", BigDecimal.valueOf(6000 + random.nextInt(3900), 2));
            }
            return JSON.writeValueAsString(body);
        }
        body.put("actualSpend", actualYuan + ".00");
        for (String memberId : alliance.memberIds()) {
            Institution member = matrix.institution(memberId).orElseThrow();
            members.addObject().put("institutionId", memberId)
                    .put("base", BigDecimal.valueOf(Math.max(1, member.servedPopulation())))
                    .put("score", BigDecimal.valueOf(6000 + random.nextInt(3900), 2))
                    .put("primaryLevel", member.level().isPrimaryCare());
        }
        ArrayNode partners = body.putArray("tertiaryPartners");
        for (String partner : alliance.collaboratingTertiaryIds()) {
            partners.addObject().put("institutionId", partner).put("keptInAreaCases", 50 + random.nextInt(500));
        }
        body.put("currentReferralRate", BigDecimal.valueOf(900 + random.nextInt(600), 4));
        return JSON.writeValueAsString(body);
    }
}
