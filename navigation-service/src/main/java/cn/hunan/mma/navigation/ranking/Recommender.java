package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.navigation.capacity.DepartmentKey;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Recommends institutions and departments for a diagnosis or a department (优诊导航).
 *
 * <p>Candidates are the active institutions' departments at or above the target level — the
 * guidance catalogue's lowest inpatient level for the diagnosis (most specific prefix), one level
 * higher when urgent. They are ordered by {@link RankingPolicy}: the target level first, then
 * KEY &gt; ADVANTAGE &gt; CHARACTERISTIC &gt; ORDINARY, then open slots in the caller's channel
 * (public or reserved for referral), then nearness and load across same-city peers. Bad input
 * gives a {@link Recommendation.Rejected}, never an exception.
 */
public final class Recommender {

    private static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparingDouble(Candidate::score).reversed()
            .thenComparing(c -> c.institutionId().value())
            .thenComparing(c -> c.departmentId().value());

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
        if (request == null) {
            return new Recommendation.Rejected(RejectionReason.MISSING_FIELD, "$", "a request is required");
        }
        Resolution resolution = resolver.resolve(request);
        if (resolution instanceof Resolution.Refused refused) {
            return refused.rejection();
        }
        Resolution.Accepted need = (Resolution.Accepted) resolution;
        List<Prospect> prospects = prospects(need);
        LoadPeers peers = new LoadPeers(prospects);
        return new Recommendation.Ranked(prospects.stream()
                .map(prospect -> scorer.score(prospect, need, peers))
                .sorted(BEST_FIRST)
                .toList());
    }

    private List<Prospect> prospects(Resolution.Accepted need) {
        return need.departments().stream()
                .flatMap(department -> matrix.departments(department).stream())
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
