package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.navigation.capacity.DepartmentKey;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Recommends institutions and departments for a diagnosis or a department (优诊导航).
 *
 * <p>Candidates are the active institutions' departments at or above the target level — the
 * guidance catalogue's lowest inpatient level for the diagnosis (most specific prefix), one level
 * higher when urgent. They are ordered by {@link RankingPolicy}: the target level first, then
 * KEY &gt; ADVANTAGE &gt; CHARACTERISTIC &gt; ORDINARY, then open slots in the caller's channel
 * (public or reserved for referral), then nearness and load across same-city peers. Bad input
 * gives a {@link Recommendation.Rejected}, never an exception.
 *
 * <p>Near the patient first: candidates are looked for in the patient's township, then county,
 * then city ({@link SearchAreas}; from coordinates, the county with the nearest seat), widening
 * only while the area offers fewer than {@code limit} of them, and to the whole province after the
 * city. So a patient with enough departments at hand is not offered ones further away, and a
 * request scores tens of departments rather than every one in Hunan. Load is spread among the
 * same-city peers within the area searched. The answer holds the best {@code limit} candidates.
 */
public final class Recommender {

    /** A prospect with its points: ranked before any reasons are written. */
    private record Standing(Prospect prospect, double points) {
    }

    private static final Comparator<Standing> BEST_FIRST = Comparator
            .comparingDouble(Standing::points).reversed()
            .thenComparing(s -> s.prospect().institution().institutionId().value())
            .thenComparing(s -> s.prospect().department().departmentId().value());

    /** How many candidates an answer holds unless the caller asks for another number. */
    public static final int DEFAULT_LIMIT = 10;

    private final MatrixView matrix;
    private final CapacityReadings capacity;
    private final DivisionSeats seats;
    private final RequestResolver resolver;
    private final CandidateScorer scorer;

    public Recommender(MatrixView matrix, CapacityReadings capacity, DivisionSeats seats, RankingPolicy policy) {
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        this.capacity = Objects.requireNonNull(capacity, "capacity");
        this.seats = Objects.requireNonNull(seats, "seats");
        this.resolver = new RequestResolver(matrix, seats);
        this.scorer = new CandidateScorer(Objects.requireNonNull(policy, "policy"));
    }

    public Recommendation recommend(RecommendationRequest request) {
        return recommend(request, DEFAULT_LIMIT);
    }

    /** @param limit the most candidates to answer with, at least 1 */
    public Recommendation recommend(RecommendationRequest request, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (request == null) {
            return new Recommendation.Rejected(RejectionReason.MISSING_FIELD, "$", "a request is required");
        }
        Resolution resolution = resolver.resolve(request);
        if (resolution instanceof Resolution.Refused refused) {
            return refused.rejection();
        }
        Resolution.Accepted need = (Resolution.Accepted) resolution;
        List<Prospect> prospects = prospectsNear(need, limit);
        LoadPeers peers = new LoadPeers(prospects);
        return new Recommendation.Ranked(prospects.stream()
                .map(prospect -> new Standing(prospect, scorer.points(prospect, need, peers)))
                .sorted(BEST_FIRST)
                .limit(limit)
                .map(best -> scorer.score(best.prospect(), need, peers))
                .toList());
    }

    /**
     * The prospects of the narrowest area around the patient that has at least {@code enough}, or
     * of the province. Departments below the target level are never even looked at.
     */
    private List<Prospect> prospectsNear(Resolution.Accepted need, int enough) {
        List<DivisionCode> areas = need.near().map(SearchAreas::around).orElse(List.of(SearchAreas.HUNAN));
        List<Prospect> found = List.of();
        for (DivisionCode area : areas) {
            found = prospects(need, department -> matrix.departmentsIn(department, area, need.target().level()));
            if (found.size() >= enough) {
                return found;
            }
        }
        return found;
    }

    private List<Prospect> prospects(Resolution.Accepted need, Function<DepartmentId, List<SpecialtySnapshot>> offering) {
        return need.departments().stream()
                .flatMap(department -> offering.apply(department).stream())
                .flatMap(department -> prospect(department, need).stream())
                .toList();
    }

    private Optional<Prospect> prospect(SpecialtySnapshot department, Resolution.Accepted need) {
        return matrix.institution(department.institutionId())
                .filter(InstitutionSnapshot::active)
                .filter(institution -> !need.target().excludes(institution.level()))
                .filter(institution -> !institution.institutionId().equals(need.exclude()))
                .map(institution -> new Prospect(institution, department,
                        capacity.of(new DepartmentKey(institution.institutionId(), department.departmentId())),
                        distance(need.origin(), institution)));
    }

    private OptionalDouble distance(Optional<GeoPoint> origin, InstitutionSnapshot institution) {
        Optional<GeoPoint> place = institution.latitude() != null
                ? Optional.of(GeoPoint.of(institution.latitude(), institution.longitude()))
                : seats.nearestKnownSeat(institution.divisionCode());
        if (origin.isEmpty() || place.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(origin.get().kilometresTo(place.get()));
    }
}
