package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.hunan.mma.navigation.ranking.CallerKind.REFERRING_DOCTOR;
import static cn.hunan.mma.navigation.ranking.RecommendationRequest.forDepartment;
import static cn.hunan.mma.navigation.ranking.RecommendationRequest.forDiagnosis;
import static cn.hunan.mma.navigation.ranking.XiangtanMatrix.CARDIOLOGY;
import static cn.hunan.mma.navigation.ranking.XiangtanMatrix.CITY_CENTRAL;
import static cn.hunan.mma.navigation.ranking.XiangtanMatrix.CITY_FIRST;
import static cn.hunan.mma.navigation.ranking.XiangtanMatrix.COUNTY_HOSPITAL;
import static cn.hunan.mma.navigation.ranking.XiangtanMatrix.NEUROLOGY;
import static cn.hunan.mma.navigation.ranking.XiangtanMatrix.PROVINCIAL_PEOPLES;
import static cn.hunan.mma.navigation.ranking.XiangtanMatrix.TOWNSHIP_CENTRE;
import static cn.hunan.mma.navigation.ranking.XiangtanMatrix.XIANGTAN_COUNTY;
import static cn.hunan.mma.navigation.ranking.XiangtanMatrix.XIANGYA;
import static cn.hunan.mma.navigation.ranking.XiangtanMatrix.YUETANG;
import static cn.hunan.mma.navigation.ranking.XiangtanMatrix.YUHU;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule per test on the 湘潭 matrix ({@link XiangtanMatrix}); expected orders are worked out
 * by hand from the default policy. Distances quoted are from the fixture's coordinates.
 */
class RecommenderTest {

    private static final Icd10Code HYPERTENSION = Icd10Code.of("I10");
    private static final Icd10Code CEREBRAL_INFARCTION = Icd10Code.of("I63.9");
    private static final Icd10Code CEREBRAL_THROMBOSIS = Icd10Code.of("I63.000");
    private static final Icd10Code BRAIN_TUMOUR = Icd10Code.of("C71.9");

    private XiangtanMatrix matrix = XiangtanMatrix.standard();
    private LiveSlots slots = LiveSlots.none();

    private Recommendation recommend(RecommendationRequest request) {
        return new Recommender(matrix, slots, matrix, RankingPolicy.DEFAULTS).recommend(request);
    }

    private List<InstitutionId> order(RecommendationRequest request) {
        return candidates(request).stream().map(Candidate::institutionId).toList();
    }

    private List<Candidate> candidates(RecommendationRequest request) {
        Recommendation answer = recommend(request);
        assertThat(answer).isInstanceOf(Recommendation.Ranked.class);
        return ((Recommendation.Ranked) answer).candidates();
    }

    @Nested
    class The_catalogue_level {

        @Test
        void sends_hypertension_to_the_township_first_and_higher_levels_after_it() {
            assertThat(order(forDiagnosis(HYPERTENSION, Location.in(XIANGTAN_COUNTY)).inDepartment(CARDIOLOGY)))
                    .containsExactly(TOWNSHIP_CENTRE, COUNTY_HOSPITAL, CITY_CENTRAL, CITY_FIRST,
                            PROVINCIAL_PEOPLES, XIANGYA);
        }

        @Test
        void leaves_out_institutions_below_the_level_of_a_stroke() {
            assertThat(order(forDiagnosis(CEREBRAL_INFARCTION, Location.in(XIANGTAN_COUNTY)).inDepartment(NEUROLOGY)))
                    .containsExactly(COUNTY_HOSPITAL, CITY_CENTRAL, CITY_FIRST, PROVINCIAL_PEOPLES, XIANGYA);
        }

        @Test
        void is_taken_from_the_longest_matching_prefix() {
            // I63 → COUNTY, but the more specific I63.0 → CITY decides for I63.000.
            assertThat(order(forDiagnosis(CEREBRAL_THROMBOSIS, Location.in(XIANGTAN_COUNTY)).inDepartment(NEUROLOGY)))
                    .containsExactly(CITY_CENTRAL, CITY_FIRST, PROVINCIAL_PEOPLES, XIANGYA);
        }

        @Test
        void uses_the_departments_treating_the_diagnosis_when_none_is_asked_for() {
            List<Candidate> candidates = candidates(forDiagnosis(CEREBRAL_THROMBOSIS, Location.in(YUETANG)));

            assertThat(candidates).extracting(Candidate::departmentId).containsOnly(CARDIOLOGY, NEUROLOGY);
            assertThat(candidates).hasSize(8);
        }

        @Test
        void without_a_diagnosis_starts_at_the_lowest_level_offering_the_department() {
            DepartmentId rehabilitation = DepartmentId.of("REHAB");
            matrix.department(COUNTY_HOSPITAL, rehabilitation, SpecialtyTag.ORDINARY)
                    .department(XIANGYA, rehabilitation, SpecialtyTag.KEY);

            List<Candidate> candidates = candidates(forDepartment(rehabilitation, Location.in(XIANGTAN_COUNTY)));

            assertThat(candidates).extracting(Candidate::institutionId).containsExactly(COUNTY_HOSPITAL, XIANGYA);
            assertThat(candidates.get(0).reasons().get(0)).startsWith("at the target level COUNTY");
        }
    }

    @Nested
    class The_urgency {

        @Test
        void moves_the_target_one_level_up_and_leaves_out_the_level_below() {
            RecommendationRequest routine = forDiagnosis(HYPERTENSION, Location.in(XIANGTAN_COUNTY)).inDepartment(CARDIOLOGY);

            assertThat(order(routine).get(0)).isEqualTo(TOWNSHIP_CENTRE);
            assertThat(order(routine.urgent()))
                    .containsExactly(COUNTY_HOSPITAL, CITY_CENTRAL, CITY_FIRST, PROVINCIAL_PEOPLES, XIANGYA);
        }

        @Test
        void cannot_go_above_the_province() {
            assertThat(order(forDiagnosis(BRAIN_TUMOUR, Location.in(XIANGTAN_COUNTY)).inDepartment(NEUROLOGY).urgent()))
                    .containsExactlyInAnyOrder(PROVINCIAL_PEOPLES, XIANGYA);
        }
    }

    @Nested
    class The_specialty_tag {

        private final RecommendationRequest stroke =
                forDiagnosis(CEREBRAL_THROMBOSIS, Location.in(YUETANG)).inDepartment(NEUROLOGY);

        @Test
        void without_tags_the_nearer_city_hospital_comes_first() {
            // From the 岳塘 seat: 湘潭市中心医院 2.4 km, 湘潭市第一人民医院 6.7 km.
            assertThat(order(stroke).subList(0, 2)).containsExactly(CITY_CENTRAL, CITY_FIRST);
        }

        @Test
        void puts_an_advantage_specialty_before_a_nearer_ordinary_one() {
            matrix.department(CITY_FIRST, NEUROLOGY, SpecialtyTag.ADVANTAGE);

            assertThat(order(stroke).subList(0, 2)).containsExactly(CITY_FIRST, CITY_CENTRAL);
        }

        @Test
        void puts_a_characteristic_specialty_before_a_nearer_ordinary_one() {
            matrix.department(CITY_FIRST, NEUROLOGY, SpecialtyTag.CHARACTERISTIC);

            assertThat(order(stroke).subList(0, 2)).containsExactly(CITY_FIRST, CITY_CENTRAL);
        }

        @Test
        void puts_a_key_specialty_before_a_nearer_advantage_one() {
            // From the 湘潭县 seat: 湖南省人民医院 46.7 km, 湘雅医院 48.4 km.
            matrix.department(XIANGYA, NEUROLOGY, SpecialtyTag.KEY)
                    .department(PROVINCIAL_PEOPLES, NEUROLOGY, SpecialtyTag.ADVANTAGE);

            assertThat(order(forDiagnosis(BRAIN_TUMOUR, Location.in(XIANGTAN_COUNTY)).inDepartment(NEUROLOGY)))
                    .containsExactly(XIANGYA, PROVINCIAL_PEOPLES);
        }

        @Test
        void does_not_lift_a_department_above_the_target_level() {
            matrix.department(XIANGYA, NEUROLOGY, SpecialtyTag.KEY);

            assertThat(order(stroke).get(0)).isEqualTo(CITY_CENTRAL);
        }
    }

    @Nested
    class Open_slots {

        private final RecommendationRequest stroke =
                forDiagnosis(CEREBRAL_THROMBOSIS, Location.in(YUETANG)).inDepartment(NEUROLOGY);

        @Test
        void puts_a_department_with_open_slots_before_a_nearer_full_one() {
            // Equal load (half booked) so only the open public slots differ.
            slots.slots(CITY_CENTRAL, NEUROLOGY, 10, 10, 10, 0)
                    .slots(CITY_FIRST, NEUROLOGY, 10, 5, 10, 5);

            assertThat(order(stroke).subList(0, 2)).containsExactly(CITY_FIRST, CITY_CENTRAL);
        }

        @Test
        void treats_stale_figures_as_no_open_slots() {
            slots.staleSlots(CITY_CENTRAL, NEUROLOGY, 10, 0)
                    .slots(CITY_FIRST, NEUROLOGY, 10, 5, 0, 0);

            assertThat(order(stroke).subList(0, 2)).containsExactly(CITY_FIRST, CITY_CENTRAL);
        }

        @Test
        void for_the_public_counts_public_slots() {
            // From 雨湖 the first hospital is nearer (0.5 km against 4.2 km), but it has no public slot left.
            // Both are ten of fourteen slots booked, so load does not tell them apart.
            slots.slots(CITY_CENTRAL, NEUROLOGY, 10, 6, 4, 4)
                    .slots(CITY_FIRST, NEUROLOGY, 10, 10, 4, 0);

            assertThat(order(forDiagnosis(CEREBRAL_THROMBOSIS, Location.in(YUHU)).inDepartment(NEUROLOGY)).subList(0, 2))
                    .containsExactly(CITY_CENTRAL, CITY_FIRST);
        }

        @Test
        void for_a_referring_doctor_counts_reserved_slots() {
            // From 岳塘 the central hospital is nearer, but its reserved slots are all taken.
            slots.slots(CITY_CENTRAL, NEUROLOGY, 10, 6, 4, 4)
                    .slots(CITY_FIRST, NEUROLOGY, 10, 10, 4, 0);

            assertThat(order(stroke.by(REFERRING_DOCTOR)).subList(0, 2)).containsExactly(CITY_FIRST, CITY_CENTRAL);
        }
    }

    @Nested
    class Nearness {

        @Test
        void puts_the_nearer_hospital_first_from_coordinates() {
            RecommendationRequest nearXiangya = forDiagnosis(BRAIN_TUMOUR, Location.at(28.2140, 112.9800))
                    .inDepartment(NEUROLOGY);
            RecommendationRequest nearPeoples = forDiagnosis(BRAIN_TUMOUR, Location.at(28.1950, 113.0010))
                    .inDepartment(NEUROLOGY);

            assertThat(order(nearXiangya)).containsExactly(XIANGYA, PROVINCIAL_PEOPLES);
            assertThat(order(nearPeoples)).containsExactly(PROVINCIAL_PEOPLES, XIANGYA);
        }

        @Test
        void measures_from_the_seat_of_the_division_given() {
            RecommendationRequest fromYuetang = forDiagnosis(CEREBRAL_THROMBOSIS, Location.in(YUETANG)).inDepartment(NEUROLOGY);
            RecommendationRequest fromYuhu = forDiagnosis(CEREBRAL_THROMBOSIS, Location.in(YUHU)).inDepartment(NEUROLOGY);

            assertThat(order(fromYuetang).subList(0, 2)).containsExactly(CITY_CENTRAL, CITY_FIRST);
            assertThat(order(fromYuhu).subList(0, 2)).containsExactly(CITY_FIRST, CITY_CENTRAL);
        }

        @Test
        void falls_back_to_the_county_seat_for_an_unsurveyed_township() {
            // 430321102 has no seat of its own: distances are measured from the 湘潭县 seat.
            Candidate nearest = candidates(forDiagnosis(BRAIN_TUMOUR, Location.in(DivisionCode.of("430321102")))
                    .inDepartment(NEUROLOGY)).get(0);

            assertThat(nearest.institutionId()).isEqualTo(PROVINCIAL_PEOPLES);
            assertThat(nearest.reasons()).contains("46.7 km away");
        }

        @Test
        void says_so_when_the_distance_is_unknown() {
            Candidate candidate = candidates(forDiagnosis(BRAIN_TUMOUR, Location.in(DivisionCode.of("430700")))
                    .inDepartment(NEUROLOGY)).get(0);

            assertThat(candidate.reasons()).contains("distance unknown");
        }
    }

    @Nested
    class Load_spreading {

        private final RecommendationRequest stroke =
                forDiagnosis(CEREBRAL_THROMBOSIS, Location.in(YUETANG)).inDepartment(NEUROLOGY);

        @Test
        void puts_the_less_loaded_same_city_hospital_before_a_nearer_busy_one() {
            // 湘潭市中心医院 is 4.3 km nearer (0.43 points) but 90% booked; 湘潭市第一人民医院 30%:
            // 10 × (0.9 − 0.3) = 6 points of load spreading.
            slots.slots(CITY_CENTRAL, NEUROLOGY, 20, 18, 0, 0)
                    .slots(CITY_FIRST, NEUROLOGY, 20, 6, 0, 0);

            assertThat(order(stroke).subList(0, 2)).containsExactly(CITY_FIRST, CITY_CENTRAL);
        }

        @Test
        void leaves_nearness_to_decide_between_equally_loaded_hospitals() {
            slots.slots(CITY_CENTRAL, NEUROLOGY, 20, 10, 0, 0)
                    .slots(CITY_FIRST, NEUROLOGY, 20, 10, 0, 0);

            assertThat(order(stroke).subList(0, 2)).containsExactly(CITY_CENTRAL, CITY_FIRST);
        }

        @Test
        void does_not_compare_same_level_hospitals_in_different_cities() {
            InstitutionId zhuzhouCentral = InstitutionId.of("430202H0001");
            matrix.institution(zhuzhouCentral, "株洲市中心医院", Level.CITY, "430202", 27.8300, 113.1500)
                    .department(zhuzhouCentral, NEUROLOGY, SpecialtyTag.ORDINARY);
            slots.slots(zhuzhouCentral, NEUROLOGY, 20, 2, 0, 0)
                    .slots(CITY_CENTRAL, NEUROLOGY, 20, 18, 0, 0);

            assertThat(candidates(stroke)).allSatisfy(candidate ->
                    assertThat(candidate.reasons()).noneMatch(reason -> reason.contains("same-city peers")));
        }
    }

    @Nested
    class The_current_institution {

        private final RecommendationRequest stroke =
                forDiagnosis(CEREBRAL_INFARCTION, Location.in(XIANGTAN_COUNTY)).inDepartment(NEUROLOGY).from(COUNTY_HOSPITAL);

        @Test
        void is_not_offered_back_to_the_doctor_referring_from_it() {
            assertThat(order(stroke.by(REFERRING_DOCTOR)))
                    .containsExactly(CITY_CENTRAL, CITY_FIRST, PROVINCIAL_PEOPLES, XIANGYA);
        }

        @Test
        void stays_on_offer_to_the_public() {
            assertThat(order(stroke).get(0)).isEqualTo(COUNTY_HOSPITAL);
        }
    }

    @Nested
    class The_search_area {

        // 湘乡市 (430381, another county of 湘潭市) has a key neurology department at county level:
        // over the whole province it would come first, but it is further away than 湘潭县's own.
        private final InstitutionId xiangxiang = InstitutionId.of("430381H0001");
        private final RecommendationRequest stroke =
                forDiagnosis(CEREBRAL_INFARCTION, Location.in(XIANGTAN_COUNTY)).inDepartment(NEUROLOGY);

        The_search_area() {
            matrix.institution(xiangxiang, "湘乡市人民医院", Level.COUNTY, "430381", 27.7340, 112.5300)
                    .department(xiangxiang, NEUROLOGY, SpecialtyTag.KEY);
        }

        private Recommendation recommend(RecommendationRequest request, int limit) {
            return new Recommender(matrix, slots, matrix, RankingPolicy.DEFAULTS).recommend(request, limit);
        }

        private List<InstitutionId> order(RecommendationRequest request, int limit) {
            return ((Recommendation.Ranked) recommend(request, limit)).candidates().stream()
                    .map(Candidate::institutionId).toList();
        }

        @Test
        void stays_in_the_patients_county_while_it_offers_enough() {
            // 湘潭县 offers one candidate at or above COUNTY (the county hospital; the township centre is below).
            assertThat(order(stroke, 1)).containsExactly(COUNTY_HOSPITAL);
        }

        @Test
        void widens_to_the_city_when_the_county_offers_too_few() {
            // 湘潭市: the key department of 湘乡 (+300), the county hospital, then the two city hospitals
            // a level above the target; 长沙's provincial hospitals are not looked at.
            assertThat(order(stroke, 4)).containsExactly(xiangxiang, COUNTY_HOSPITAL, CITY_CENTRAL, CITY_FIRST);
        }

        @Test
        void widens_to_the_province_when_the_city_offers_too_few() {
            assertThat(order(stroke, 5)).containsExactly(xiangxiang, COUNTY_HOSPITAL, CITY_CENTRAL, CITY_FIRST,
                    PROVINCIAL_PEOPLES);
        }

        @Test
        void starts_from_the_township_of_a_village() {
            // 花石镇 (430321101) has the township centre, the right level for hypertension.
            RecommendationRequest hypertension = forDiagnosis(HYPERTENSION, Location.in(DivisionCode.of("430321101201")))
                    .inDepartment(CARDIOLOGY);

            assertThat(order(hypertension, 1)).containsExactly(TOWNSHIP_CENTRE);
        }

        @Test
        void answers_at_most_the_limit_best_first() {
            List<InstitutionId> all = order(stroke, 50);

            assertThat(all).hasSize(6); // every department but the township centre, below the target
            assertThat(order(stroke, 3)).isEqualTo(order(stroke, 4).subList(0, 3));
        }

        @Test
        void answers_ten_candidates_unless_told_otherwise() {
            for (int i = 0; i < 12; i++) {
                InstitutionId extra = InstitutionId.of(String.format("430321H%04d", 100 + i));
                matrix.institution(extra, "县医院 " + i, Level.COUNTY, "430321", 27.78, 112.95)
                        .department(extra, NEUROLOGY, SpecialtyTag.ORDINARY);
            }

            assertThat(RecommenderTest.this.order(stroke)).hasSize(Recommender.DEFAULT_LIMIT);
        }
    }

    @Test
    void explains_each_candidates_rank() {
        slots.slots(CITY_CENTRAL, NEUROLOGY, 20, 15, 0, 0)
                .slots(CITY_FIRST, NEUROLOGY, 20, 5, 0, 0);
        matrix.department(CITY_FIRST, NEUROLOGY, SpecialtyTag.KEY);

        Candidate first = candidates(forDiagnosis(CEREBRAL_THROMBOSIS, Location.in(YUHU)).inDepartment(NEUROLOGY)).get(0);

        assertThat(first.institutionName()).isEqualTo("湘潭市第一人民医院");
        assertThat(first.reasons()).hasSize(5);
        assertThat(first.reasons().subList(0, 3)).containsExactly(
                "at the target level CITY (catalogue: I63.0 → CITY)",
                "key specialty (重点专科)",
                "15 public slots open");
        assertThat(first.reasons().get(3)).matches("0\\.\\d km away");
        assertThat(first.reasons().get(4)).isEqualTo("25% booked, against 75% at the busiest of 2 same-city peers");
    }

    @Nested
    class The_recommender_rejects {

        @Test
        void a_diagnosis_no_catalogue_entry_covers() {
            assertThat(recommend(forDiagnosis(Icd10Code.of("Z99.2"), Location.in(XIANGTAN_COUNTY))))
                    .isEqualTo(new Recommendation.Rejected(RejectionReason.UNKNOWN_DIAGNOSIS, "diagnosis",
                            "no guidance-catalogue entry covers this diagnosis"));
        }

        @Test
        void a_catalogued_diagnosis_no_department_is_mapped_to_treat_instead_of_answering_nobody() {
            // N99 (post-procedural disorders of the genitourinary system): in the catalogue, in no diagnosis range.
            matrix = XiangtanMatrix.standard().catalogue("N99", Level.COUNTY);

            assertThat(recommend(forDiagnosis(Icd10Code.of("N99.1"), Location.in(XIANGTAN_COUNTY))))
                    .isInstanceOfSatisfying(Recommendation.Rejected.class, rejected -> {
                        assertThat(rejected.reason()).isEqualTo(RejectionReason.UNMAPPED_DIAGNOSIS);
                        assertThat(rejected.field()).isEqualTo("diagnosis");
                    });
            assertThat(order(forDiagnosis(Icd10Code.of("N99.1"), Location.in(XIANGTAN_COUNTY)).inDepartment(NEUROLOGY)))
                    .as("with a department named, the diagnosis still sets the level and the department is looked for")
                    .isNotEmpty();
        }

        @Test
        void a_division_outside_hunan() {
            assertThat(recommend(forDiagnosis(HYPERTENSION, Location.in(DivisionCode.of("440300")))))
                    .isInstanceOfSatisfying(Recommendation.Rejected.class, rejected -> {
                        assertThat(rejected.reason()).isEqualTo(RejectionReason.LOCATION_OUTSIDE_HUNAN);
                        assertThat(rejected.field()).isEqualTo("location.division");
                    });
        }

        @Test
        void coordinates_south_of_hunan() {
            // 广州
            assertThat(recommend(forDiagnosis(HYPERTENSION, Location.at(23.13, 113.26))))
                    .isInstanceOfSatisfying(Recommendation.Rejected.class, rejected -> {
                        assertThat(rejected.reason()).isEqualTo(RejectionReason.LOCATION_OUTSIDE_HUNAN);
                        assertThat(rejected.field()).isEqualTo("location.point");
                    });
        }

        @Test
        void coordinates_east_of_hunan_at_a_hunan_latitude() {
            // 南昌
            assertThat(recommend(forDiagnosis(HYPERTENSION, Location.at(28.68, 115.86))))
                    .extracting(answer -> ((Recommendation.Rejected) answer).reason())
                    .isEqualTo(RejectionReason.LOCATION_OUTSIDE_HUNAN);
        }

        @Test
        void coordinates_at_hunans_west_edge_are_taken_up_to_the_registrys_bound_and_not_beyond() {
            // 新晃侗族自治县 reaches 108°47′ E: a patient there stands where the registry takes hospitals (from 108.65).
            assertThat(recommend(forDiagnosis(HYPERTENSION, Location.at(27.35, 108.70))))
                    .isInstanceOf(Recommendation.Ranked.class);
            assertThat(recommend(forDiagnosis(HYPERTENSION, Location.at(27.35, 108.60))))
                    .extracting(answer -> ((Recommendation.Rejected) answer).reason())
                    .isEqualTo(RejectionReason.LOCATION_OUTSIDE_HUNAN);
        }

        @Test
        void a_department_no_institution_has() {
            assertThat(recommend(forDepartment(DepartmentId.of("DERM"), Location.in(XIANGTAN_COUNTY))))
                    .extracting(answer -> ((Recommendation.Rejected) answer).reason(),
                            answer -> ((Recommendation.Rejected) answer).field())
                    .containsExactly(RejectionReason.UNKNOWN_DEPARTMENT, "department");
        }

        @Test
        void a_current_institution_not_in_the_matrix() {
            assertThat(recommend(forDiagnosis(HYPERTENSION, Location.in(XIANGTAN_COUNTY))
                    .from(InstitutionId.of("430321H9999"))))
                    .extracting(answer -> ((Recommendation.Rejected) answer).reason(),
                            answer -> ((Recommendation.Rejected) answer).field())
                    .containsExactly(RejectionReason.UNKNOWN_INSTITUTION, "currentInstitution");
        }

        @Test
        void a_request_with_neither_diagnosis_nor_department() {
            assertThat(recommend(new RecommendationRequest(null, null, Location.in(XIANGTAN_COUNTY), null,
                    Urgency.ROUTINE, CallerKind.PUBLIC)))
                    .extracting(answer -> ((Recommendation.Rejected) answer).reason())
                    .isEqualTo(RejectionReason.MISSING_FIELD);
        }

        @Test
        void a_request_without_a_location() {
            assertThat(recommend(forDiagnosis(HYPERTENSION, null)))
                    .extracting(answer -> ((Recommendation.Rejected) answer).field())
                    .isEqualTo("location");
        }

        @Test
        void no_request_at_all() {
            assertThat(recommend(null)).isInstanceOf(Recommendation.Rejected.class);
        }
    }
}
