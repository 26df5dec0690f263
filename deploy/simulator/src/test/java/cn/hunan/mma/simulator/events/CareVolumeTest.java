package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.care.InpatientAdmitted;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.referral.ReferralDirection;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.events.faults.FaultRates;
import cn.hunan.mma.simulator.io.EventLine;
import cn.hunan.mma.simulator.matrix.HospitalMatrix;
import cn.hunan.mma.simulator.matrix.Institution;
import cn.hunan.mma.simulator.reference.ReferenceData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A month of 韶山市 (about 100,000 residents, an older than average population) against DOMAIN §2's orders of magnitude. */
class CareVolumeTest {

    private static final long SEED = 5;
    private static final int DAYS = 31;
    private static final List<ContractRecord> records = new ArrayList<>();
    private static HospitalMatrix matrix;
    private static long residents;

    @BeforeAll
    static void simulateMarch() {
        Simulation simulation = SmallRuns.simulation(SEED, LocalDate.of(2025, 3, 1), DAYS, FaultRates.none(), 2);
        matrix = SmallRuns.matrix(SEED);
        residents = ReferenceData.bundled().census().get("430382").population();
        ContractCodec codec = ContractCodec.standard();
        for (EventLine line : SmallRuns.lines(simulation)) {
            records.add(codec.decode(line.value(), Topics.byName(line.topic()).orElseThrow().valueType()).orElseThrow());
        }
    }

    @Test
    void about_four_and_a_half_visits_per_resident_a_year() {
        double perResidentYear = count(OutpatientVisitRecorded.class) * 365.0 / DAYS / residents;
        assertThat(perResidentYear).isBetween(4.0, 5.8);
    }

    @Test
    void about_a_fifth_of_an_admission_per_resident_a_year() {
        double perResidentYear = count(InpatientAdmitted.class) * 365.0 / DAYS / residents;
        assertThat(perResidentYear).isBetween(0.17, 0.30);
    }

    @Test
    void most_visits_are_in_primary_care_and_most_admissions_in_the_own_county() {
        List<OutpatientVisitRecorded> visits = of(OutpatientVisitRecorded.class);
        long primary = visits.stream().filter(v -> level(v.institutionId().value()).isAtOrBelow(Level.TOWNSHIP)).count();
        assertThat((double) primary / visits.size()).isBetween(0.45, 0.75);
        List<InpatientAdmitted> admissions = of(InpatientAdmitted.class);
        long inCounty = admissions.stream().filter(a -> county(a.institutionId().value()).equals("430382")).count();
        assertThat((double) inCounty / admissions.size()).isBetween(0.5, 0.95);
    }

    @Test
    void discharges_are_consistent_with_their_stay_and_bill() {
        List<InpatientDischarged> discharges = of(InpatientDischarged.class);
        assertThat(discharges).isNotEmpty().allSatisfy(discharge -> {
            assertThat(discharge.lengthOfStayDays())
                    .isEqualTo((int) ChronoUnit.DAYS.between(discharge.admissionDate(), discharge.dischargeDate()))
                    .isPositive();
            assertThat(discharge.charges().fundPaid().plus(discharge.charges().outOfPocket()).isGreaterThan(discharge.charges().total()))
                    .isFalse();
            assertThat(discharge.insuredAreaDivision().value()).isEqualTo("430382");
        });
        double meanCostYuan = discharges.stream().mapToLong(d -> d.charges().total().fen()).average().orElseThrow() / 100;
        assertThat(meanCostYuan).isBetween(4_000.0, 20_000.0);
        assertThat(discharges).anySatisfy(d -> assertThat(d.dischargeMode().nationalCode()).isEqualTo("3"));
    }

    @Test
    void referral_directions_match_the_levels_of_sender_and_receiver() {
        List<ReferralRequested> requests = of(ReferralRequested.class);
        assertThat(requests).extracting(ReferralRequested::direction)
                .contains(ReferralDirection.UP, ReferralDirection.DOWN);
        for (ReferralRequested request : requests) {
            Level sender = level(request.sender().institutionId().value());
            Level receiver = level(request.receiver().institutionId().value());
            switch (request.direction()) {
                case UP -> assertThat(receiver.isAbove(sender)).as(request.referralId().value()).isTrue();
                case DOWN -> assertThat(receiver.isBelow(sender)).as(request.referralId().value()).isTrue();
                case HORIZONTAL -> assertThat(receiver).isEqualTo(sender);
            }
        }
    }

    @Test
    void every_referred_admission_carries_the_episode_of_its_request() {
        List<String> episodes = of(ReferralRequested.class).stream().map(r -> r.episodeId().value()).toList();
        List<InpatientAdmitted> referred = of(InpatientAdmitted.class).stream().filter(a -> a.referralId() != null).toList();
        assertThat(referred).isNotEmpty().allSatisfy(a -> assertThat(episodes).contains(a.episodeId().value()));
    }

    private static Level level(String institutionId) {
        return matrix.institution(institutionId).map(Institution::level).orElseThrow();
    }

    private static String county(String institutionId) {
        return matrix.institution(institutionId).map(Institution::countyCode).orElseThrow();
    }

    private static long count(Class<? extends ContractRecord> type) {
        return records.stream().filter(type::isInstance).count();
    }

    private static <T extends ContractRecord> List<T> of(Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
