package cn.hunan.mma.benchmark.workload;

import cn.hunan.mma.benchmark.load.PlannedQuery;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.events.clinical.Diagnosis;
import cn.hunan.mma.simulator.events.clinical.DiseaseMix;
import cn.hunan.mma.simulator.matrix.AreaMatrix;
import cn.hunan.mma.simulator.matrix.County;
import cn.hunan.mma.simulator.matrix.Department;
import cn.hunan.mma.simulator.matrix.Institution;
import cn.hunan.mma.simulator.matrix.Township;
import cn.hunan.mma.simulator.matrix.Village;
import cn.hunan.mma.simulator.reference.AgeBand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Realistic recommendation queries over an area's matrix: a patient somewhere in the area
 * (county by population, then a township and village), a diagnosis drawn from the simulator's
 * age- and sex-specific outpatient disease mix with the department that treats it, given as a
 * division code or as the village's coordinates. A share of the queries come from referring
 * doctors at an institution of the patient's county, with their token.
 *
 * <p>Diagnosis-only queries are left out: the service maps a diagnosis to departments only through
 * configuration ({@code mma.navigation.treating.*}), and without it they rank nobody.
 */
public final class QueryMix {

    /** Shares of the mix. */
    public record Shares(double referral, double withDiagnosis, double urgent, double byCoordinates) {

        public static final Shares DEFAULT = new Shares(0.2, 0.6, 0.1, 0.5);
    }

    private final AreaMatrix area;
    private final DiseaseMix diseases;
    private final Shares shares;
    private final Function<String, String> referralToken;
    private final Set<String> departments;
    private final Map<String, List<Institution>> referrersByCounty;
    private final double[] cumulativePopulation;

    /** @param referralToken institution id → a bearer token of a doctor there */
    public QueryMix(AreaMatrix area, DiseaseMix diseases, Shares shares, Function<String, String> referralToken) {
        this.area = area;
        this.diseases = diseases;
        this.shares = shares;
        this.referralToken = referralToken;
        this.departments = area.institutions().stream().flatMap(i -> i.departments().stream())
                .map(Department::id).collect(Collectors.toUnmodifiableSet());
        this.referrersByCounty = area.institutions().stream()
                .filter(i -> i.level().compareTo(Level.VILLAGE) > 0 && i.level().compareTo(Level.PROVINCE) < 0)
                .collect(Collectors.groupingBy(Institution::countyCode));
        this.cumulativePopulation = new double[area.counties().size()];
        double sum = 0;
        for (int i = 0; i < cumulativePopulation.length; i++) {
            sum += area.counties().get(i).population();
            cumulativePopulation[i] = sum;
        }
    }

    public List<PlannedQuery> draw(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, String> tokens = new HashMap<>();
        List<PlannedQuery> queries = new ArrayList<>(count);
        while (queries.size() < count) {
            County county = county(random);
            Township township = county.townships().get(random.nextInt(county.townships().size()));
            if (township.villages().isEmpty()) {
                continue;
            }
            Village village = township.villages().get(random.nextInt(township.villages().size()));
            Optional<Diagnosis> diagnosis = diagnosis(county, random);
            if (diagnosis.isEmpty()) {
                continue;
            }
            StringBuilder query = new StringBuilder();
            if (random.nextDouble() < shares.withDiagnosis()) {
                query.append("diagnosis=").append(diagnosis.get().code()).append('&');
            }
            query.append("department=").append(diagnosis.get().line().departmentId());
            if (random.nextDouble() < shares.byCoordinates()) {
                query.append("&lat=").append(village.location().latitude()).append("&lng=").append(village.location().longitude());
            } else {
                query.append("&division=").append(random.nextBoolean() ? township.code() : county.code());
            }
            if (random.nextDouble() < shares.urgent()) {
                query.append("&urgency=URGENT");
            }
            List<Institution> referrers = referrersByCounty.getOrDefault(county.code(), List.of());
            if (!referrers.isEmpty() && random.nextDouble() < shares.referral()) {
                Institution doctorAt = referrers.get(random.nextInt(referrers.size()));
                query.append("&currentInstitution=").append(doctorAt.id());
                queries.add(new PlannedQuery("/api/v1/navigation/referral-recommendations?" + query,
                        Optional.of(tokens.computeIfAbsent(doctorAt.id(), referralToken))));
            } else {
                queries.add(new PlannedQuery("/api/v1/navigation/recommendations?" + query, Optional.empty()));
            }
        }
        return queries;
    }

    private County county(SplittableRandom random) {
        double pick = random.nextDouble() * cumulativePopulation[cumulativePopulation.length - 1];
        int index = java.util.Arrays.binarySearch(cumulativePopulation, pick);
        return area.counties().get(index >= 0 ? index : Math.min(-index - 1, cumulativePopulation.length - 1));
    }

    /** A diagnosis whose department exists somewhere in the area (a few tries, then none). */
    private Optional<Diagnosis> diagnosis(County county, SplittableRandom random) {
        for (int attempt = 0; attempt < 8; attempt++) {
            Diagnosis diagnosis = diseases.outpatient(ageBand(county, random), random.nextBoolean(), random);
            if (departments.contains(diagnosis.line().departmentId())) {
                return Optional.of(diagnosis);
            }
        }
        return Optional.empty();
    }

    private static int ageBand(County county, SplittableRandom random) {
        double pick = random.nextDouble();
        double[] shares = county.ageBandShares();
        for (int band = 0; band < shares.length; band++) {
            pick -= shares[band];
            if (pick <= 0) {
                return band;
            }
        }
        return AgeBand.count() - 1;
    }
}
