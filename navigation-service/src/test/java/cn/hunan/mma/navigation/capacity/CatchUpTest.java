package cn.hunan.mma.navigation.capacity;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CatchUpTest {

    @Test
    void is_behind_while_a_partition_has_not_been_read_to_its_end_offset_at_start() {
        CatchUp catchUp = new CatchUp(Map.of(0, 10L, 1, 4L), Map.of(0, 10L, 1, 1L));

        assertThat(catchUp.caughtUp()).isFalse();
        assertThat(catchUp.behind()).containsExactly(Map.entry(1, 3L));
    }

    @Test
    void an_unassigned_partition_with_records_is_behind_by_all_of_them_an_empty_one_not_at_all() {
        CatchUp catchUp = new CatchUp(Map.of(0, 0L, 1, 7L), Map.of());

        assertThat(catchUp.behind()).containsExactly(Map.entry(1, 7L));
    }

    @Test
    void is_caught_up_once_every_partition_reached_its_end_offset_even_if_more_arrived_since() {
        assertThat(new CatchUp(Map.of(0, 10L, 1, 4L), Map.of(0, 12L, 1, 4L)).caughtUp()).isTrue();
    }
}
