package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsReleased;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.codec.DecodeResult;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.simulator.events.faults.FaultRates;
import cn.hunan.mma.simulator.io.EventLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedLinesTest {

    private static final ContractCodec CODEC = ContractCodec.withClock(Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static List<EventLine> lines;

    @BeforeAll
    static void generate() {
        lines = SmallRuns.lines(SmallRuns.simulation(7, LocalDate.of(2025, 3, 3), 3, FaultRates.none(), 2));
    }

    @Test
    void every_line_decodes_as_a_record_of_its_topic_and_reencodes_to_the_same_bytes() {
        Map<String, Integer> byType = new TreeMap<>();
        for (EventLine line : lines) {
            Topic<?, ?> topic = Topics.byName(line.topic()).orElseThrow();
            DecodeResult<? extends ContractRecord> result = CODEC.decode(line.value(), topic.valueType());
            assertThat(result).as(line.valueText()).isInstanceOf(DecodeResult.Decoded.class);
            ContractRecord record = result.orElseThrow();
            assertThat(new String(CODEC.encode(record))).isEqualTo(line.valueText());
            byType.merge(record.getClass().getSimpleName(), 1, Integer::sum);
        }
        assertThat(byType).containsKeys("OutpatientVisitRecorded", "InpatientAdmitted", "InpatientDischarged",
                "ReferralRequested", "SlotsPublished", "SlotsBooked", "BedStatusReported",
                "FamilyDoctorContractSigned", "ChronicFollowUpRecorded");
    }

    @Test
    void every_key_is_the_key_the_topic_derives_from_the_record() {
        for (EventLine line : lines) {
            Topic<?, ?> topic = Topics.byName(line.topic()).orElseThrow();
            ContractRecord record = CODEC.decode(line.value(), topic.valueType()).orElseThrow();
            assertThat(line.key()).isEqualTo(keyText(topic, record));
        }
    }

    /**
     * Since 2026-11-25 (8) the afternoon-before opening of unused reserved expert slots is a PUBLIC release opened from
     * REFERRAL; it was a REFERRAL release, which reads as referral bookings given back (navigation showed booked −n).
     * A REFERRAL release is a referral's held slot given back (a cancel or no-show), one at a time.
     */
    @Test
    void releases_open_unused_reserved_slots_to_the_public_or_give_a_referral_s_slot_back() {
        List<SlotsReleased> releases = lines.stream()
                .filter(line -> line.topic().equals(Topics.CAPACITY.name()))
                .map(line -> CODEC.decode(line.value(), Topics.CAPACITY.valueType()).orElseThrow())
                .filter(SlotsReleased.class::isInstance).map(SlotsReleased.class::cast).toList();

        assertThat(releases).filteredOn(release -> release.channel() == SlotChannel.PUBLIC).isNotEmpty()
                .allSatisfy(opening -> {
                    assertThat(opening.openedFrom()).isEqualTo(SlotChannel.REFERRAL);
                    assertThat(opening.session().expert()).isTrue();
                    // 16:00–16:30 in China, the day before the session.
                    LocalDateTime at = LocalDateTime.ofInstant(opening.occurredAt(), CHINA);
                    assertThat(at.toLocalDate()).isEqualTo(opening.session().date().minusDays(1));
                    assertThat(at.getHour()).isEqualTo(16);
                });
        assertThat(releases).filteredOn(release -> release.channel() == SlotChannel.REFERRAL)
                .allSatisfy(givenBack -> {
                    assertThat(givenBack.openedFrom()).isNull();
                    assertThat(givenBack.count()).isEqualTo(1);
                });
        System.out.printf("releases: %d openings, %d referral slots given back%n",
                releases.stream().filter(SlotsReleased::opensSlots).count(),
                releases.stream().filter(release -> !release.opensSlots()).count());
    }

    @SuppressWarnings("unchecked")
    private static <K, V extends ContractRecord> String keyText(Topic<K, V> topic, ContractRecord record) {
        return topic.keyText(topic.keyOf((V) record));
    }
}
