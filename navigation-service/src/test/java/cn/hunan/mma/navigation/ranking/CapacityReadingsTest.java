package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.navigation.capacity.CapacityView;
import cn.hunan.mma.navigation.capacity.CapacityViewPolicy;
import cn.hunan.mma.navigation.capacity.DepartmentKey;
import cn.hunan.mma.navigation.capacity.DepartmentAvailability;
import cn.hunan.mma.navigation.capacity.SlotAvailability;
import cn.hunan.mma.navigation.capacity.SlotReading;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
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

    @Test
    void the_recommenders_reading_says_what_the_availability_says() {
        // 12 public of which 5 booked, 3 reserved of which 2 booked; 7 public and 1 reserved open.
        publish(MONDAY, 12, 3);
        book(MONDAY, SlotChannel.PUBLIC, 5, NOW);
        book(MONDAY, SlotChannel.REFERRAL, 2, NOW);
        CapacityReadings thisWeek = CapacityReadings.over(view, MONDAY, MONDAY.plusDays(6));
        SlotReading reading = new SlotReading();

        assertThat(thisWeek.read(firstNeurology, reading)).isTrue();

        assertThat(reading.available(SlotChannel.PUBLIC)).isEqualTo(7);
        assertThat(reading.available(SlotChannel.REFERRAL)).isEqualTo(1);
        assertThat(reading.loadRatio()).isEqualTo(7 / 15.0);
        assertThat(reading.stale()).isFalse();
        DepartmentAvailability shown = thisWeek.of(firstNeurology).orElseThrow();
        assertThat(reading.loadRatio()).isEqualTo(shown.loadRatio());
        assertThat(reading.available(SlotChannel.PUBLIC)).isEqualTo(shown.publicSlots().available());
    }

    @Test
    void stale_figures_read_as_stale_with_their_age_and_a_department_without_any_reads_as_none() {
        // Received 42 minutes ago, and nothing from the hospital since: past a 30-minute threshold.
        CapacityView view = new CapacityView(Clock.fixed(NOW, ZoneOffset.UTC),
                CapacityViewPolicy.DEFAULTS.withStaleAfter(Duration.ofMinutes(30)));
        view.apply(new SlotsPublished(EventId.random(), NOW.minus(Duration.ofMinutes(42)), CITY_FIRST,
                new ClinicSession(NEUROLOGY, MONDAY, SessionPeriod.AM, true), 4, 0, null),
                NOW.minus(Duration.ofMinutes(42)).toEpochMilli());
        CapacityReadings thisWeek = CapacityReadings.over(view, MONDAY, MONDAY.plusDays(6));
        SlotReading reading = new SlotReading();

        assertThat(thisWeek.read(firstNeurology, reading)).isTrue();
        assertThat(reading.stale()).isTrue();
        assertThat(reading.ageMinutes()).isEqualTo(42);
        assertThat(thisWeek.read(new DepartmentKey(CITY_FIRST, XiangtanMatrix.CARDIOLOGY), reading)).isFalse();
    }

    @Test
    void this_mornings_unused_slots_stop_counting_once_the_morning_clinic_has_closed() {
        // Monday 17 March, 15:00 in China (07:00 UTC): the morning's 12 public slots are past, the afternoon's 4 not.
        CapacityView atThreePm = new CapacityView(Clock.fixed(Instant.parse("2025-03-17T07:00:00Z"), ZoneOffset.UTC),
                CapacityViewPolicy.DEFAULTS);
        publishOn(atThreePm, MONDAY, SessionPeriod.AM, 12);
        publishOn(atThreePm, MONDAY, SessionPeriod.PM, 4);
        SlotReading reading = new SlotReading();

        assertThat(CapacityReadings.ahead(atThreePm, 7).read(firstNeurology, reading)).isTrue();

        assertThat(reading.available(SlotChannel.PUBLIC)).isEqualTo(4);
        assertThat(CapacityReadings.ahead(atThreePm, 7).of(firstNeurology).orElseThrow().publicSlots())
                .isEqualTo(new SlotAvailability(4, 0));
    }

    @Test
    void at_ten_in_the_morning_the_mornings_slots_still_count() {
        CapacityView atTen = new CapacityView(Clock.fixed(Instant.parse("2025-03-17T02:00:00Z"), ZoneOffset.UTC),
                CapacityViewPolicy.DEFAULTS);
        publishOn(atTen, MONDAY, SessionPeriod.AM, 12);
        publishOn(atTen, MONDAY, SessionPeriod.PM, 4);
        SlotReading reading = new SlotReading();

        assertThat(CapacityReadings.ahead(atTen, 7).read(firstNeurology, reading)).isTrue();

        assertThat(reading.available(SlotChannel.PUBLIC)).isEqualTo(16);
    }

    @Test
    void a_department_whose_only_sessions_are_over_has_no_open_slots_to_read() {
        CapacityView lateEvening = new CapacityView(Clock.fixed(Instant.parse("2025-03-17T14:00:00Z"), ZoneOffset.UTC),
                CapacityViewPolicy.DEFAULTS);
        publishOn(lateEvening, MONDAY, SessionPeriod.AM, 12);
        publishOn(lateEvening, MONDAY, SessionPeriod.EVENING, 3);

        assertThat(CapacityReadings.ahead(lateEvening, 7).read(firstNeurology, new SlotReading())).isFalse();
    }

    @Test
    void readings_that_answer_only_availabilities_are_read_through_them() {
        LiveSlots hand = LiveSlots.none().slots(CITY_FIRST, NEUROLOGY, 10, 4, 2, 2);
        SlotReading reading = new SlotReading();

        assertThat(hand.read(firstNeurology, reading)).isTrue();
        assertThat(reading.available(SlotChannel.PUBLIC)).isEqualTo(6);
        assertThat(reading.available(SlotChannel.REFERRAL)).isZero();
        assertThat(reading.loadRatio()).isEqualTo(0.5);
        assertThat(hand.read(new DepartmentKey(CITY_FIRST, XiangtanMatrix.CARDIOLOGY), reading)).isFalse();
    }

    private void publish(LocalDate date, int publicCount, int reservedCount) {
        view.apply(new SlotsPublished(EventId.random(), NOW, CITY_FIRST,
                new ClinicSession(NEUROLOGY, date, SessionPeriod.AM, true), publicCount, reservedCount, null));
    }

    private static void publishOn(CapacityView view, LocalDate date, SessionPeriod period, int publicCount) {
        view.apply(new SlotsPublished(EventId.random(), view.now(), CITY_FIRST,
                new ClinicSession(NEUROLOGY, date, period, true), publicCount, 0, null));
    }

    private void book(LocalDate date, SlotChannel channel, int count, Instant at) {
        view.apply(new SlotsBooked(EventId.random(), at, CITY_FIRST,
                new ClinicSession(NEUROLOGY, date, SessionPeriod.AM, true), channel, count, null));
    }
}
