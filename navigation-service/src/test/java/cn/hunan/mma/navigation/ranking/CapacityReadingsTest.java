package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.navigation.capacity.CapacityView;
import cn.hunan.mma.navigation.capacity.CapacityViewPolicy;
import cn.hunan.mma.navigation.capacity.DepartmentKey;
import cn.hunan.mma.navigation.capacity.SlotAvailability;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static cn.hunan.mma.navigation.ranking.XiangtanMatrix.CITY_FIRST;
import static cn.hunan.mma.navigation.ranking.XiangtanMatrix.NEUROLOGY;
import static org.assertj.core.api.Assertions.assertThat;

class CapacityReadingsTest {

    private static final Instant NOW = Instant.parse("2025-03-14T01:00:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 17);

    private final CapacityView view = new CapacityView(Clock.fixed(NOW, ZoneOffset.UTC), CapacityViewPolicy.DEFAULTS);
    private final DepartmentKey firstNeurology = new DepartmentKey(CITY_FIRST, NEUROLOGY);

    @Test
    void reads_the_live_view_over_the_days_asked_only() {
        publish(MONDAY, 12, 3);
        publish(MONDAY.plusDays(7), 40, 10);

        CapacityReadings thisWeek = CapacityReadings.over(view, MONDAY, MONDAY.plusDays(6));

        assertThat(thisWeek.of(firstNeurology).orElseThrow().publicSlots()).isEqualTo(new SlotAvailability(12, 0));
        assertThat(thisWeek.of(firstNeurology).orElseThrow().referralSlots()).isEqualTo(new SlotAvailability(3, 0));
    }

    private void publish(LocalDate date, int publicCount, int reservedCount) {
        view.apply(new SlotsPublished(EventId.random(), NOW, CITY_FIRST,
                new ClinicSession(NEUROLOGY, date, SessionPeriod.AM, true), publicCount, reservedCount, null));
    }
}
