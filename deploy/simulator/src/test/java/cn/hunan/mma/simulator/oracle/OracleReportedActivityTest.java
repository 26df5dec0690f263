package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.prevention.KeyGroup;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static cn.hunan.mma.simulator.oracle.Deliveries.deliveries;
import static cn.hunan.mma.simulator.oracle.Events.visit;
import static cn.hunan.mma.simulator.oracle.Reports.complaint;
import static cn.hunan.mma.simulator.oracle.Reports.contract;
import static cn.hunan.mma.simulator.oracle.Reports.followUp;
import static cn.hunan.mma.simulator.oracle.Reports.slotsBooked;
import static cn.hunan.mma.simulator.oracle.Reports.slotsPublished;
import static cn.hunan.mma.simulator.oracle.Reports.slotsReleased;
import static cn.hunan.mma.simulator.oracle.SmallHunan.COUNTY_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.TOWNSHIP_CENTRE;
import static cn.hunan.mma.simulator.oracle.SmallHunan.scopeOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Capacity, prevention and conduct reports, all in March 2025. */
class OracleReportedActivityTest {

    private static final Period MARCH = Period.month(2025, 3);

    @TempDir
    Path dir;

    @Test
    void reserved_slot_use_is_referral_bookings_over_reserved_slots() {
        OracleReport report = deliveries()
                .deliver(slotsPublished("published", COUNTY_HOSPITAL, 40, 10))
                .deliver(slotsBooked("referral booking", COUNTY_HOSPITAL, SlotChannel.REFERRAL, 4))
                .deliver(slotsBooked("public booking", COUNTY_HOSPITAL, SlotChannel.PUBLIC, 30))
                .throughTheOracle(dir);

        // 4 of the 10 reserved slots were booked by referrals; public bookings do not count
        assertThat(report.ratio(scopeOf(COUNTY_HOSPITAL), MARCH, "referral.reserved-slot-use-rate")).isEqualTo("0.400000");
    }

    /**
     * 10 reserved, 8 scheduled by referrals, 4 of those referrals cancelled or missed (their slots given back), and the
     * 2 slots nobody booked opened to the public the day before: 4 of the 10 reserved slots were used, not 8 (DOMAIN §5).
     */
    @Test
    void referral_bookings_given_back_are_not_reserved_slots_used_and_openings_to_the_public_leave_the_reserved_slots() {
        OracleReport report = deliveries()
                .deliver(slotsPublished("published", COUNTY_HOSPITAL, 40, 10))
                .deliver(slotsBooked("referral bookings", COUNTY_HOSPITAL, SlotChannel.REFERRAL, 8))
                .deliver(slotsReleased("cancelled", COUNTY_HOSPITAL, SlotChannel.REFERRAL, 3, null))
                .deliver(slotsReleased("no-show", COUNTY_HOSPITAL, SlotChannel.REFERRAL, 1, null))
                .deliver(slotsReleased("opened to the public", COUNTY_HOSPITAL, SlotChannel.PUBLIC, 2, SlotChannel.REFERRAL))
                .throughTheOracle(dir);

        assertThat(report.ratio(scopeOf(COUNTY_HOSPITAL), MARCH, "referral.reserved-slot-use-rate")).isEqualTo("0.400000");
    }

    @Test
    void chronic_follow_ups_near_home_are_those_at_village_or_township() {
        OracleReport report = deliveries()
                .deliver(followUp("in the village", TOWNSHIP_CENTRE, Level.VILLAGE))
                .deliver(followUp("at the centre", TOWNSHIP_CENTRE, Level.TOWNSHIP))
                .deliver(followUp("at the county hospital", TOWNSHIP_CENTRE, Level.COUNTY))
                .throughTheOracle(dir);

        // 2 of 3
        assertThat(report.ratio(scopeOf(TOWNSHIP_CENTRE), MARCH, "prevention.near-home-follow-up-share")).isEqualTo("0.666667");
    }

    @Test
    void family_doctor_contracts_are_counted_with_those_of_key_groups() {
        OracleReport report = deliveries()
                .deliver(contract("elderly couple", TOWNSHIP_CENTRE, List.of(KeyGroup.ELDERLY, KeyGroup.HYPERTENSION)))
                .deliver(contract("young worker", TOWNSHIP_CENTRE, List.of()))
                .throughTheOracle(dir);

        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), MARCH, "prevention.family-doctor-contracts")).isEqualTo(2);
        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), MARCH, "prevention.family-doctor-contracts.key-groups")).isEqualTo(1);
    }

    @Test
    void only_complaints_confirmed_by_a_correction_count_per_10000_visits() {
        OracleReport report = deliveries()
                .deliver(visit("v-1").build(), visit("v-2").build(), visit("v-3").build())
                .deliver(complaint("complaint-1", TOWNSHIP_CENTRE, false, null))
                .deliver(complaint("complaint-1 verified", TOWNSHIP_CENTRE, true, "complaint-1"))
                .deliver(complaint("complaint-2", TOWNSHIP_CENTRE, false, null))
                .throughTheOracle(dir);

        // 1 verified complaint × 10000 / 3 visits = 3333.3333…
        FigureValue complaints = report.figure(scopeOf(TOWNSHIP_CENTRE), MARCH, "conduct.verified-complaints-per-10000-visits")
                .orElseThrow();
        assertThat(complaints.numerator().amount()).isEqualTo(1);
        assertThat(complaints.denominator().amount()).isEqualTo(3);
        assertThat(complaints.ratio()).isEqualTo("3333.3333");
    }
}
