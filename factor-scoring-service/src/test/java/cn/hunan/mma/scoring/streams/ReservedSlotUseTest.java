package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.scoring.domain.IndicatorResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static cn.hunan.mma.scoring.streams.ScoringWorld.COUNTY_HOSPITAL;
import static cn.hunan.mma.scoring.streams.ScoringWorld.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's reserved-slot use rate (预留号源使用率, DOMAIN §5–6): referral bookings that stay booked ÷ slots reserved for
 * referrals. A reserved slot is consumed on scheduling and given back on rejection, cancellation or no-show
 * ({@code SlotsReleased} without {@code openedFrom}); unused reserved slots opened to the public stay reserved slots
 * that referrals did not use.
 */
class ReservedSlotUseTest {

    private static final ClinicSession SESSION = new ClinicSession(DepartmentId.of("cardiology"), LocalDate.of(2025, 3, 14),
            SessionPeriod.AM, true);
    private static final Instant MARCH = Instant.parse("2025-03-12T02:00:00Z");
    private final ScoringWorld world = new ScoringWorld();

    @AfterEach
    void close() {
        world.close();
    }

    /**
     * 10 reserved; 8 referrals scheduled; 3 cancelled and 1 missed give their slots back; the 2 never booked are opened
     * to the public the day before; a public booking given back changes nothing. 4 of 10 used → 0.4 of the 0.8 target →
     * 50.00 (8 of 10 → 100.00 when give-backs were not counted).
     */
    @Test
    void referral_bookings_given_back_are_not_reserved_slots_used() {
        world.send(Topics.CAPACITY, new SlotsPublished(newId(), MARCH, COUNTY_HOSPITAL, SESSION, 40, 10, null));
        for (int referral = 0; referral < 8; referral++) {
            world.send(Topics.CAPACITY, new SlotsBooked(newId(), MARCH, COUNTY_HOSPITAL, SESSION, SlotChannel.REFERRAL, 1, null));
        }
        world.send(Topics.CAPACITY, new SlotsReleased(newId(), MARCH, COUNTY_HOSPITAL, SESSION, SlotChannel.REFERRAL, 3, null));
        world.send(Topics.CAPACITY, new SlotsReleased(newId(), MARCH, COUNTY_HOSPITAL, SESSION, SlotChannel.REFERRAL, 1, null));
        world.send(Topics.CAPACITY, new SlotsReleased(newId(), MARCH, COUNTY_HOSPITAL, SESSION, SlotChannel.PUBLIC, 2,
                SlotChannel.REFERRAL, null));
        world.send(Topics.CAPACITY, new SlotsReleased(newId(), MARCH, COUNTY_HOSPITAL, SESSION, SlotChannel.PUBLIC, 5, null));

        IndicatorResult use = world.score("INSTITUTION:" + COUNTY_HOSPITAL.value(), "2025-03").indicators().stream()
                .filter(result -> result.indicatorId().equals("referral.reserved-slot-use-rate")).findFirst().orElseThrow();
        assertThat(use.numerator()).isEqualTo(4);
        assertThat(use.denominator()).isEqualTo(10);
        assertThat(use.score()).isEqualByComparingTo("50.00");
    }
}
