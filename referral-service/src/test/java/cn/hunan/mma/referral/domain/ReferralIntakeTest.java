package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.referral.ReferralCriterion;
import cn.hunan.mma.events.referral.ReferralDirection;
import cn.hunan.mma.events.referral.ReferralParty;
import cn.hunan.mma.events.referral.Urgency;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.events.value.ReferralId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.hunan.mma.referral.domain.Referrals.NOW;
import static cn.hunan.mma.referral.domain.Referrals.anEventId;
import static org.assertj.core.api.Assertions.assertThat;

class ReferralIntakeTest {

    private static final InstitutionProfile VILLAGE_CLINIC = profile("430321100001V1", Level.VILLAGE, "430321100001");
    private static final InstitutionProfile TOWNSHIP_CENTRE = profile("430321T0001", Level.TOWNSHIP, "430321100");
    private static final InstitutionProfile COUNTY_HOSPITAL = profile("430321H0001", Level.COUNTY, "430321");
    private static final InstitutionProfile OTHER_COUNTY_HOSPITAL = profile("430381H0001", Level.COUNTY, "430381");
    private static final InstitutionProfile PROVINCIAL_HOSPITAL = profile("430100P0001", Level.PROVINCE, "430102");
    private static final InstitutionProfile CLOSED_CLINIC =
            new InstitutionProfile(InstitutionId.of("430321T0009"), Level.TOWNSHIP, DivisionCode.of("430321101"), Set.of(), false);

    private static final Map<String, InstitutionProfile> MATRIX = Map.of(
            "430321100001V1", VILLAGE_CLINIC, "430321T0001", TOWNSHIP_CENTRE, "430321H0001", COUNTY_HOSPITAL,
            "430381H0001", OTHER_COUNTY_HOSPITAL, "430100P0001", PROVINCIAL_HOSPITAL, "430321T0009", CLOSED_CLINIC);

    /** Hypertension (I10) is kept at township level, diabetes (E11) at county level; E11.9 has no entry of its own. */
    private static final GuidanceCatalogue CATALOGUE = diagnosis -> diagnosis.isUnder(Icd10Code.of("I10"))
            ? Optional.of(Level.TOWNSHIP)
            : diagnosis.isUnder(Icd10Code.of("E11")) ? Optional.of(Level.COUNTY) : Optional.empty();

    /** The matrix states the receiving department (CARDIO) among the receiver's. */
    private static final ReceivingDepartment STATED = new ReceivingDepartment(true, true);

    private final ReferralIntake intake = new ReferralIntake(id -> Optional.ofNullable(MATRIX.get(id.value())),
            CATALOGUE, new ReviewPolicy(Set.of(DivisionCode.of("430100"))));

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "430321T0001, 430321H0001, UP",
            "430321H0001, 430100P0001, UP",
            "430321H0001, 430321T0001, DOWN",
            "430100P0001, 430321100001V1, DOWN",
            "430321H0001, 430381H0001, HORIZONTAL",
    })
    void the_direction_follows_the_two_institutions_levels(String sender, String receiver, ReferralDirection expected) {
        var requested = requested(application(sender, receiver, "J18.9", List.of(ReferralCriterion.OTHER)));

        assertThat(requested.event().direction()).isEqualTo(expected);
    }

    @Test
    void an_upward_referral_of_a_disease_kept_at_the_senders_level_is_flagged() {
        var hypertensionUp = requested(application("430321T0001", "430321H0001", "I10.x00",
                List.of(ReferralCriterion.NEEDS_HIGHER_LEVEL_TESTS)));

        assertThat(hypertensionUp.flags()).containsExactly(ReferralFlag.UPWARD_AGAINST_CATALOGUE);
        assertThat(hypertensionUp.event().flaggedAgainstCatalogue()).isTrue();
    }

    @Test
    void an_upward_referral_of_a_disease_kept_at_a_lower_level_is_flagged_too() {
        var hypertensionFromCounty = requested(application("430321H0001", "430100P0001", "I10",
                List.of(ReferralCriterion.BEYOND_LOCAL_CAPABILITY)));

        assertThat(hypertensionFromCounty.flags()).contains(ReferralFlag.UPWARD_AGAINST_CATALOGUE);
    }

    @Test
    void an_upward_referral_of_a_disease_kept_above_the_sender_is_not_flagged() {
        var diabetesUp = requested(application("430321T0001", "430321H0001", "E11.9",
                List.of(ReferralCriterion.BEYOND_LOCAL_CAPABILITY)));

        assertThat(diabetesUp.flags()).isEmpty();
        assertThat(diabetesUp.event().flaggedAgainstCatalogue()).isFalse();
    }

    @Test
    void a_downward_referral_is_never_flagged_against_the_catalogue() {
        var hypertensionDown = requested(application("430321H0001", "430321T0001", "I10",
                List.of(ReferralCriterion.CHRONIC_LONG_TERM_CARE)));

        assertThat(hypertensionDown.flags()).isEmpty();
    }

    @Test
    void a_referral_whose_criteria_do_not_fit_its_direction_is_flagged_as_missing_its_criteria() {
        var upForRehabilitation = requested(application("430321T0001", "430321H0001", "E11.9",
                List.of(ReferralCriterion.REHABILITATION)));
        var downForTests = requested(application("430321H0001", "430321T0001", "E11.9",
                List.of(ReferralCriterion.NEEDS_HIGHER_LEVEL_TESTS)));

        assertThat(upForRehabilitation.flags()).containsExactly(ReferralFlag.CRITERIA_MISSING);
        assertThat(downForTests.flags()).containsExactly(ReferralFlag.CRITERIA_MISSING);
        assertThat(upForRehabilitation.event().criteriaMissing()).isTrue();
        assertThat(downForTests.event().criteriaMissing()).isTrue();
    }

    @Test
    void a_referral_stating_no_criterion_is_accepted_and_flagged_rather_than_refused() {
        var noCriteria = requested(application("430321T0001", "430321H0001", "E11.9", List.of()));

        assertThat(noCriteria.flags()).containsExactly(ReferralFlag.CRITERIA_MISSING);
        assertThat(noCriteria.event().criteriaMet()).isEmpty();
        assertThat(noCriteria.event().criteriaMissing()).isTrue();
    }

    @Test
    void a_referral_whose_criteria_fit_says_so_on_its_event() {
        var justified = requested(application("430321T0001", "430321H0001", "E11.9",
                List.of(ReferralCriterion.BEYOND_LOCAL_CAPABILITY)));

        assertThat(justified.event().criteriaMissing()).isFalse();
    }

    @Test
    void review_follows_the_senders_city() {
        var fromChangsha = requested(application("430100P0001", "430321H0001", "I63.9",
                List.of(ReferralCriterion.REHABILITATION)));
        var fromXiangtan = requested(application("430321H0001", "430100P0001", "I63.9",
                List.of(ReferralCriterion.BEYOND_LOCAL_CAPABILITY)));

        assertThat(fromChangsha.referral().reviewRequired()).isTrue();
        assertThat(fromXiangtan.referral().reviewRequired()).isFalse();
        assertThat(fromXiangtan.referral().status()).isEqualTo(ReferralStatus.REQUESTED);
    }

    @Test
    void a_self_referral_is_refused() {
        assertThat(refusal(application("430321H0001", "430321H0001", "I10", List.of(ReferralCriterion.OTHER))).kind())
                .isEqualTo(Refusal.Kind.SELF_REFERRAL);
    }

    @Test
    void an_unknown_or_closed_institution_is_refused() {
        assertThat(refusal(application("430321T0001", "439999H0001", "I10", List.of(ReferralCriterion.OTHER))).message())
                .contains("439999H0001");
        assertThat(refusal(application("430321T0009", "430321H0001", "I10", List.of(ReferralCriterion.OTHER))).kind())
                .isEqualTo(Refusal.Kind.UNKNOWN_INSTITUTION);
    }

    @Test
    void the_episode_id_links_the_stays_and_travels_on_the_event() {
        var requested = requested(application("430321T0001", "430321H0001", "E11.9",
                List.of(ReferralCriterion.BEYOND_LOCAL_CAPABILITY)));

        assertThat(requested.event().episodeId()).isEqualTo(EpisodeId.of("E-7"));
        assertThat(requested.referral().episodeId()).isEqualTo(EpisodeId.of("E-7"));
    }

    @Test
    void a_receiving_department_the_matrix_does_not_state_for_the_receiver_is_refused_naming_the_field() {
        var cardiology = application("430321T0001", "430321H0001", "I21.9", List.of(ReferralCriterion.BEYOND_LOCAL_CAPABILITY));

        Refusal refusal = refusal(cardiology, new ReceivingDepartment(true, false));

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.UNKNOWN_DEPARTMENT);
        assertThat(refusal.field()).contains("receiverDepartmentId");
        assertThat(refusal.message()).isEqualTo("the matrix states no department CARDIO of 430321H0001");
    }

    @Test
    void any_department_is_taken_while_the_matrix_states_none_of_the_receiver_s() {
        var cardiology = application("430321T0001", "430321H0001", "I21.9", List.of(ReferralCriterion.BEYOND_LOCAL_CAPABILITY));

        assertThat(intake.assess(cardiology, new ReceivingDepartment(false, false), anEventId(), NOW))
                .isInstanceOf(IntakeDecision.Requested.class);
    }

    @Test
    void an_unknown_institution_is_refused_naming_its_field() {
        assertThat(refusal(application("430321T0001", "430321H9999", "I21.9", List.of(ReferralCriterion.OTHER))).field())
                .contains("receiverInstitutionId");
        assertThat(refusal(application("430321T0009", "430321H0001", "I21.9", List.of(ReferralCriterion.OTHER))).field())
                .contains("senderInstitutionId");
    }

    private IntakeDecision.Requested requested(ReferralApplication application) {
        IntakeDecision decision = intake.assess(application, STATED, anEventId(), NOW);
        assertThat(decision).isInstanceOf(IntakeDecision.Requested.class);
        return (IntakeDecision.Requested) decision;
    }

    private Refusal refusal(ReferralApplication application) {
        return refusal(application, STATED);
    }

    private Refusal refusal(ReferralApplication application, ReceivingDepartment department) {
        IntakeDecision decision = intake.assess(application, department, anEventId(), NOW);
        assertThat(decision).isInstanceOf(IntakeDecision.Refused.class);
        return ((IntakeDecision.Refused) decision).refusal();
    }

    private static ReferralApplication application(String sender, String receiver, String diagnosis,
                                                   List<ReferralCriterion> criteria) {
        return new ReferralApplication(ReferralId.of("R-9"), EpisodeId.of("E-7"),
                new ReferralParty(InstitutionId.of(sender), DepartmentId.of("GENERAL")),
                new ReferralParty(InstitutionId.of(receiver), DepartmentId.of("CARDIO")),
                PatientPseudonym.of("a".repeat(64)), Icd10Code.of(diagnosis), "needs a cardiologist", criteria,
                Urgency.ROUTINE, List.of("ehr://430321T0001/visit/1"));
    }

    private static InstitutionProfile profile(String id, Level level, String division) {
        return new InstitutionProfile(InstitutionId.of(id), level, DivisionCode.of(division), Set.of(), true);
    }
}
