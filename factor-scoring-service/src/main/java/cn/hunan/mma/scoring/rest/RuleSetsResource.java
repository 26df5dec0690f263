package cn.hunan.mma.scoring.rest;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.domain.RuleSetValidator;
import cn.hunan.mma.scoring.streams.RuleSetTopic;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Rule-set versions: province operators list, view and load them. A loaded version is validated
 * against the event vocabulary, then published to the compacted rule-set topic; every instance
 * scores with it from its effective date. Versions that change a measure need a replay (README).
 */
@Path("/api/v1/rule-sets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"province-admin", "auditor"})
public class RuleSetsResource {

    private static final Jurisdiction HUNAN = Jurisdiction.ofDivision(DivisionCode.of("430000"));

    private final ScoreQueries queries;
    private final CurrentCaller caller;
    private final String bootstrapServers;

    public RuleSetsResource(ScoreQueries queries, CurrentCaller caller,
                            @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrapServers) {
        this.queries = queries;
        this.caller = caller;
        this.bootstrapServers = bootstrapServers;
    }

    public record VersionSummary(String version, String effectiveFrom, int indicators, int measures) {
    }

    @GET
    public List<VersionSummary> versions() {
        AccessPolicy.requireSee(caller.get(), HUNAN, "the province's rule sets");
        requireRunning();
        return queries.ruleSets().history().versions().stream()
                .map(rules -> new VersionSummary(rules.version(), rules.effectiveFrom().toString(), rules.indicators().size(), rules.measures().size()))
                .toList();
    }

    @GET
    @Path("/{version}")
    public RuleSet version(@PathParam("version") String version) {
        AccessPolicy.requireSee(caller.get(), HUNAN, "the province's rule sets");
        requireRunning();
        return queries.ruleSets().history().version(version)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no rule set version " + version));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response load(byte[] body) {
        AccessPolicy.requireChange(caller.get(), HUNAN, "the province's rule sets");
        RuleSet rules;
        try {
            rules = RuleSetJson.parse(body);
        } catch (IllegalArgumentException e) {
            return ProblemResponses.of(Problem.of(400, "Not a rule set", e.getMessage()));
        }
        List<String> problems = RuleSetValidator.problemsOf(rules);
        if (!problems.isEmpty()) {
            return ProblemResponses.of(Problem.of(400, "Invalid rule set", String.join("; ", problems)));
        }
        RuleSetTopic.publish(bootstrapServers, rules.version(), RuleSetJson.write(rules));
        return Response.accepted(new VersionSummary(rules.version(), rules.effectiveFrom().toString(),
                rules.indicators().size(), rules.measures().size())).build();
    }

    private void requireRunning() {
        if (!queries.running()) {
            throw new ScoresNotReadyException();
        }
    }
}
