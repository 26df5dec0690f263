package cn.hunan.mma.navigation.ranking.rest;

import cn.hunan.mma.navigation.ranking.CallerKind;
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

/**
 * Recommendations at the right level of care (优诊导航): public for patients, and for referring
 * doctors with the slots reserved for referrals.
 *
 * <p>This resource is the endpoints' contract (OpenAPI) and their Quarkus REST implementation. By
 * default the same two paths are served, in front of it, by {@link RecommendationRoutes} — a plain
 * Vert.x route with the same answers, errors, rate limit and roles, at a fraction of the
 * per-request cost; {@code mma.navigation.fast-route=false} leaves them to this resource.
 *
 * <p>Served on the event loop: a request only reads the registry snapshot already in memory and
 * the live capacity view, and scores tens of departments near the patient (well under a
 * millisecond), so a hop to a worker thread would cost more than it protects. Before the first
 * snapshot has loaded (start-up; readiness is down meanwhile) the answer is 503.
 */
@Path("/api/v1/navigation")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    private final RecommendationAnswers answers;

    public RecommendationResource(RecommendationAnswers answers) {
        this.answers = answers;
    }

    @GET
    @Path("/recommendations")
    @PermitAll
    @NonBlocking
    @APIResponse(responseCode = "200", description = "the ranking, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CandidateView.class)))
    public byte[] forPatients(@BeanParam RecommendationQuery query, @Context HttpServerRequest http) {
        answers.rateLimited(http.remoteAddress().hostAddress()).ifPresent(RecommendationResource::refuse);
        return ranking(answers.answer(query.toRequest(CallerKind.PUBLIC), query.limit()));
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
        return ranking(answers.answer(query.toRequest(CallerKind.REFERRING_DOCTOR), query.limit()));
    }

    /**
     * The ranking's bytes; refusals leave as the problem responses they are (the platform's mapper
     * passes a {@link WebApplicationException} with a body through). A fixed {@code byte[]} return
     * type lets Quarkus REST pick its writer once, at build time, where a {@code Response} made it
     * search and sort the writers on every request.
     */
    private static byte[] ranking(RecommendationAnswers.Answer answer) {
        if (answer.problem() != null) {
            refuse(answer);
        }
        return answer.takeBytes();
    }

    private static void refuse(RecommendationAnswers.Answer refusal) {
        Response.ResponseBuilder response = Response.fromResponse(ProblemResponses.of(refusal.problem()));
        if (refusal.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, refusal.retryAfterSeconds());
        }
        throw new WebApplicationException(response.build());
    }
}
