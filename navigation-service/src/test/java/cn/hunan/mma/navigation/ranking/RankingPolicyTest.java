package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.SpecialtyTag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RankingPolicyTest {

    private final RankingPolicy defaults = RankingPolicy.DEFAULTS;

    @Test
    void by_default_one_level_outweighs_everything_a_specialty_slots_nearness_and_load_can_add() {
        double mostBelowLevel = defaults.tagPoints(SpecialtyTag.KEY) + defaults.openSlots()
                + defaults.nearness() + defaults.loadSpreading();

        assertThat(defaults.levelStep()).isGreaterThan(mostBelowLevel);
    }

    @Test
    void by_default_one_tag_step_outweighs_open_slots_nearness_and_load() {
        assertThat(defaults.tagStep())
                .isGreaterThan(defaults.openSlots() + defaults.nearness() + defaults.loadSpreading());
    }

    @Test
    void by_default_open_slots_outweigh_nearness_and_load() {
        assertThat(defaults.openSlots()).isGreaterThan(defaults.nearness() + defaults.loadSpreading());
    }

    @Test
    void nearness_falls_to_nothing_at_the_range() {
        assertThat(defaults.nearnessPoints(0)).isEqualTo(20);
        assertThat(defaults.nearnessPoints(100)).isEqualTo(10);
        assertThat(defaults.nearnessPoints(350)).isZero();
    }

    @Test
    void refuses_a_negative_weight() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RankingPolicy(1000, -1, 50, 20, 200, 10));
    }

    @Test
    void refuses_a_range_of_zero() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RankingPolicy(1000, 100, 50, 20, 0, 10));
    }
}
