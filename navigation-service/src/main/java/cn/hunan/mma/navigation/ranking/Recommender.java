package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Level;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Recommends institutions and departments for a diagnosis or a department (优诊导航).
 *
 * <p>Candidates are the active institutions' departments at or above the target level — the
 * guidance catalogue's lowest inpatient level for the diagnosis (most specific prefix), one level
 * higher when urgent. For a primary-level disease (基层病种) asked by diagnosis, the primary
 * institutions' general and internal medicine are candidates too ({@link PrimaryCare}): township
 * centres have no specialist departments. They are ordered by {@link RankingPolicy}: the target
 * level first, then KEY &gt; ADVANTAGE &gt; CHARACTERISTIC &gt; ORDINARY, then open slots in the caller's channel
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

    /** How many candidates an answer holds unless the caller asks for another number. */
    public static final int DEFAULT_LIMIT = 10;

    // One table per thread, reused request after request (see Prospects).
    private static final ThreadLocal<Prospects> PROSPECTS = ThreadLocal.withInitial(Prospects::new);

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
        CandidateList ranking = new CandidateList();
        Optional<Recommendation.Rejected> rejected = recommend(request, limit, ranking);
        return rejected.isPresent() ? rejected.get() : new Recommendation.Ranked(ranking.candidates());
    }

    /**
     * Writes the ranking, best first, to the writer — or, without writing anything, answers why the
     * request cannot be ranked.
     *
     * @param limit the most candidates to answer with, at least 1
     */
    public Optional<Recommendation.Rejected> recommend(RecommendationRequest request, int limit, RankingWriter writer) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (request == null) {
            return Optional.of(new Recommendation.Rejected(RejectionReason.MISSING_FIELD, "$", "a request is required"));
        }
        Resolution resolution = resolver.resolve(request);
        if (resolution instanceof Resolution.Refused refused) {
            return Optional.of(refused.rejection());
        }
        Resolution.Accepted need = (Resolution.Accepted) resolution;
        Prospects prospects = PROSPECTS.get();
        try {
            findNear(need, limit, prospects);
            prospects.groupPeers();
            for (int i = 0; i < prospects.size(); i++) {
                prospects.setPoints(i, scorer.points(prospects, i, need));
            }
            int answered = prospects.shortlist(limit);
            for (int rank = 0; rank < answered; rank++) {
                scorer.explain(prospects, prospects.shortlisted(rank), need, writer);
            }
            return Optional.empty();
        } finally {
            prospects.clear();
        }
    }

    /**
     * The prospects of the narrowest area around the patient that has at least {@code enough}, or
     * of the province. Departments below the target level are never even looked at.
     */
    private void findNear(Resolution.Accepted need, int enough, Prospects prospects) {
        List<DivisionCode> areas = need.near().map(SearchAreas::around).orElse(List.of(SearchAreas.HUNAN));
        for (DivisionCode area : areas) {
            prospects.clear();
            findIn(need, area, prospects);
            if (prospects.size() >= enough) {
                return;
            }
        }
    }

    private void findIn(Resolution.Accepted need, DivisionCode area, Prospects prospects) {
        for (DepartmentId department : need.departments()) {
            findIn(need, department, Level.PROVINCE, area, prospects);
        }
        for (DepartmentId department : need.primaryCare().departments()) {
            findIn(need, department, need.primaryCare().upTo(), area, prospects);
        }
    }

    // Plain loops: this runs for every department near the patient on every request.
    private void findIn(Resolution.Accepted need, DepartmentId department, Level upTo, DivisionCode area,
                        Prospects prospects) {
        SlotChannel channel = need.caller() == CallerKind.REFERRING_DOCTOR ? SlotChannel.REFERRAL : SlotChannel.PUBLIC;
        GeoPoint origin = need.origin().orElse(null);
        List<Offering> offerings = matrix.offeringsIn(department, area, need.target().level());
        for (int o = 0; o < offerings.size(); o++) {
            Offering offering = offerings.get(o);
            InstitutionSnapshot institution = offering.institution();
            if (institution.active() && !need.target().excludes(institution.level())
                    && !upTo.isBelow(institution.level())
                    && !institution.institutionId().equals(need.exclude())) {
                boolean hasFigures = capacity.read(offering.key(), prospects.reading());
                prospects.add(offering, hasFigures, channel, kilometres(origin, offering));
            }
        }
    }

    /** From the patient to the department's institution (or its division's seat); NaN when either is unknown. */
    private double kilometres(GeoPoint origin, Offering offering) {
        if (origin == null) {
            return Double.NaN;
        }
        if (offering.coordinates() != null) {
            return origin.kilometresTo(offering.coordinates());
        }
        Optional<GeoPoint> seat = seats.nearestKnownSeat(offering.institution().divisionCode());
        return seat.isEmpty() ? Double.NaN : origin.kilometresTo(seat.get());
    }
}
