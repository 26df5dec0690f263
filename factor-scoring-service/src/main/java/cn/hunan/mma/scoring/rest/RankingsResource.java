package cn.hunan.mma.scoring.rest;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.value.Reason;
import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.CurrentCaller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.streams.AllianceLifetime;
import cn.hunan.mma.scoring.streams.ScoreReading;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Rankings of institutions (optionally within an alliance, an area — city or county — and a level)
 * or alliances (optionally within an area) for a period, by composite score, one factor or one
 * indicator, paged. Only entities the caller may read one by one are ranked (an institution user: its own institution,
 * and the alliances it is a member of).
 *
 * <p>The totals are partitioned by scope across instances, so the instance asked ranks its own
 * scopes and collects the others' parts ({@code part=local}: that instance's scopes, unranked),
 * then merges, ranks and pages.
 */
@Path("/api/v1/rankings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"province-admin", "city-operator", "alliance-operator", "institution-user", "insurance-officer", "auditor"})
public class RankingsResource {

    private static final int MAX_SIZE = 200;

    private final ScoreQueries queries;
    private final CurrentCaller caller;
    private final InstanceClient instances;
    private final ObjectMapper json;

    public RankingsResource(ScoreQueries queries, CurrentCaller caller, InstanceClient instances, ObjectMapper json) {
        this.queries = queries;
        this.caller = caller;
        this.instances = instances;
        this.json = json;
    }

    @GET
    @Path("/{kind}/{period}")
    public Response rank(@PathParam("kind") String kind, @PathParam("period") String period,
                         @QueryParam("by") @DefaultValue(RankingCriterion.COMPOSITE) String by,
                         @QueryParam("alliance") String alliance, @QueryParam("area") String area, @QueryParam("level") String level,
                         @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size,
                         @QueryParam("part") String part,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @jakarta.ws.rs.core.Context UriInfo uri) {
        ScoredEntityKind entityKind = kindOf(kind);
        Period parsed = Period.parse(period);
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new ContractViolation(Reason.INVALID_VALUE, "size", "page must be ≥ 0 and size between 1 and " + MAX_SIZE);
        }
        if (!queries.running()) {
            return ProblemResponses.of(Problem.of(503, "Scores are not available yet", "the scorer's state is not RUNNING; retry later"));
        }
        RuleSet rules = queries.ruleSets().forPeriod(parsed);   // the version the period is scored with
        RankingCriterion criterion = RankingCriterion.parse(by, rules);
        List<Candidate> candidates = candidates(entityKind, parsed, alliance, area, level);
        List<Ranking.Entry> entries = localEntries(candidates, parsed, rules, criterion);
        if (!"local".equals(part)) {
            for (String other : queries.otherInstances()) {
                String path = uri.getRequestUri().getRawPath() + "?" + withPartLocal(uri.getRequestUri().getRawQuery());
                Ranking remote = instances.get(other, path, authorization, Ranking.class, json);
                entries.addAll(remote.entries());
            }
        }
        return Response.ok(ranked(entityKind, parsed, criterion, rules, entries, "local".equals(part), page, size)).build();
    }

    /**
     * A rebalance between the state check and a store read: the stores are moving, so 503 as before the scorer runs (an
     * unmapped 500 before 2026-11-25 (4); the score lookups already answered so).
     */
    @ServerExceptionMapper
    public Response storesMoving(InvalidStateStoreException e) {
        return ProblemResponses.of(Problem.of(503, "Scores are not available yet", "the scorer's stores are moving between "
                + "instances (a rebalance); retry later"));
    }

    private static String withPartLocal(String query) {
        return (query == null || query.isEmpty() ? "" : query + "&") + "part=local";
    }

    private record Candidate(String scope, String id, String name) {
    }

    private List<Candidate> candidates(ScoredEntityKind kind, Period period, String alliance, String area, String level) {
        Caller who = caller.get();
        Predicate<DivisionCode> inArea = area == null ? division -> true : division -> division.isWithin(DivisionCode.of(area));
        List<Candidate> candidates = new ArrayList<>();
        if (kind == ScoredEntityKind.INSTITUTION) {
            AllianceSnapshot within = alliance == null ? null : queries.alliance(alliance).orElseThrow(() ->
                    new jakarta.ws.rs.NotFoundException("alliance " + alliance + " is not in the matrix"));
            Level wanted = level == null ? null : levelOf(level);
            for (InstitutionSnapshot institution : queries.institutions()) {
                if ((within == null || within.memberIds().contains(institution.institutionId()))
                        && inArea.test(institution.divisionCode())
                        && (wanted == null || institution.level() == wanted)
                        && AccessPolicy.maySee(who, Jurisdiction.ofInstitution(institution.institutionId().value(), institution.divisionCode(),
                        java.util.Set.copyOf(institution.allianceIds().stream().map(AllianceId::value).toList())))) {
                    candidates.add(new Candidate("INSTITUTION:" + institution.institutionId().value(), institution.institutionId().value(), institution.name()));
                }
            }
            return candidates;
        }
        if (alliance != null || level != null) {
            throw new ContractViolation(Reason.INVALID_VALUE, alliance != null ? "alliance" : "level", "alliances are filtered by area only");
        }
        // A dissolved alliance ranks in the periods it was live in, chosen and scoped by the make-up it had then.
        for (AllianceLifetime lifetime : queries.allianceLifetimes()) {
            AllianceSnapshot each = lifetime.makeup();
            if (lifetime.liveDuring(period) && !each.coveredDivisions().isEmpty() && each.coveredDivisions().stream().anyMatch(inArea)
                    && Places.ofAlliance(each).filter(places -> places.seenBy(who)).isPresent()) {
                candidates.add(new Candidate("ALLIANCE:" + each.allianceId().value(), each.allianceId().value(), each.name()));
            }
        }
        return candidates;
    }

    /** The candidates whose totals this instance holds, with their values (unranked). */
    private List<Ranking.Entry> localEntries(List<Candidate> candidates, Period period, RuleSet rules,
                                             RankingCriterion criterion) {
        ScoreReading reading = queries.localReading();
        List<Ranking.Entry> entries = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (queries.ownsLocally(candidate.scope())) {
                BigDecimal value = criterion.valueOf(reading.score(candidate.scope(), period, rules));
                if (value != null) {
                    entries.add(new Ranking.Entry(null, candidate.id(), candidate.name(), value));
                }
            }
        }
        return entries;
    }

    private static Ranking ranked(ScoredEntityKind kind, Period period, RankingCriterion criterion, RuleSet rules,
                                  List<Ranking.Entry> entries, boolean part, int page, int size) {
        String kindName = kind.name().toLowerCase(Locale.ROOT);
        if (part) {
            return new Ranking(kindName, period.toString(), criterion.text(), rules.version(), entries.size(), 0, entries.size(), entries);
        }
        List<Ranking.Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Ranking.Entry::value, Comparator.reverseOrder()).thenComparing(Ranking.Entry::id));
        List<Ranking.Entry> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Ranking.Entry entry = sorted.get(i);
            boolean tie = i > 0 && sorted.get(i - 1).value().compareTo(entry.value()) == 0;
            ranked.add(new Ranking.Entry(tie ? ranked.get(i - 1).rank() : i + 1, entry.id(), entry.name(), entry.value()));
        }
        // In long: page × size overflowed an int to a negative index for a huge page (a 500 before 2026-11-25 (4)).
        int from = (int) Math.min((long) page * size, ranked.size());
        return new Ranking(kindName, period.toString(), criterion.text(), rules.version(), ranked.size(), page, size,
                List.copyOf(ranked.subList(from, (int) Math.min((long) from + size, ranked.size()))));
    }

    private static ScoredEntityKind kindOf(String kind) {
        return switch (kind) {
            case "institution" -> ScoredEntityKind.INSTITUTION;
            case "alliance" -> ScoredEntityKind.ALLIANCE;
            default -> throw new ContractViolation(Reason.INVALID_VALUE, "kind", "rankings are of institution or alliance");
        };
    }

    private static Level levelOf(String level) {
        try {
            return Level.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ContractViolation(Reason.INVALID_VALUE, "level", "level must be one of " + java.util.Arrays.toString(Level.values()));
        }
    }
}
