package cn.hunan.mma.navigation.capacity.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionPositionsTest {

    @Test
    void a_partition_read_again_from_the_start_is_recognised_record_by_record() {
        PartitionPositions positions = new PartitionPositions();
        for (long offset = 0; offset < 600; offset++) {
            assertThat(positions.advance("mma.capacity.events", 2, offset)).isTrue();
        }

        // After a rebalance the consumer starts again at 0: every record up to 599 is held already.
        assertThat(positions.advance("mma.capacity.events", 2, 0)).isFalse();
        assertThat(positions.advance("mma.capacity.events", 2, 599)).isFalse();
        assertThat(positions.advance("mma.capacity.events", 2, 600)).isTrue();
        // Partitions are their own: offset 0 of another one is new.
        assertThat(positions.advance("mma.capacity.events", 3, 0)).isTrue();
    }
}
