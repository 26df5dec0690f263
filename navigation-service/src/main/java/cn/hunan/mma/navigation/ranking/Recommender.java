package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.PriorityQueue;

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

    private static final Comparator<Standing> WORST_FIRST = BEST_FIRST.reversed();

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
        List<Standing> best = best(prospects, need, peers, limit);
        List<Candidate> candidates = new ArrayList<>(best.size());
        for (Standing standing : best) {
            candidates.add(scorer.score(standing.prospect(), need, peers));
        }
        return new Recommendation.Ranked(candidates);
    }

    /**
     * The {@code limit} best standings, best first: a bounded heap whose head is the worst kept, so
     * a county's hundreds of prospects are not all sorted to answer ten.
     */
    private List<Standing> best(List<Prospect> prospects, Resolution.Accepted need, LoadPeers peers, int limit) {
        PriorityQueue<Standing> kept = new PriorityQueue<>(Math.min(limit, prospects.size()) + 1, WORST_FIRST);
        for (Prospect prospect : prospects) {
            kept.add(new Standing(prospect, scorer.points(prospect, need, peers)));
            if (kept.size() > limit) {
                kept.poll();
            }
        }
        List<Standing> best = new ArrayList<>(kept);
        best.sort(BEST_FIRST);
        return best;
    }

    /**
     * The prospects of the narrowest area around the patient that has at least {@code enough}, or
     * of the province. Departments below the target level are never even looked at.
     */
    private List<Prospect> prospectsNear(Resolution.Accepted need, int enough) {
        List<DivisionCode> areas = need.near().map(SearchAreas::around).orElse(List.of(SearchAreas.HUNAN));
        List<Prospect> found = List.of();
        for (DivisionCode area : areas) {
            found = prospects(need, area);
            if (found.size() >= enough) {
                return found;
            }
        }
        return found;
    }

    // Plain loops: this runs for every department near the patient on every request.
    private List<Prospect> prospects(Resolution.Accepted need, DivisionCode area) {
        List<Prospect> found = new ArrayList<>();
        for (DepartmentId department : need.departments()) {
            for (Offering offering : matrix.offeringsIn(department, area, need.target().level())) {
                InstitutionSnapshot institution = offering.institution();
                if (institution.active() && !need.target().excludes(institution.level())
                        && !institution.institutionId().equals(need.exclude())) {
                    found.add(new Prospect(offering, capacity.of(offering.key()), distance(need.origin(), offering)));
                }
            }
        }
        return found;
    }

    private OptionalDouble distance(Optional<GeoPoint> origin, Offering offering) {
        if (origin.isEmpty()) {
            return OptionalDouble.empty();
        }
        Optional<GeoPoint> place = offering.coordinates() != null
                ? Optional.of(offering.coordinates())
                : seats.nearestKnownSeat(offering.institution().divisionCode());
        return place.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(origin.get().kilometresTo(place.get()));
    }
}
