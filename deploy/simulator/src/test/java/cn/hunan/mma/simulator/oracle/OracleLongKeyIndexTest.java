package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.value.EventId;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OracleLongKeyIndexTest {

    @Test
    void numbers_keys_densely_in_the_order_first_added() {
        LongKeyIndex index = new LongKeyIndex(2);

        assertThat(index.add(new long[] {1, 2})).isZero();
        assertThat(index.add(new long[] {2, 1})).isEqualTo(1);
        assertThat(index.add(new long[] {1, 2})).isZero();
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.indexOf(new long[] {2, 1})).isEqualTo(1);
        assertThat(index.indexOf(new long[] {1, 3})).isEqualTo(-1);
    }

    @Test
    void keys_differing_only_in_their_last_long_are_different_keys() {
        LongKeyIndex index = new LongKeyIndex(4);

        int first = index.add(new long[] {7, 7, 7, 1});
        int second = index.add(new long[] {7, 7, 7, 2});

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void keeps_every_key_through_many_rehashes() {
        LongKeyIndex index = new LongKeyIndex(2);
        Map<UUID, Integer> expected = new HashMap<>();
        Random random = new Random(20250630);
        long[] key = new long[2];
        for (int i = 0; i < 200_000; i++) {
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            expected.putIfAbsent(uuid, expected.size());
            assertThat(index.add(BinaryKeys.of(EventId.of(uuid), key))).isEqualTo(expected.get(uuid));
        }
        assertThat(index.size()).isEqualTo(expected.size());
        expected.forEach((uuid, number) -> assertThat(index.indexOf(BinaryKeys.of(EventId.of(uuid), key))).isEqualTo(number));
    }

    @Test
    void an_event_id_becomes_its_128_bits() {
        long[] key = BinaryKeys.of(EventId.of("0c25afb2-246f-40c3-A162-9c82c19d3c90"), new long[2]);

        assertThat(key).containsExactly(0x0c25afb2246f40c3L, 0xa1629c82c19d3c90L);
    }

    @Test
    void refuses_a_key_of_the_wrong_width() {
        assertThatThrownBy(() -> new LongKeyIndex(2).add(new long[] {1})).isInstanceOf(IllegalArgumentException.class);
    }
}
