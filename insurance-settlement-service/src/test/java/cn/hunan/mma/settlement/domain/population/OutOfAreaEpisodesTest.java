package cn.hunan.mma.settlement.domain.population;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutOfAreaEpisodesTest {

    @Test
    void the_rate_is_the_share_of_episodes_treated_outside_rounded_half_up_to_six_decimals() {
        assertThat(new OutOfAreaEpisodes(3, 2, 0).rate()).isEqualByComparingTo("0.666667");
        assertThat(new OutOfAreaEpisodes(3, 1, 0).rate()).isEqualByComparingTo("0.333333");
        assertThat(new OutOfAreaEpisodes(8, 1, 0).rate()).hasToString("0.125000");
        assertThat(new OutOfAreaEpisodes(2_000_000, 1, 0).rate()).hasToString("0.000001");
        assertThat(new OutOfAreaEpisodes(5, 0, 0).rate()).hasToString("0.000000");
    }

    @Test
    void no_episodes_or_episodes_at_institutions_of_unknown_division_give_no_rate_and_say_why() {
        assertThat(new OutOfAreaEpisodes(0, 0, 0).whyNoRate()).contains("no settled stay of the covered residents");
        assertThat(new OutOfAreaEpisodes(10, 3, 2).whyNoRate()).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("2 of the covered residents' 10 episodes"));
        assertThatThrownBy(() -> new OutOfAreaEpisodes(10, 3, 2).rate()).isInstanceOf(IllegalStateException.class);
        assertThat(new OutOfAreaEpisodes(10, 3, 0).whyNoRate()).isEmpty();
    }

    @Test
    void the_parts_cannot_exceed_the_whole() {
        assertThatThrownBy(() -> new OutOfAreaEpisodes(3, 2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutOfAreaEpisodes(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
