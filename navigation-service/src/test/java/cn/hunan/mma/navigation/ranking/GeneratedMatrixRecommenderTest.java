package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.ranking.adapters.GeneratedXiangtan;
import cn.hunan.mma.navigation.ranking.adapters.RegistryMatrixView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static cn.hunan.mma.navigation.ranking.RecommendationRequest.forDiagnosis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The recommender on the simulator's generated 湘潭 matrix ({@link GeneratedXiangtan}): real
 * departments (township centres have general and internal medicine, no cardiology) and real
 * coordinates, where the hand-built {@link XiangtanMatrix} gives every institution cardiology.
 */
class GeneratedMatrixRecommenderTest {

    private static final Icd10Code HYPERTENSION = Icd10Code.of("I10");
    private static final DivisionCode XIANGTAN_COUNTY = DivisionCode.of("430321");
    private static final Set<DepartmentId> PRIMARY_CARE =
            Set.of(DepartmentId.of("general-medicine"), DepartmentId.of("internal-medicine"));

    private final RegistryMatrixView matrix = GeneratedXiangtan.view();

    private List<Candidate> candidates(RecommendationRequest request) {
        return candidates(request, Recommender.DEFAULT_LIMIT);
    }

    private List<Candidate> candidates(RecommendationRequest request, int limit) {
        Recommendation answer = new Recommender(matrix, LiveSlots.none(), matrix, RankingPolicy.DEFAULTS)
                .recommend(request, limit);
        assertThat(answer).isInstanceOf(Recommendation.Ranked.class);
        return ((Recommendation.Ranked) answer).candidates();
    }

    @Test
    void sends_hypertension_asked_from_a_township_to_township_centres_general_or_internal_medicine_first() {
        DivisionCode township = townshipsOf(XIANGTAN_COUNTY).get(0);

        List<Candidate> candidates = candidates(forDiagnosis(HYPERTENSION, Location.in(township)));

        Candidate first = candidates.get(0);
        assertThat(first.level()).as("%s", first).isEqualTo(Level.TOWNSHIP);
        assertThat(first.departmentId()).isIn(PRIMARY_CARE);
        assertThat(first.reasons().get(0)).startsWith("at the target level TOWNSHIP");
        assertThat(candidates).filteredOn(candidate -> candidate.level() == Level.TOWNSHIP)
                .extracting(Candidate::departmentId).containsOnlyElementsOf(PRIMARY_CARE);
    }

    @Test
    void keeps_specialist_departments_for_the_levels_above_primary_care() {
        DivisionCode township = townshipsOf(XIANGTAN_COUNTY).get(0);

        List<Candidate> candidates = candidates(forDiagnosis(HYPERTENSION, Location.in(township)), 200);

        assertThat(candidates).filteredOn(candidate -> !candidate.level().isBelow(Level.COUNTY))
                .isNotEmpty()
                .extracting(Candidate::departmentId).containsOnly(DepartmentId.of("cardiology"));
    }

    @Test
    void from_any_township_its_own_centre_comes_first_among_equally_capable_centres_at_no_distance() {
        List<DivisionCode> townships = townshipsOf(XIANGTAN_COUNTY);
        assertThat(townships).hasSizeGreaterThan(10);

        for (DivisionCode township : townships) {
            List<Candidate> candidates = candidates(forDiagnosis(HYPERTENSION, Location.in(township)), 200);
            Candidate own = candidates.stream().filter(candidate -> inTownship(candidate, township)).findFirst()
                    .orElseThrow();
            Candidate firstAlike = candidates.stream()
                    .filter(candidate -> candidate.level() == Level.TOWNSHIP && candidate.tag() == own.tag())
                    .findFirst().orElseThrow();

            assertThat(firstAlike.institutionId()).as("first of %s's equals: %s", township, firstAlike)
                    .isEqualTo(own.institutionId());
            assertThat(kilometres(own)).as("%s", own).isLessThan(0.5);
        }
    }

    @Test
    void from_a_village_distances_are_measured_from_its_clinic() {
        DivisionCode township = townshipsOf(XIANGTAN_COUNTY).get(0);
        InstitutionSnapshot clinic = matrix.departments(DepartmentId.of("general-medicine")).stream()
                .map(department -> matrix.institution(department.institutionId()).orElseThrow())
                .filter(institution -> institution.level() == Level.VILLAGE)
                .filter(institution -> institution.divisionCode().isWithin(township))
                .findFirst().orElseThrow();

        List<Candidate> candidates = candidates(forDiagnosis(HYPERTENSION, Location.in(clinic.divisionCode())), 200);

        Candidate own = candidates.stream().filter(candidate -> inTownship(candidate, township)).findFirst()
                .orElseThrow();
        InstitutionSnapshot centre = matrix.institution(own.institutionId()).orElseThrow();
        double expected = GeoPoint.of(clinic.latitude(), clinic.longitude())
                .kilometresTo(GeoPoint.of(centre.latitude(), centre.longitude()));
        assertThat(kilometres(own)).as("%s", own).isCloseTo(expected, within(0.06));
    }

    private boolean inTownship(Candidate candidate, DivisionCode township) {
        return candidate.level() == Level.TOWNSHIP
                && matrix.institution(candidate.institutionId()).orElseThrow().divisionCode().isWithin(township);
    }

    /** The distance the candidate's reasons give ("12.3 km away"). */
    private static double kilometres(Candidate candidate) {
        return candidate.reasons().stream().filter(reason -> reason.endsWith(" km away")).findFirst()
                .map(reason -> Double.parseDouble(reason.substring(0, reason.length() - " km away".length())))
                .orElseThrow();
    }

    /** The townships of a county that have a township-level institution, in code order. */
    private List<DivisionCode> townshipsOf(DivisionCode county) {
        return PRIMARY_CARE.stream().flatMap(department -> matrix.departments(department).stream())
                .map(department -> matrix.institution(department.institutionId()).orElseThrow())
                .filter(institution -> institution.level() == Level.TOWNSHIP)
                .map(InstitutionSnapshot::divisionCode)
                .filter(division -> division.value().length() >= 9 && division.isWithin(county))
                .map(division -> division.value().substring(0, 9))
                .collect(Collectors.toCollection(TreeSet::new)).stream().map(DivisionCode::of).toList();
    }
}
