package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.prevention.ChronicCondition;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.simulator.events.population.Residents;
import cn.hunan.mma.simulator.matrix.CareNetwork;
import cn.hunan.mma.simulator.matrix.Village;
import cn.hunan.mma.simulator.reference.AgeBand;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResidentsTest {

    private final CareNetwork network = SmallRuns.matrix(42).network("430382");
    private final Residents residents = new Residents(network.county(), network.villages(), 42);

    @Test
    void residents_are_spread_over_villages_in_proportion_to_their_population() {
        List<Village> villages = network.villages();
        int[] counted = new int[villages.size()];
        for (long resident = 0; resident < residents.population(); resident += 7) {
            counted[residents.villageOf(resident)]++;
        }
        long sampled = (residents.population() + 6) / 7;
        for (int v = 0; v < villages.size(); v++) {
            double expected = (double) villages.get(v).population() / residents.population();
            assertThat((double) counted[v] / sampled).as(villages.get(v).code()).isCloseTo(expected, within(0.003));
        }
    }

    @Test
    void a_resident_drawn_from_a_band_belongs_to_that_band() {
        SplittableRandom random = new SplittableRandom(3);
        for (int band = 0; band < AgeBand.count(); band++) {
            for (int i = 0; i < 100; i++) {
                assertThat(residents.bandOf(residents.drawIn(band, random))).isEqualTo(band);
            }
        }
    }

    @Test
    void hypertension_is_common_in_the_elderly_and_absent_in_children() {
        int elderly = AgeBand.AGE_65_69.ordinal();
        int child = AgeBand.AGE_5_9.ordinal();
        SplittableRandom random = new SplittableRandom(4);
        int elderlyCases = 0;
        int childCases = 0;
        for (int i = 0; i < 20_000; i++) {
            elderlyCases += residents.has(residents.drawIn(elderly, random), elderly, ChronicCondition.HYPERTENSION) ? 1 : 0;
            childCases += residents.has(residents.drawIn(child, random), child, ChronicCondition.HYPERTENSION) ? 1 : 0;
        }
        assertThat(elderlyCases / 20_000.0).isBetween(0.4, 0.6);
        assertThat(childCases).isZero();
    }

    @Test
    void pseudonyms_are_distinct_stable_and_shaped_like_the_contract_wants() {
        Set<String> seen = new HashSet<>();
        for (long resident = 0; resident < 20_000; resident++) {
            String pseudonym = residents.pseudonyms().of(resident);
            assertThat(PatientPseudonym.of(pseudonym).value()).isEqualTo(pseudonym);
            seen.add(pseudonym);
        }
        assertThat(seen).hasSize(20_000);
        assertThat(new Residents(network.county(), network.villages(), 42).pseudonyms().of(17))
                .isEqualTo(residents.pseudonyms().of(17))
                .isNotEqualTo(new Residents(network.county(), network.villages(), 43).pseudonyms().of(17));
    }

    @Test
    void traits_are_the_same_every_time_a_resident_is_seen() {
        for (long resident = 0; resident < 1_000; resident++) {
            int band = residents.bandOf(resident);
            assertThat(residents.contracted(resident, band)).isEqualTo(residents.contracted(resident, band));
            assertThat(residents.female(resident)).isEqualTo(residents.female(resident));
        }
    }
}
