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
import cn.hunan.mma.navigation.ranking.adapters.RegistryMatrixView;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import cn.hunan.mma.platform.security.Role;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;


import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Recommendations at the right level of care (优诊导航): public for patients, and for referring
 * doctors with the slots reserved for referrals.
 *
 * <p>Served on the event loop: a request only reads the registry snapshot already in memory and
 * the live capacity view, and scores tens of departments near the patient (well under a
 * millisecond), so a hop to a worker thread would cost more than it protects. Before the first
 * snapshot has loaded (start-up; readiness is down meanwhile) the answer is 503.
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
    @NonBlocking
    @APIResponse(responseCode = "200", description = "the ranking, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CandidateView.class)))
    public byte[] forPatients(@BeanParam RecommendationQuery query, @Context HttpServerRequest http) {
        long retryAfter = rateLimiter.retryAfterSeconds(http.remoteAddress().hostAddress());
        if (retryAfter > 0) {
            throw new WebApplicationException(tooManyRequests(retryAfter));
        }
        return recommend(query.toRequest(CallerKind.PUBLIC), query.limit());
    }

    @GET
    @Path("/referral-recommendations")
    @RolesAllowed({Role.INSTITUTION_USER_NAME, Role.ALLIANCE_OPERATOR_NAME, Role.CITY_OPERATOR_NAME,
            Role.PROVINCE_ADMIN_NAME})
    @NonBlocking
    @APIResponse(responseCode = "200", description = "the ranking, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CandidateView.class)))
    public byte[] forReferringDoctors(@BeanParam RecommendationQuery query) {
        return recommend(query.toRequest(CallerKind.REFERRING_DOCTOR), query.limit());
    }

    /**
     * The ranking as JSON bytes ({@link RankingJson}); refusals leave as the problem responses they
     * are (the platform's mapper passes a {@link WebApplicationException} with a body through). A
     * fixed {@code byte[]} return type lets Quarkus REST pick its writer once, at build time, where
     * a {@code Response} made it search and sort the writers on every request.
     */
    private byte[] recommend(RecommendationRequest request, int limit) {
        RegistryMatrixView view = matrix.current().orElseThrow(() -> new WebApplicationException(notLoadedYet()));
        LocalDate today = LocalDate.now(CHINA);
        CapacityReadings slots = CapacityReadings.over(capacity, today, today.plusDays(slotHorizonDays - 1L));
        Recommendation recommendation = new Recommender(view, slots, view, RankingPolicy.DEFAULTS).recommend(request, limit);
        if (recommendation instanceof Recommendation.Rejected rejected) {
            throw new WebApplicationException(ProblemResponses.of(Problem.of(400, "Bad Request", rejected.message())
                    .withErrors(List.of(new Problem.FieldError(rejected.field(), rejected.reason().name())))));
        }
        return RankingJson.of(((Recommendation.Ranked) recommendation).candidates());
    }

    private static Response notLoadedYet() {
        return Response.fromResponse(ProblemResponses.of(Problem.of(503, "Service Unavailable",
                        "the registry is still loading after start-up; retry shortly")))
                .header(HttpHeaders.RETRY_AFTER, 1)
                .build();
    }

    private static Response tooManyRequests(long retryAfterSeconds) {
        return Response.fromResponse(ProblemResponses.of(Problem.of(429, "Too Many Requests",
                        "the public recommendation endpoint allows a limited rate per client; retry later")))
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .build();
    }
}
