package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.care.DischargeMode;
import cn.hunan.mma.events.value.Period;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.hunan.mma.events.referral.ReferralDirection.DOWN;
import static cn.hunan.mma.events.referral.ReferralDirection.UP;
import static cn.hunan.mma.simulator.oracle.Deliveries.deliveries;
import static cn.hunan.mma.simulator.oracle.Events.discharge;
import static cn.hunan.mma.simulator.oracle.Referrals.referral;
import static cn.hunan.mma.simulator.oracle.SmallHunan.CENTRAL_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.COUNTY_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.TOWNSHIP_CENTRE;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGTAN_COUNTY_COMMUNITY;
import static cn.hunan.mma.simulator.oracle.SmallHunan.scopeOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three referrals sent by members of 湘潭县医共体 in March 2025:
 * <pre>
 * R1  UP    township centre → county hospital    requested, rejected                       → REJECTED
 * R2  UP    township centre → central hospital   requested, accepted, scheduled, no-show   → NO_SHOW
 * R3  DOWN  county hospital → township centre    the whole lifecycle, delivered scrambled  → COMPLETED
 * </pre>
 * plus a lone acceptance of R4, whose request never arrived, and one transfer (discharge mode 2)
 * from the township centre that went round the platform.
 */
class OracleReferralsTest {

    private static final Period MARCH = Period.month(2025, 3);

    @TempDir
    Path dir;

    private OracleReport report;

    @BeforeEach
    void three_referrals() {
        Referrals r1 = referral("R1");
        Referrals r2 = referral("R2");
        Referrals r3 = referral("R3");
        report = deliveries()
                .deliver(r1.requested(TOWNSHIP_CENTRE, COUNTY_HOSPITAL, UP, "2025-03-01T09:00"), r1.rejected("2025-03-01T15:00"))
                .deliver(r2.requested(TOWNSHIP_CENTRE, CENTRAL_HOSPITAL, UP, "2025-03-03T09:00"), r2.accepted("2025-03-03T11:00"),
                        r2.scheduled("2025-03-03T12:00"), r2.noShow("2025-03-05T09:00"))
                .deliver(r3.completed("2025-03-12T10:00"), r3.accepted("2025-03-05T11:00"), r3.scheduled("2025-03-05T12:00"),
                        r3.requested(COUNTY_HOSPITAL, TOWNSHIP_CENTRE, DOWN, "2025-03-05T09:00"), r3.arrived("2025-03-06T09:00"),
                        r3.treatmentStarted("2025-03-06T10:00"))
                .deliver(referral("R4").accepted("2025-03-07T09:00"))
                .deliver(discharge("transfer round the platform").from(TOWNSHIP_CENTRE)
                        .mode(DischargeMode.TRANSFERRED_TO_HOSPITAL).build())
                .throughTheOracle(dir);
    }

    @Test
    void referrals_are_counted_by_direction_and_final_state() {
        assertThat(report.count(scopeOf(XIANGTAN_COUNTY_COMMUNITY), MARCH, "referrals.UP")).isEqualTo(2);
        assertThat(report.count(scopeOf(XIANGTAN_COUNTY_COMMUNITY), MARCH, "referrals.UP.final.REJECTED")).isEqualTo(1);
        assertThat(report.count(scopeOf(XIANGTAN_COUNTY_COMMUNITY), MARCH, "referrals.UP.final.NO_SHOW")).isEqualTo(1);
        assertThat(report.count(scopeOf(XIANGTAN_COUNTY_COMMUNITY), MARCH, "referrals.DOWN")).isEqualTo(1);
        assertThat(report.count(scopeOf(XIANGTAN_COUNTY_COMMUNITY), MARCH, "referrals.DOWN.final.COMPLETED")).isEqualTo(1);
        assertThat(report.count(scopeOf(XIANGTAN_COUNTY_COMMUNITY), MARCH, "referrals.DOWN.final.ARRIVED")).isZero();
    }

    @Test
    void referrals_count_under_their_sender_not_their_receiver() {
        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), MARCH, "referrals.UP")).isEqualTo(2);
        assertThat(report.count(scopeOf(COUNTY_HOSPITAL), MARCH, "referrals.UP")).isZero();
        assertThat(report.count(scopeOf(COUNTY_HOSPITAL), MARCH, "referrals.DOWN")).isEqualTo(1);
    }

    @Test
    void the_closed_loop_rate_is_completed_over_accepted() {
        // accepted: R2 (then no-show) and R3; completed: R3 → 1 / 2; R1 was never accepted
        assertThat(report.ratio(scopeOf(XIANGTAN_COUNTY_COMMUNITY), MARCH, "referral.closed-loop-rate")).isEqualTo("0.500000");
        assertThat(report.ratio(scopeOf(COUNTY_HOSPITAL), MARCH, "referral.closed-loop-rate")).isEqualTo("1.000000");
    }

    @Test
    void upward_referrals_through_the_platform_are_compared_with_all_upward_transfers() {
        // township centre: 2 upward referrals + 1 transfer outside the platform → 2 / 3
        assertThat(report.ratio(scopeOf(TOWNSHIP_CENTRE), MARCH, "referral.upward-through-platform-share")).isEqualTo("0.666667");
    }

    @Test
    void a_referral_whose_request_never_arrived_is_reported_not_counted() {
        assertThat(report.delivery().referralsWithoutRequest()).isEqualTo(1);
        assertThat(report.count(scopeOf(XIANGTAN_COUNTY_COMMUNITY), MARCH, "referrals.HORIZONTAL")).isZero();
    }
}
