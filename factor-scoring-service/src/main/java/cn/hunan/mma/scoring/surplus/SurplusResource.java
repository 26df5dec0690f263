package cn.hunan.mma.scoring.surplus;

import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.scoring.rest.Places;
import cn.hunan.mma.scoring.rest.ScoreQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;

import java.net.URI;
import java.util.Optional;

/**
 * The live projected outcome of an alliance's budget year: the JSON last published on {@value SurplusProjection#TOPIC},
 * from the projector's store in the instance that owns the alliance's totals (another instance answers 307 to it).
 * Scoped like the scores API: the caller must reach one of the places the alliance sits in ({@link Places}).
 */
@Path("/api/v1/surplus")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"province-admin", "city-operator", "alliance-operator", "institution-user", "insurance-officer", "auditor"})
public class SurplusResource {

    private final ScoreQueries queries;
    private final CurrentCaller caller;
    private final KafkaStreams streams;

    public SurplusResource(ScoreQueries queries, CurrentCaller caller, KafkaStreams streams) {
        this.queries = queries;
        this.caller = caller;
        this.streams = streams;
    }

    @GET
    @Path("/{allianceId}/{period}")
    public Response projection(@PathParam("allianceId") String allianceId, @PathParam("period") String period) {
        AllianceId alliance = AllianceId.of(allianceId);
        Period year = Period.parse(period);
        if (year.kind() != Period.Kind.YEAR) {
            throw ContractViolation.invalid("period", "budgets are approved per year: the period must be a year such as 2025");
        }
        if (!queries.running()) {
            return ProblemResponses.of(Problem.of(503, "Surplus projections are not available yet",
                    "the scorer's state is " + streams.state() + "; retry when it is RUNNING"));
        }
        Places places = queries.placesOf(ScoredEntityKind.ALLIANCE, alliance.value())
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("alliance " + alliance.value() + " is not in the matrix"));
        places.requireSeenBy(caller.get(), "alliance " + alliance.value());
        String scope = SurplusProjector.ALLIANCE_PREFIX + alliance.value();
        Optional<String> owner = queries.ownerElsewhere(scope);
        if (owner.isPresent()) {
            // The projection lives with the alliance's totals: send the caller to the instance holding them.
            return Response.temporaryRedirect(URI.create("http://" + owner.get() + "/api/v1/surplus/" + alliance.value() + "/" + year)).build();
        }
        String json;
        try {
            json = streams.store(StoreQueryParameters.fromNameAndType(SurplusProjection.PROJECTIONS_STORE,
                    QueryableStoreTypes.<String, String>keyValueStore())).get(alliance.value() + "|" + year);
        } catch (InvalidStateStoreException e) {
            return ProblemResponses.of(Problem.of(503, "Surplus projections are not available yet",
                    "the scorer's state is moving (" + e.getMessage() + "); retry"));
        }
        if (json == null) {
            return ProblemResponses.of(Problem.of(404, "No surplus projection",
                    "alliance " + alliance.value() + " has no approved budget for " + year + " or no spend counted yet"));
        }
        return Response.ok(json, MediaType.APPLICATION_JSON).build();
    }
}
