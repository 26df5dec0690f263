package cn.hunan.mma.navigation.ranking.rest;

import cn.hunan.mma.navigation.capacity.CapacityView;
import cn.hunan.mma.navigation.ranking.CallerKind;
import cn.hunan.mma.navigation.ranking.CapacityReadings;
import cn.hunan.mma.navigation.ranking.RankingPolicy;
import cn.hunan.mma.navigation.ranking.Recommendation;
import cn.hunan.mma.navigation.ranking.RecommendationRequest;
import cn.hunan.mma.navigation.ranking.Recommender;
import cn.hunan.mma.navigation.ranking.adapters.NavigationSettings;
import cn.hunan.mma.navigation.ranking.adapters.RegistryMatrixHolder;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import cn.hunan.mma.platform.security.Role;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Recommendations at the right level of care (优诊导航): public for patients, and for referring
 * doctors with the slots reserved for referrals. The registry snapshot is read reactively; the
 * synchronous recommender then runs on a worker thread, off the event loop.
 */
@Path("/api/v1/navigation")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final RegistryMatrixHolder matrix;
    private final CapacityView capacity;
    private final PublicRateLimiter rateLimiter;
    private final int slotHorizonDays;

    public RecommendationResource(RegistryMatrixHolder matrix, CapacityView capacity, PublicRateLimiter rateLimiter,
                                  NavigationSettings settings) {
        this.matrix = matrix;
        this.capacity = capacity;
        this.rateLimiter = rateLimiter;
        this.slotHorizonDays = settings.slotHorizonDays();
    }

    @GET
    @Path("/recommendations")
    @PermitAll
    public Uni<Response> forPatients(@BeanParam RecommendationQuery query, @Context HttpServerRequest http) {
        long retryAfter = rateLimiter.retryAfterSeconds(http.remoteAddress().hostAddress());
        if (retryAfter > 0) {
            return Uni.createFrom().item(tooManyRequests(retryAfter));
        }
        return recommend(query.toRequest(CallerKind.PUBLIC));
    }

    @GET
    @Path("/referral-recommendations")
    @RolesAllowed({Role.INSTITUTION_USER_NAME, Role.ALLIANCE_OPERATOR_NAME, Role.CITY_OPERATOR_NAME,
            Role.PROVINCE_ADMIN_NAME})
    public Uni<Response> forReferringDoctors(@BeanParam RecommendationQuery query) {
        return recommend(query.toRequest(CallerKind.REFERRING_DOCTOR));
    }

    private Uni<Response> recommend(RecommendationRequest request) {
        return matrix.current()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(view -> {
                    LocalDate today = LocalDate.now(CHINA);
                    CapacityReadings slots = CapacityReadings.over(capacity, today, today.plusDays(slotHorizonDays - 1L));
                    return answer(new Recommender(view, slots, view, RankingPolicy.DEFAULTS).recommend(request));
                });
    }

    private static Response answer(Recommendation recommendation) {
        if (recommendation instanceof Recommendation.Rejected rejected) {
            return ProblemResponses.of(Problem.of(400, "Bad Request", rejected.message())
                    .withErrors(List.of(new Problem.FieldError(rejected.field(), rejected.reason().name()))));
        }
        List<CandidateView> candidates = ((Recommendation.Ranked) recommendation).candidates().stream()
                .map(CandidateView::of).toList();
        return Response.ok(candidates).build();
    }

    private static Response tooManyRequests(long retryAfterSeconds) {
        return Response.fromResponse(ProblemResponses.of(Problem.of(429, "Too Many Requests",
                        "the public recommendation endpoint allows a limited rate per client; retry later")))
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .build();
    }
}
