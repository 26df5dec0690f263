package cn.hunan.mma.navigation.ranking.rest;

import cn.hunan.mma.navigation.capacity.CapacityView;
import cn.hunan.mma.navigation.ranking.CapacityReadings;
import cn.hunan.mma.navigation.ranking.RankingPolicy;
import cn.hunan.mma.navigation.ranking.Recommendation;
import cn.hunan.mma.navigation.ranking.RecommendationRequest;
import cn.hunan.mma.navigation.ranking.Recommender;
import cn.hunan.mma.navigation.ranking.adapters.NavigationSettings;
import cn.hunan.mma.navigation.ranking.adapters.RegistryMatrixHolder;
import cn.hunan.mma.navigation.ranking.adapters.RegistryMatrixView;
import cn.hunan.mma.platform.rest.Problem;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * What both recommendation endpoints answer, whichever HTTP layer serves them
 * ({@link RecommendationRoutes} or {@link RecommendationResource}): the ranking as JSON bytes, or
 * the refusal as a problem. Rate limiting of the public endpoint is here too, so both layers limit
 * alike. Query parameters are parsed before this ({@link RecommendationQuery}); their errors are the
 * caller's to turn into problems.
 */
@Singleton
public class RecommendationAnswers {

    /**
     * The answer: either the ranking's JSON or a problem, with Retry-After seconds when there is one
     * (else 0). The JSON is in a pooled direct buffer that belongs to whoever takes the answer, who
     * releases it exactly once: by writing it ({@link RecommendationRoutes}) or through {@link #takeBytes()}.
     */
    public record Answer(ByteBuf json, Problem problem, long retryAfterSeconds) {

        static Answer ranking(ByteBuf json) {
            return new Answer(json, null, 0);
        }

        /** The JSON as an array of its own, the buffer released: for a caller that needs an array. */
        byte[] takeBytes() {
            try {
                return ByteBufUtil.getBytes(json);
            } finally {
                json.release();
            }
        }

        static Answer refusal(Problem problem, long retryAfterSeconds) {
            return new Answer(null, problem, retryAfterSeconds);
        }
    }

    private final RegistryMatrixHolder matrix;
    private final CapacityView capacity;
    private final PublicRateLimiter rateLimiter;
    private final int slotHorizonDays;

    public RecommendationAnswers(RegistryMatrixHolder matrix, CapacityView capacity, PublicRateLimiter rateLimiter,
                                 NavigationSettings settings) {
        this.matrix = matrix;
        this.capacity = capacity;
        this.rateLimiter = rateLimiter;
        this.slotHorizonDays = settings.slotHorizonDays();
    }

    /** The public endpoint's refusal for this client address, if its bucket is empty. */
    Optional<Answer> rateLimited(String clientAddress) {
        long retryAfter = rateLimiter.retryAfterSeconds(clientAddress);
        return retryAfter > 0
                ? Optional.of(Answer.refusal(Problem.of(429, "Too Many Requests",
                        "the public recommendation endpoint allows a limited rate per client; retry later"), retryAfter))
                : Optional.empty();
    }

    /** Ranks for the request; a refusal when the registry has not loaded yet or the request cannot be answered. */
    Answer answer(RecommendationRequest request, int limit) {
        Optional<RegistryMatrixView> loaded = matrix.current();
        if (loaded.isEmpty()) {
            return Answer.refusal(Problem.of(503, "Service Unavailable",
                    "the registry is still loading after start-up; retry shortly"), 1);
        }
        RegistryMatrixView view = loaded.get();
        CapacityReadings slots = CapacityReadings.ahead(capacity, slotHorizonDays);
        return rank(view, slots, request, limit);
    }

    /**
     * The ranking over one registry snapshot and the live slots: what both endpoints answer once the
     * snapshot is there. Static so the recommendation-path harness measures exactly this.
     */
    static Answer rank(RegistryMatrixView view, CapacityReadings slots, RecommendationRequest request, int limit) {
        RankingJson json = RankingJson.start();
        Optional<Recommendation.Rejected> rejected = new Recommender(view, slots, view, RankingPolicy.DEFAULTS)
                .recommend(request, limit, json);
        if (rejected.isPresent()) {
            return Answer.refusal(RefusedParameters.problem(rejected.get()), 0);
        }
        return Answer.ranking(json.finishPooled());
    }
}
