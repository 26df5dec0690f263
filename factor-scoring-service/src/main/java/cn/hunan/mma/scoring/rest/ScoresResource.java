package cn.hunan.mma.scoring.rest;

import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.scoring.streams.ScoreReading;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores by scope (institution, alliance, county, city, province) and period, and month-by-month
 * history. 503 while the streams state is restoring; a scope owned by another instance is fetched
 * from it. Each scope is checked against where it sits ({@link Places}): an area by its division; an institution by its
 * division, its own claim and the alliances it names; an alliance by its covered divisions, its own claim and its
 * members' institution claims (a member's user reads its alliance, not a fellow member).
 */
@Path("/api/v1/scores")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"province-admin", "city-operator", "alliance-operator", "institution-user", "insurance-officer", "auditor"})
public class ScoresResource {

    private final ScoreQueries queries;
    private final CurrentCaller caller;
    private final InstanceClient instances;

    public ScoresResource(ScoreQueries queries, CurrentCaller caller, InstanceClient instances) {
        this.queries = queries;
        this.caller = caller;
        this.instances = instances;
    }

    @GET
    @Path("/{kind}/{id}/{period}")
    public Response score(@PathParam("kind") String kind, @PathParam("id") String id, @PathParam("period") String period,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String scope = scope(kind, id);
        Period parsed = Period.parse(period);
        return answer(scope, "/api/v1/scores/" + kind + "/" + id + "/" + period, authorization,
                reading -> ScoreView.of(scope, parsed.toString(), reading.score(scope, parsed), reading.totals().sampleEventIds(scope, parsed)));
    }

    @GET
    @Path("/{kind}/{id}/history")
    public Response history(@PathParam("kind") String kind, @PathParam("id") String id, @QueryParam("year") int year,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String scope = scope(kind, id);
        Period whole = Period.ofYear(year);
        return answer(scope, "/api/v1/scores/" + kind + "/" + id + "/history?year=" + year, authorization, reading -> {
            List<ScoreView> months = new ArrayList<>();
            for (int month = 1; month <= 12; month++) {
                Period each = Period.month(whole.year(), month);
                months.add(ScoreView.of(scope, each.toString(), reading.score(scope, each), List.of()));
            }
            return months;
        });
    }

    private Response answer(String scope, String path, String authorization, java.util.function.Function<ScoreReading, Object> read) {
        ScoreLookup lookup = queries.lookup(scope);
        if (lookup instanceof ScoreLookup.NotReady notReady) {
            return ProblemResponses.of(Problem.of(503, "Scores are not available yet",
                    "the scorer's state is " + notReady.state() + "; retry when it is RUNNING"));
        }
        if (lookup instanceof ScoreLookup.OtherInstance other) {
            return instances.forward(other.hostAndPort(), path, authorization);
        }
        return Response.ok(read.apply(((ScoreLookup.Local) lookup).reading())).build();
    }

    private String scope(String kind, String id) {
        ScoredEntityKind entityKind;
        try {
            entityKind = ScoredEntityKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ContractViolation(cn.hunan.mma.events.value.Reason.INVALID_VALUE, "kind",
                    "kind must be one of institution, alliance, county, city, province");
        }
        entityKind.requireEntityId(id);
        Places places = switch (entityKind) {
            case INSTITUTION, ALLIANCE -> {
                if (!queries.running()) {
                    throw new ScoresNotReadyException();
                }
                yield queries.placesOf(entityKind, id).orElseThrow(() -> new jakarta.ws.rs.NotFoundException(
                        entityKind.name().toLowerCase(java.util.Locale.ROOT) + " " + id + " is not in the matrix"));
            }
            default -> Places.of(Jurisdiction.ofDivision(DivisionCode.of(id)));
        };
        places.requireSeenBy(caller.get(), entityKind.name().toLowerCase(java.util.Locale.ROOT) + " " + id);
        return entityKind + ":" + id;
    }
}
