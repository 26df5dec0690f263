package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static cn.hunan.mma.events.capacity.SlotChannel.PUBLIC;
import static cn.hunan.mma.events.capacity.SlotChannel.REFERRAL;
import static cn.hunan.mma.navigation.capacity.CapacityReports.COUNTY_CARDIOLOGY;
import static cn.hunan.mma.navigation.capacity.CapacityReports.MONDAY;
import static cn.hunan.mma.navigation.capacity.CapacityReports.MONDAY_MORNING;
import static cn.hunan.mma.navigation.capacity.CapacityReports.NINE_AM;
import static cn.hunan.mma.navigation.capacity.CapacityReports.beds;
import static cn.hunan.mma.navigation.capacity.CapacityReports.bedsCorrecting;
import static cn.hunan.mma.navigation.capacity.CapacityReports.booked;
import static cn.hunan.mma.navigation.capacity.CapacityReports.bookedAt;
import static cn.hunan.mma.navigation.capacity.CapacityReports.bookedCorrecting;
import static cn.hunan.mma.navigation.capacity.CapacityReports.cancelled;
import static cn.hunan.mma.navigation.capacity.CapacityReports.openedToPublic;
import static cn.hunan.mma.navigation.capacity.CapacityReports.published;
import static cn.hunan.mma.navigation.capacity.CapacityReports.publishedCorrecting;
import static cn.hunan.mma.navigation.capacity.CapacityReports.publishedOn;
import static cn.hunan.mma.navigation.capacity.CapacityReports.referralBeds;
import static cn.hunan.mma.navigation.capacity.CapacityReports.released;
import static org.assertj.core.api.Assertions.assertThat;

class CapacityViewTest {

    private final SettableClock clock = new SettableClock(NINE_AM);
    private final CapacityView view = new CapacityView(clock, CapacityViewPolicy.DEFAULTS);

    @Test
    void publishing_opens_public_and_reserved_slots_apart() {
        view.apply(published(16, 4));

        SessionAvailability monday = view.session(MONDAY_MORNING).orElseThrow();
        assertThat(monday.publicSlots()).isEqualTo(new SlotAvailability(16, 0));
        assertThat(monday.referralSlots()).isEqualTo(new SlotAvailability(4, 0));
    }

    @Test
    void booking_a_public_slot_leaves_the_reserved_slots_untouched() {
        view.apply(published(16, 4));
        view.apply(booked(PUBLIC, 3));

        SessionAvailability monday = view.session(MONDAY_MORNING).orElseThrow();
        assertThat(monday.publicSlots().available()).isEqualTo(13);
        assertThat(monday.referralSlots().available()).isEqualTo(4);
    }

    @Test
    void booking_a_referral_slot_leaves_the_public_slots_untouched() {
        view.apply(published(16, 4));
        view.apply(booked(REFERRAL, 1));

        SessionAvailability monday = view.session(MONDAY_MORNING).orElseThrow();
        assertThat(monday.publicSlots().available()).isEqualTo(16);
        assertThat(monday.referralSlots().available()).isEqualTo(3);
    }

    @Test
    void releasing_gives_booked_slots_back_to_their_channel() {
        view.apply(published(16, 4));
        view.apply(booked(REFERRAL, 3));
        view.apply(released(REFERRAL, 2));

        assertThat(view.session(MONDAY_MORNING).orElseThrow().referralSlots())
                .isEqualTo(new SlotAvailability(4, 1));
    }

    @Test
    void cancelling_withdraws_published_slots_from_their_channel() {
        view.apply(published(16, 4));
        view.apply(cancelled(PUBLIC, 6));

        SessionAvailability monday = view.session(MONDAY_MORNING).orElseThrow();
        assertThat(monday.publicSlots()).isEqualTo(new SlotAvailability(10, 0));
        assertThat(monday.referralSlots()).isEqualTo(new SlotAvailability(4, 0));
    }

    @Test
    void a_repeated_event_counts_once() {
        view.apply(published(16, 4));
        SlotsBooked booking = booked(PUBLIC, 2);

        assertThat(view.apply(booking)).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(view.apply(booking)).isEqualTo(ApplyOutcome.DUPLICATE);

        assertThat(view.session(MONDAY_MORNING).orElseThrow().publicSlots().available()).isEqualTo(14);
    }

    @Test
    void a_release_that_overtakes_its_booking_gives_the_same_figures_once_both_arrive() {
        view.apply(published(16, 4));
        view.apply(released(REFERRAL, 2));
        assertThat(view.session(MONDAY_MORNING).orElseThrow().referralSlots().available()).isEqualTo(4);

        view.apply(booked(REFERRAL, 2));

        assertThat(view.session(MONDAY_MORNING).orElseThrow().referralSlots()).isEqualTo(new SlotAvailability(4, 0));
    }

    @Test
    void unused_referral_slots_opened_to_the_public_leave_the_referral_channel() {
        view.apply(published(20, 5));
        view.apply(openedToPublic(3));

        SessionAvailability monday = view.session(MONDAY_MORNING).orElseThrow();
        assertThat(monday.publicSlots()).isEqualTo(new SlotAvailability(23, 0));
        assertThat(monday.referralSlots()).isEqualTo(new SlotAvailability(2, 0));
        assertThat(monday.referralSlots().available()).isEqualTo(2);
    }

    @Test
    void an_opening_that_overtakes_the_publication_gives_the_same_figures_once_both_arrive() {
        view.apply(openedToPublic(3));
        view.apply(published(20, 5));

        SessionAvailability monday = view.session(MONDAY_MORNING).orElseThrow();
        assertThat(monday.publicSlots()).isEqualTo(new SlotAvailability(23, 0));
        assertThat(monday.referralSlots()).isEqualTo(new SlotAvailability(2, 0));
    }

    @Test
    void available_slots_never_go_below_zero_when_bookings_outrun_publication() {
        view.apply(booked(PUBLIC, 5));

        assertThat(view.session(MONDAY_MORNING).orElseThrow().publicSlots().available()).isZero();
    }

    @Test
    void a_correction_replaces_the_slots_it_corrects() {
        SlotsPublished original = published(20, 4);
        view.apply(original);

        assertThat(view.apply(publishedCorrecting(original.eventId(), 10, 2)))
                .isEqualTo(ApplyOutcome.CORRECTION_APPLIED);

        SessionAvailability monday = view.session(MONDAY_MORNING).orElseThrow();
        assertThat(monday.publicSlots()).isEqualTo(new SlotAvailability(10, 0));
        assertThat(monday.referralSlots()).isEqualTo(new SlotAvailability(2, 0));
    }

    @Test
    void a_corrected_booking_counts_as_the_correction_says() {
        view.apply(published(16, 4));
        SlotsBooked original = booked(PUBLIC, 2);
        view.apply(original);

        view.apply(bookedCorrecting(original.eventId(), 5));

        assertThat(view.session(MONDAY_MORNING).orElseThrow().publicSlots().booked()).isEqualTo(5);
    }

    @Test
    void a_correction_coming_before_its_original_wins_and_the_original_changes_nothing() {
        SlotsPublished original = published(20, 4);

        view.apply(publishedCorrecting(original.eventId(), 10, 2));

        assertThat(view.apply(original)).isEqualTo(ApplyOutcome.SUPERSEDED);
        assertThat(view.apply(original)).isEqualTo(ApplyOutcome.DUPLICATE);
        assertThat(view.session(MONDAY_MORNING).orElseThrow().publicSlots()).isEqualTo(new SlotAvailability(10, 0));
    }

    @Test
    void in_a_chain_of_corrections_only_the_newest_counts_whatever_the_order() {
        SlotsPublished original = published(20, 4);
        SlotsPublished first = publishedCorrecting(original.eventId(), 10, 2);
        SlotsPublished second = publishedCorrecting(first.eventId(), 12, 3);
        List<List<SlotsPublished>> orders = List.of(List.of(original, first, second), List.of(second, first, original),
                List.of(first, original, second), List.of(second, original, first));

        for (List<SlotsPublished> order : orders) {
            CapacityView fresh = new CapacityView(clock, CapacityViewPolicy.DEFAULTS);
            order.forEach(fresh::apply);
            order.forEach(fresh::apply); // redelivered: changes nothing

            SessionAvailability monday = fresh.session(MONDAY_MORNING).orElseThrow();
            assertThat(List.of(monday.publicSlots().published(), monday.referralSlots().published()))
                    .as("in the order %s", order.stream().map(e -> e.publicCount()).toList())
                    .containsExactly(12, 3);
        }
    }

    @Test
    void naming_the_same_event_twice_takes_it_out_once() {
        SlotsPublished original = published(20, 4);
        view.apply(original);

        view.apply(publishedCorrecting(original.eventId(), 10, 2));
        view.apply(publishedCorrecting(original.eventId(), 1, 0));

        // As the simulator's oracle counts: the original once out, both corrections in.
        assertThat(view.session(MONDAY_MORNING).orElseThrow().publicSlots().published()).isEqualTo(11);
    }

    private CapacityView viewStaleAfter(Duration silence) {
        return new CapacityView(clock, CapacityViewPolicy.DEFAULTS.withStaleAfter(silence));
    }

    @Test
    void a_bed_report_replaces_the_previous_figures() {
        view.apply(beds(40, 30, 4, NINE_AM));
        view.apply(beds(42, 41, 2, NINE_AM.plusSeconds(60)));

        BedAvailability cardiology = view.beds(COUNTY_CARDIOLOGY).orElseThrow();
        assertThat(List.of(cardiology.total(), cardiology.occupied(), cardiology.reserved())).containsExactly(42, 41, 2);
        assertThat(cardiology.freeForPublic()).isZero();
    }

    @Test
    void the_referral_pool_shows_what_is_open_to_referrals_and_its_reserve_counts_against_the_public() {
        // The hospital reserves 2 of 40 beds; the city's share makes the referral pool 8, 3 of them held.
        view.apply(beds(40, 26, 2, NINE_AM));
        assertThat(view.beds(COUNTY_CARDIOLOGY).orElseThrow().referral()).isEmpty();

        assertThat(view.apply(referralBeds(8, 3, NINE_AM.plusSeconds(5)))).isEqualTo(ApplyOutcome.APPLIED);

        BedAvailability cardiology = view.beds(COUNTY_CARDIOLOGY).orElseThrow();
        assertThat(cardiology.referral()).contains(new BedAvailability.ReferralPool(8, 3));
        assertThat(cardiology.referral().orElseThrow().open()).isEqualTo(5);
        // 40 − 26 occupied − 8 kept for referrals (the pool's reserve, larger than the hospital's 2)
        assertThat(cardiology.freeForPublic()).isEqualTo(6);
    }

    @Test
    void the_referral_pool_s_last_state_on_the_topic_wins_whatever_its_timestamp() {
        view.apply(beds(40, 26, 2, NINE_AM));
        // Two holds committed in this order took their timestamps the other way round.
        view.apply(referralBeds(8, 1, NINE_AM.plusSeconds(6)));
        view.apply(referralBeds(8, 2, NINE_AM.plusSeconds(5)));

        assertThat(view.beds(COUNTY_CARDIOLOGY).orElseThrow().referral()).contains(new BedAvailability.ReferralPool(8, 2));
    }

    @Test
    void beds_held_beyond_a_lowered_reserve_are_still_kept_from_the_public() {
        // The pool was cut to 2 while 5 scheduled referrals hold beds: those 5 stay promised.
        view.apply(beds(40, 26, 2, NINE_AM));
        view.apply(referralBeds(2, 5, NINE_AM.plusSeconds(5)));

        BedAvailability cardiology = view.beds(COUNTY_CARDIOLOGY).orElseThrow();
        assertThat(cardiology.referral().orElseThrow().open()).isZero();
        assertThat(cardiology.freeForPublic()).isEqualTo(9);   // 40 − 26 − 5
    }

    @Test
    void a_newer_hospital_report_keeps_the_referral_pool() {
        view.apply(beds(40, 26, 2, NINE_AM));
        view.apply(referralBeds(8, 3, NINE_AM.plusSeconds(5)));

        view.apply(beds(40, 30, 2, NINE_AM.plusSeconds(60)));

        BedAvailability cardiology = view.beds(COUNTY_CARDIOLOGY).orElseThrow();
        assertThat(cardiology.occupied()).isEqualTo(30);
        assertThat(cardiology.referral()).contains(new BedAvailability.ReferralPool(8, 3));
        assertThat(cardiology.freeForPublic()).isEqualTo(2);
    }

    @Test
    void a_bed_report_that_happened_before_the_one_shown_is_superseded() {
        view.apply(beds(40, 30, 4, NINE_AM.plusSeconds(60)));

        assertThat(view.apply(beds(40, 10, 4, NINE_AM))).isEqualTo(ApplyOutcome.SUPERSEDED);

        assertThat(view.beds(COUNTY_CARDIOLOGY).orElseThrow().occupied()).isEqualTo(30);
    }

    @Test
    void a_correction_of_the_bed_report_shown_replaces_its_figures() {
        BedStatusReported mistaken = beds(40, 38, 4, NINE_AM);
        view.apply(mistaken);

        view.apply(bedsCorrecting(mistaken, 40, 28, 4));

        assertThat(view.beds(COUNTY_CARDIOLOGY).orElseThrow().freeForPublic()).isEqualTo(8);
    }

    @Test
    void figures_are_fresh_while_the_feed_is_heard_within_the_threshold_and_stale_past_it() {
        view.apply(published(16, 4));
        view.apply(beds(40, 30, 4, NINE_AM));

        clock.advance(CapacityViewPolicy.DEFAULTS.staleAfter());
        assertThat(view.session(MONDAY_MORNING).orElseThrow().freshness())
                .isEqualTo(new Freshness(NINE_AM, CapacityViewPolicy.DEFAULTS.staleAfter(), false));
        assertThat(view.beds(COUNTY_CARDIOLOGY).orElseThrow().freshness().stale()).isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(view.session(MONDAY_MORNING).orElseThrow().freshness().stale()).isTrue();
        assertThat(view.beds(COUNTY_CARDIOLOGY).orElseThrow().freshness().stale()).isTrue();
    }

    @Test
    void a_quiet_department_of_a_hospital_still_reporting_is_not_stale() {
        CapacityView fiveMinutes = viewStaleAfter(Duration.ofMinutes(5));
        fiveMinutes.apply(published(16, 4));
        clock.advance(Duration.ofMinutes(9));
        // Another department of the same hospital reports: its feed is alive.
        fiveMinutes.apply(new BedStatusReported(EventId.random(), clock.instant(), COUNTY_CARDIOLOGY.institutionId(),
                DepartmentId.of("NEURO"), 30, 20, 2, null));
        clock.advance(Duration.ofMinutes(1));

        SlotReading reading = new SlotReading();
        assertThat(fiveMinutes.readSlots(COUNTY_CARDIOLOGY, SessionRange.days(MONDAY, MONDAY), clock.instant(), reading)).isTrue();
        assertThat(reading.stale()).as("published 10 min ago, the hospital heard 1 min ago").isFalse();
        assertThat(reading.available(PUBLIC)).isEqualTo(16);
        assertThat(reading.ageMinutes()).isEqualTo(10);
        assertThat(fiveMinutes.session(MONDAY_MORNING).orElseThrow().freshness())
                .isEqualTo(new Freshness(NINE_AM, Duration.ofMinutes(10), false));

        clock.advance(Duration.ofMinutes(5));
        assertThat(fiveMinutes.session(MONDAY_MORNING).orElseThrow().freshness().stale())
                .as("the hospital silent 6 min").isTrue();
    }

    @Test
    void an_event_landing_late_is_judged_by_when_it_arrived_not_when_it_happened() {
        CapacityView fiveMinutes = viewStaleAfter(Duration.ofMinutes(5));
        clock.advance(Duration.ofHours(2));

        fiveMinutes.apply(published(16, 4)); // happened at nine, received two hours later

        assertThat(fiveMinutes.session(MONDAY_MORNING).orElseThrow().freshness())
                .isEqualTo(new Freshness(NINE_AM, Duration.ofHours(2), false));
    }

    @Test
    void a_replayed_topic_tells_when_the_hospital_really_last_reported() {
        CapacityView fiveMinutes = viewStaleAfter(Duration.ofMinutes(5));
        clock.advance(Duration.ofHours(2));

        // Rebuilt on start from records the broker took at nine; a record timestamp ahead of the clock counts as now.
        fiveMinutes.apply(published(16, 4), NINE_AM.toEpochMilli());
        assertThat(fiveMinutes.session(MONDAY_MORNING).orElseThrow().freshness().stale()).isTrue();

        fiveMinutes.apply(booked(PUBLIC, 1), clock.instant().plus(Duration.ofDays(1)).toEpochMilli());
        clock.advance(Duration.ofMinutes(5));
        assertThat(fiveMinutes.session(MONDAY_MORNING).orElseThrow().freshness().stale()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(fiveMinutes.session(MONDAY_MORNING).orElseThrow().freshness().stale()).isTrue();
    }

    @Test
    void a_figure_is_as_old_as_its_latest_event() {
        view.apply(published(16, 4));
        clock.advance(Duration.ofMinutes(10));
        view.apply(bookedAt(PUBLIC, 1, NINE_AM.plus(Duration.ofMinutes(8))));

        assertThat(view.session(MONDAY_MORNING).orElseThrow().freshness().age()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void a_department_sums_its_sessions_within_the_dates_asked() {
        view.apply(publishedOn(MONDAY, 10, 2, NINE_AM));
        view.apply(publishedOn(MONDAY.plusDays(1), 20, 5, NINE_AM));
        view.apply(publishedOn(MONDAY.plusDays(2), 40, 8, NINE_AM));
        view.apply(booked(PUBLIC, 4));

        DepartmentAvailability twoDays = view.slots(COUNTY_CARDIOLOGY, MONDAY, MONDAY.plusDays(1)).orElseThrow();

        assertThat(twoDays.publicSlots()).isEqualTo(new SlotAvailability(30, 4));
        assertThat(twoDays.referralSlots()).isEqualTo(new SlotAvailability(7, 0));
    }

    @Test
    void a_range_asked_again_after_an_event_shows_the_event_and_another_range_its_own_sum() {
        view.apply(publishedOn(MONDAY, 10, 2, NINE_AM));
        view.apply(publishedOn(MONDAY.plusDays(1), 20, 5, NINE_AM));
        DepartmentAvailability before = view.slots(COUNTY_CARDIOLOGY, MONDAY, MONDAY.plusDays(1)).orElseThrow();

        // The ledger keeps the last sum for the range; a booking (Monday morning) and a later
        // session must still show, and a different range must not be answered from the kept sum.
        view.apply(booked(PUBLIC, 3));
        view.apply(publishedOn(MONDAY.plusDays(1), 6, 1, NINE_AM));

        assertThat(before.publicSlots()).isEqualTo(new SlotAvailability(30, 0));
        assertThat(view.slots(COUNTY_CARDIOLOGY, MONDAY, MONDAY.plusDays(1)).orElseThrow().publicSlots())
                .isEqualTo(new SlotAvailability(36, 3));
        assertThat(view.slots(COUNTY_CARDIOLOGY, MONDAY, MONDAY).orElseThrow().publicSlots())
                .isEqualTo(new SlotAvailability(10, 3));
        assertThat(view.slots(COUNTY_CARDIOLOGY, MONDAY, MONDAY.plusDays(1)).orElseThrow().referralSlots())
                .isEqualTo(new SlotAvailability(8, 0));
    }

    @Test
    void the_same_department_code_in_another_institution_is_another_department() {
        view.apply(published(16, 4));

        DepartmentKey cityCardiology = new DepartmentKey(InstitutionId.of("430304H0001"), DepartmentId.of("CARDIO"));
        assertThat(view.slots(cityCardiology, MONDAY, MONDAY)).isEmpty();
        assertThat(view.beds(cityCardiology)).isEmpty();
    }

    @Test
    void forgetting_past_sessions_drops_them() {
        view.apply(publishedOn(MONDAY, 10, 2, NINE_AM));
        view.apply(publishedOn(MONDAY.plusDays(1), 20, 5, NINE_AM));

        view.forgetSessionsBefore(MONDAY.plusDays(1));

        assertThat(view.session(MONDAY_MORNING)).isEmpty();
        assertThat(view.slots(COUNTY_CARDIOLOGY, MONDAY, MONDAY.plusDays(1)).orElseThrow().publicSlots().published())
                .isEqualTo(20);
    }

    @Test
    void bookings_applied_from_several_threads_all_count() throws Exception {
        view.apply(published(10_000, 0));
        List<SlotsBooked> bookings = IntStream.range(0, 4_000).mapToObj(i -> booked(PUBLIC, 1)).toList();
        List<Callable<ApplyOutcome>> tasks = bookings.stream()
                .<Callable<ApplyOutcome>>map(booking -> () -> view.apply(booking))
                .toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            pool.invokeAll(tasks);
        } finally {
            pool.shutdown();
        }

        assertThat(view.session(MONDAY_MORNING).orElseThrow().publicSlots().booked()).isEqualTo(4_000);
    }
}
