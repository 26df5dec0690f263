package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.codec.DecodeResult;
import cn.hunan.mma.events.conduct.ConductIncidentRecorded;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.contract.HospitalReport;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.simulator.events.faults.Fault;
import cn.hunan.mma.simulator.events.faults.FaultInjector;
import cn.hunan.mma.simulator.events.faults.FaultRates;
import cn.hunan.mma.simulator.io.EventLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FaultInjectionTest {

    private static final FaultRates HIGH = new FaultRates(0.02, 0.03, 0.02, 0.05, 0.01);
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 4, 7);
    private static final int DAYS = 18;
    /** Corrections follow within 14 days: only reports of the first days can have theirs inside the run. */
    private static final Instant CORRECTABLE_UNTIL = FIRST_DAY.plusDays(DAYS - 15).atStartOfDay(ZoneOffset.ofHours(8)).toInstant();
    private static List<EventLine> lines;

    @BeforeAll
    static void generateWithFaults() {
        lines = SmallRuns.lines(SmallRuns.simulation(3, FIRST_DAY, DAYS, HIGH, 2));
    }

    @Test
    void each_fault_is_drawn_at_its_rate() {
        FaultInjector injector = new FaultInjector(HIGH);
        SplittableRandom random = new SplittableRandom(1);
        Map<Fault, Integer> drawn = new EnumMap<>(Fault.class);
        int draws = 400_000;
        for (int i = 0; i < draws; i++) {
            drawn.merge(injector.draw(random), 1, Integer::sum);
        }
        assertThat(drawn.get(Fault.DUPLICATE) / (double) draws).isCloseTo(0.02, within(0.002));
        assertThat(drawn.get(Fault.LATE) / (double) draws).isCloseTo(0.03, within(0.002));
        assertThat(drawn.get(Fault.CORRECTION) / (double) draws).isCloseTo(0.02, within(0.002));
        assertThat(drawn.get(Fault.OUT_OF_ORDER) / (double) draws).isCloseTo(0.05, within(0.002));
        assertThat(drawn.get(Fault.MALFORMED) / (double) draws).isCloseTo(0.01, within(0.002));
    }

    @Test
    void delays_stay_within_their_documented_bounds() {
        FaultInjector injector = new FaultInjector(HIGH);
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 10_000; i++) {
            assertThat(injector.lateDelay(random)).isBetween(2 * 3600L, 7 * 86_400L);
            assertThat(injector.outOfOrderDelay(random)).isBetween(1L, 1800L);
            assertThat(injector.duplicateDelay(random)).isBetween(1L, 6 * 3600L);
            assertThat(injector.correctionDelay(random)).isBetween(86_400L, 14 * 86_400L);
        }
    }

    @Test
    void malformed_lines_are_rejected_and_every_other_line_decodes() {
        ContractCodec codec = ContractCodec.standard();
        Set<String> ids = new HashSet<>();
        int rejected = 0;
        for (EventLine line : lines) {
            DecodeResult<? extends ContractRecord> result = codec.decode(line.value(), Topics.byName(line.topic()).orElseThrow().valueType());
            if (result instanceof DecodeResult.Rejected<?>) {
                rejected++;
            } else {
                ids.add(result.orElseThrow().eventId().value());
            }
        }
        // Malformed values replace their event, so the rate applies to valid ones plus themselves.
        assertThat((double) rejected / (ids.size() + rejected)).isCloseTo(0.01, within(0.004));
    }

    @Test
    void duplicates_repeat_an_earlier_line_byte_for_byte() {
        Map<String, String> seen = new HashMap<>();
        int duplicates = 0;
        for (EventLine line : lines) {
            String value = line.valueText();
            String id = eventId(value);
            if (id != null && seen.containsKey(id)) {
                assertThat(value).isEqualTo(seen.get(id));
                duplicates++;
            } else if (id != null) {
                seen.put(id, value);
            }
        }
        assertThat((double) duplicates / seen.size()).isCloseTo(0.02, within(0.006));
    }

    @Test
    void corrections_follow_their_report_at_the_correction_rate() {
        ContractCodec codec = ContractCodec.standard();
        Map<String, HospitalReport> reports = new HashMap<>();
        int corrections = 0;
        int correctable = 0;
        for (EventLine line : lines) {
            DecodeResult<? extends ContractRecord> result = codec.decode(line.value(), Topics.byName(line.topic()).orElseThrow().valueType());
            if (!(result instanceof DecodeResult.Decoded<?> decoded) || !(decoded.orElseThrow() instanceof HospitalReport report)
                    || report instanceof ConductIncidentRecorded) {
                continue; // conduct incidents are also confirmed by business corrections
            }
            if (report.correctsEventId() == null) {
                if (reports.putIfAbsent(report.eventId().value(), report) == null && report.occurredAt().isBefore(CORRECTABLE_UNTIL)) {
                    correctable++;
                }
            } else {
                HospitalReport original = reports.get(report.correctsEventId().value());
                assertThat(original).as("a correction comes after the report it corrects").isNotNull();
                assertThat(report.institutionId()).isEqualTo(original.institutionId());
                assertThat(report.eventId()).isNotEqualTo(original.eventId());
                if (original.occurredAt().isBefore(CORRECTABLE_UNTIL)) {
                    corrections++;
                }
            }
        }
        assertThat((double) corrections / correctable).isCloseTo(0.02, within(0.006));
    }

    private static String eventId(String value) {
        int at = value.indexOf("\"eventId\":\"");
        return at < 0 || value.length() < at + 47 ? null : value.substring(at + 11, at + 47);
    }
}
