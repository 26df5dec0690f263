package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.value.EventId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentEventIdsTest {

    @Test
    void recognises_an_id_it_remembers() {
        RecentEventIds recent = new RecentEventIds(2);
        EventId first = EventId.random();

        assertThat(recent.remember(first)).isTrue();
        assertThat(recent.remember(first)).isFalse();
    }

    @Test
    void forgets_the_oldest_id_once_the_window_is_full() {
        RecentEventIds recent = new RecentEventIds(2);
        EventId first = EventId.random();
        EventId second = EventId.random();
        recent.remember(first);
        recent.remember(second);

        recent.remember(EventId.random());

        assertThat(recent.remember(second)).as("still inside the window").isFalse();
        assertThat(recent.remember(first)).as("forgotten, so new again").isTrue();
    }

    @Test
    void treats_ids_differing_only_in_case_as_one_event() {
        RecentEventIds recent = new RecentEventIds(2);
        recent.remember(EventId.of("0C25AFB2-246F-40C3-A162-9C82C19D3C90"));

        assertThat(recent.remember(EventId.of("0c25afb2-246f-40c3-a162-9c82c19d3c90"))).isFalse();
    }
}
