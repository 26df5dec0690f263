package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.value.EventId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

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

    @Test
    void gives_back_the_change_an_event_applied_once_and_then_none() {
        RecentEventIds recent = new RecentEventIds(4);
        EventId release = EventId.random();
        SlotChange change = new SlotChange(LocalDate.of(2025, 3, 17), SessionPeriod.PM, -3, -7, 5, Integer.MIN_VALUE,
                true, false);
        int place = recent.add(release, true);

        recent.keepChange(place, change);

        assertThat(recent.find(release)).isEqualTo(place);
        assertThat(recent.takeChange(place)).isEqualTo(change);
        assertThat(recent.takeChange(place)).as("taken out already").isNull();
        assertThat(recent.arrived(place)).isTrue();
    }

    @Test
    void an_id_only_named_by_a_correction_has_not_arrived_until_it_comes() {
        RecentEventIds recent = new RecentEventIds(4);
        EventId named = EventId.random();

        int place = recent.add(named, false);

        assertThat(recent.arrived(place)).isFalse();
        assertThat(recent.remember(named)).as("kept, so not new").isFalse();
        recent.markArrived(place);
        assertThat(recent.arrived(place)).isTrue();
    }

    /**
     * A long random run with repeats, against the window as a plain model (an insertion-ordered set
     * trimmed to the window): the same answer for every id, through growth from the first room (8)
     * up to a window that is not a power of two, and many times round the ring.
     */
    @Test
    void answers_as_a_window_of_the_last_ids_through_growth_and_wrapping() {
        int window = 20;
        RecentEventIds recent = new RecentEventIds(window);
        java.util.LinkedHashSet<EventId> model = new java.util.LinkedHashSet<>();
        java.util.List<EventId> seen = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(42);
        int duplicates = 0;
        for (int i = 0; i < 5_000; i++) {
            EventId id = seen.isEmpty() || random.nextInt(3) > 0
                    ? EventId.random()
                    : seen.get(seen.size() - 1 - random.nextInt(Math.min(seen.size(), 2 * window)));
            seen.add(id);
            boolean expected = model.add(id);
            if (expected && model.size() > window) {
                model.remove(model.iterator().next());
            }
            if (!expected) {
                duplicates++;
            }
            assertThat(recent.remember(id)).as("id %d", i).isEqualTo(expected);
        }
        assertThat(duplicates).as("the run exercises both answers").isBetween(500, 1_500);
    }
}
