package cn.hunan.mma.simulator.events;

import cn.hunan.mma.simulator.events.faults.FaultRates;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

    private static final LocalDate JANUARY_FIRST = LocalDate.of(2025, 1, 1);
    private static final FaultRates NO_FAULTS = new FaultRates(0, 0, 0, 0, 0);

    @Test
    void runs_over_different_periods_get_different_id_prefixes_even_with_the_same_seed() {
        RunOptions year = new RunOptions(42, JANUARY_FIRST, 365, NO_FAULTS, 2, 0.2);
        RunOptions january = new RunOptions(42, JANUARY_FIRST, 31, NO_FAULTS, 2, 0.2);

        assertThat(EventIds.runDigest(year, "430300")).isNotEqualTo(EventIds.runDigest(january, "430300"));
    }

    @Test
    void runs_over_different_areas_or_fault_rates_get_different_id_prefixes() {
        RunOptions plain = new RunOptions(42, JANUARY_FIRST, 31, NO_FAULTS, 2, 0.2);
        RunOptions faulty = new RunOptions(42, JANUARY_FIRST, 31, new FaultRates(0.01, 0, 0, 0, 0), 2, 0.2);

        assertThat(EventIds.runDigest(plain, "430300")).isNotEqualTo(EventIds.runDigest(plain, "430800"));
        assertThat(EventIds.runDigest(plain, "430300")).isNotEqualTo(EventIds.runDigest(faulty, "430300"));
    }

    @Test
    void the_thread_count_does_not_change_the_ids() {
        RunOptions oneThread = new RunOptions(42, JANUARY_FIRST, 31, NO_FAULTS, 1, 0.2);
        RunOptions twoThreads = new RunOptions(42, JANUARY_FIRST, 31, NO_FAULTS, 2, 0.2);

        assertThat(EventIds.runDigest(oneThread, "430300")).isEqualTo(EventIds.runDigest(twoThreads, "430300"));
    }
}
