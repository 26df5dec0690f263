package cn.hunan.mma.referral.rest;

import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.ReservedBedsReported;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsCancelled;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.events.referral.ReferralScheduled;
import cn.hunan.mma.events.referral.ReservationKind;
import cn.hunan.mma.events.value.ReferralId;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEvent;
import cn.hunan.mma.referral.capacity.UnusedSlotRelease;
import cn.hunan.mma.referral.messaging.MatrixView;
import cn.hunan.mma.referral.persistence.ReferralEntity;
import cn.hunan.mma.referral.persistence.ReferralRows;
import cn.hunan.mma.referral.persistence.SlotBooking;
import cn.hunan.mma.referral.service.ReservedCapacity;
import cn.hunan.mma.referral.service.SlotChoice;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Reserved referral slots from the capacity topic: no overbooking under concurrent scheduling, releases announced. */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@QuarkusTestResource(RealJwtTestResource.class)
class ReservedCapacityApiTest {

    private static final int RESERVED = 3;
    private static final int SCHEDULERS = 8;
    private static final String NEUROLOGY = "NEURO";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    MatrixView matrixView;
    @Inject
    Pool database;
    @Inject
    ReservedCapacity capacity;
    @Inject
    UnusedSlotRelease unusedSlotRelease;

    private final TestMatrix matrix = new TestMatrix();
    private final LocalDate sessionDay = LocalDate.now(ZoneOffset.UTC).plusDays(3);

    @Test
    void parallel_schedules_on_k_reserved_slots_let_exactly_k_succeed_and_each_hold_is_announced() throws Exception {
        String township = TestMatrix.userAt(matrix.township);
        String county = TestMatrix.userAt(matrix.county);
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            matrix.publish(producer, matrixView);
            // An expert session of 10 slots, 3 held back by the hospital (more than the city's 20%).
            producer.send(Topics.CAPACITY, new SlotsPublished(EventId.random(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    matrix.county, new ClinicSession(DepartmentId.of(NEUROLOGY), sessionDay, SessionPeriod.AM, true),
                    7, RESERVED, null));
        }
        String pool = "/api/v1/reserved-capacity/institutions/" + matrix.county.value() + "/departments/" + NEUROLOGY;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(pool).then()
                .statusCode(200).body("sessions[0].reserved", equalTo(RESERVED)));

        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < SCHEDULERS; i++) {
            String id = given().auth().oauth2(township).contentType("application/json")
                    .body(ReferralApiTest.body(matrix.township, matrix.county, NEUROLOGY, "I63.9"))
                    .post("/api/v1/referrals").then().statusCode(201).extract().path("referralId");
            ReferralApiTest.act(county, id, "accept", 0, Map.of()).statusCode(200);
            accepted.add(id);
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool8 = Executors.newFixedThreadPool(SCHEDULERS);
        List<CompletableFuture<Integer>> schedules = new ArrayList<>();
        for (String id : accepted) {
            schedules.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ReferralApiTest.act(county, id, "schedule", 1, Map.of("reservationKind", "SLOT",
                        "sessionDate", sessionDay.toString(), "sessionPeriod", "AM")).extract().statusCode();
            }, pool8));
        }
        start.countDown();
        List<Integer> statuses = schedules.stream().map(CompletableFuture::join).toList();
        pool8.shutdown();

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(RESERVED);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(SCHEDULERS - RESERVED);
        given().auth().oauth2(county).get(pool).then().body("sessions[0].held", equalTo(RESERVED));

        String scheduled = accepted.stream().filter(id -> given().auth().oauth2(county).get("/api/v1/referrals/" + id)
                .then().extract().path("status").equals("SCHEDULED")).findFirst().orElseThrow();
        ReferralApiTest.act(township, scheduled, "cancel", 2, Map.of("reason", "patient admitted nearer home"))
                .statusCode(200);
        given().auth().oauth2(county).get(pool).then().body("sessions[0].held", equalTo(RESERVED - 1));

        List<CapacityEvent> announced = awaitReferralChannelEvents(matrix.county.value(), RESERVED + 1);
        assertThat(announced).filteredOn(SlotsBooked.class::isInstance).hasSize(RESERVED)
                .allSatisfy(booked -> assertThat(((SlotsBooked) booked).session().expert()).isTrue());
        assertThat(announced).filteredOn(SlotsReleased.class::isInstance).singleElement()
                .satisfies(released -> {
                    assertThat(((SlotsReleased) released).channel()).isEqualTo(SlotChannel.REFERRAL);
                    assertThat(((SlotsReleased) released).openedFrom()).as("a slot given back, not an opening").isNull();
                });
    }

    /**
     * Free reserved slots of a session that opens within the lead time go to the public; those of a session that has
     * already begun or ended never do (a cancel or no-show after the session frees a slot: it was announced to the
     * public for a session over, before 2026-11-25 (6)). The job releases both sessions in one statement if it releases
     * them at all, so once the due one is released the past one has been looked at.
     */
    @Test
    void unused_reserved_slots_go_to_the_public_before_the_session_but_never_after_it_began() throws Exception {
        String county = TestMatrix.userAt(matrix.county);
        ZonedDateTime nowInChina = ZonedDateTime.now(CHINA);
        ClinicSession ended = new ClinicSession(DepartmentId.of("DERM"), nowInChina.toLocalDate().minusDays(1),
                SessionPeriod.PM, true);
        ClinicSession due = nextSessionOpeningAfter(nowInChina.plusMinutes(10), "DERM");
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            matrix.publish(producer, matrixView);
            producer.send(Topics.CAPACITY, new SlotsPublished(EventId.random(), now(), matrix.county, ended, 8, 2, null));
            producer.send(Topics.CAPACITY, new SlotsPublished(EventId.random(), now(), matrix.county, due, 7, 3, null));
        }
        String pool = "/api/v1/reserved-capacity/institutions/" + matrix.county.value() + "/departments/DERM";

        // sessions[1] is the due session (a later date than yesterday's).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(pool).then()
                .statusCode(200).body("sessions", hasSize(2)).body("sessions[1].releasedToPublic", equalTo(3))
                .body("sessions[1].held", equalTo(0)));
        given().auth().oauth2(county).get(pool).then().body("sessions[0].date", equalTo(ended.date().toString()))
                .body("sessions[0].reserved", equalTo(2)).body("sessions[0].releasedToPublic", equalTo(0));
        assertThat(awaitReferralChannelEvents(matrix.county.value(), 1)).map(SlotsReleased.class::cast)
                .extracting(SlotsReleased::session, SlotsReleased::channel, SlotsReleased::openedFrom, SlotsReleased::count)
                // An opening says so (openedFrom): without it, a release is a booking given back (shared-events).
                .containsExactly(tuple(due, SlotChannel.PUBLIC, SlotChannel.REFERRAL, 3));
    }

    /**
     * The release job goes by the service's clock (since 2026-11-25 (7); it read the JVM's {@code Instant.now()}, so no
     * test could set the time it judged by): a session five days ahead keeps its reserved slots at the real time, and
     * releases them when the clock says it opens in an hour.
     */
    @Test
    void the_release_job_goes_by_the_service_clock() throws Exception {
        String county = TestMatrix.userAt(matrix.county);
        LocalDate inFiveDays = LocalDate.now(CHINA).plusDays(5);
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            matrix.publish(producer, matrixView);
            producer.send(Topics.CAPACITY, new SlotsPublished(EventId.random(), now(), matrix.county,
                    new ClinicSession(DepartmentId.of("ENT"), inFiveDays, SessionPeriod.AM, true), 8, 2, null));
        }
        String pool = "/api/v1/reserved-capacity/institutions/" + matrix.county.value() + "/departments/ENT";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(pool).then()
                .statusCode(200).body("sessions[0].reserved", equalTo(2)));
        unusedSlotRelease.releaseDue().await().atMost(Duration.ofSeconds(10));
        given().auth().oauth2(county).get(pool).then().body("sessions[0].releasedToPublic", equalTo(0));

        // 07:00 China Standard Time on the session's day: it opens at 08:00, within the 15 h lead time.
        QuarkusMock.installMockForType(Clock.fixed(inFiveDays.atTime(7, 0).atZone(CHINA).toInstant(), ZoneOffset.UTC),
                Clock.class);
        unusedSlotRelease.releaseDue().await().atMost(Duration.ofSeconds(10));

        given().auth().oauth2(county).get(pool).then().body("sessions[0].releasedToPublic", equalTo(2));
    }

    // The first session of the department to open after the given time: at most 14 h later (18:00 to 08:00 the next
    // day), so inside the test profile's 15 h lead time.
    private static ClinicSession nextSessionOpeningAfter(ZonedDateTime after, String department) {
        for (LocalDate day = after.toLocalDate(); ; day = day.plusDays(1)) {
            for (SessionPeriod period : SessionPeriod.values()) {
                if (new SlotChoice(day, period).startsAt().isAfter(after.toInstant())) {
                    return new ClinicSession(DepartmentId.of(department), day, period, true);
                }
            }
        }
    }

    @Test
    void slots_withdrawn_from_the_referral_channel_shrink_the_pool_but_never_below_what_is_held() throws Exception {
        String township = TestMatrix.userAt(matrix.township);
        String county = TestMatrix.userAt(matrix.county);
        ClinicSession ortho = new ClinicSession(DepartmentId.of("ORTHO"), sessionDay, SessionPeriod.PM, true);
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            matrix.publish(producer, matrixView);
            producer.send(Topics.CAPACITY, new SlotsPublished(EventId.random(), now(), matrix.county, ortho, 6, 4, null));
            // Withdrawn public slots are navigation's business, not the referral pool's.
            producer.send(Topics.CAPACITY, new SlotsCancelled(EventId.random(), now(), matrix.county, ortho,
                    SlotChannel.PUBLIC, 2, null));
            producer.send(Topics.CAPACITY, new SlotsCancelled(EventId.random(), now(), matrix.county, ortho,
                    SlotChannel.REFERRAL, 1, null));
        }
        String pool = "/api/v1/reserved-capacity/institutions/" + matrix.county.value() + "/departments/ORTHO";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(pool).then()
                .statusCode(200).body("sessions[0].reserved", equalTo(3)));

        String id = given().auth().oauth2(township).contentType("application/json")
                .body(ReferralApiTest.body(matrix.township, matrix.county, "ORTHO", "S72.0"))
                .post("/api/v1/referrals").then().statusCode(201).extract().path("referralId");
        ReferralApiTest.act(county, id, "accept", 0, Map.of()).statusCode(200);
        ReferralApiTest.act(county, id, "schedule", 1, Map.of("reservationKind", "SLOT",
                "sessionDate", sessionDay.toString(), "sessionPeriod", "PM")).statusCode(200);
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            producer.send(Topics.CAPACITY, new SlotsCancelled(EventId.random(), now(), matrix.county, ortho,
                    SlotChannel.REFERRAL, 5, null));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(pool).then()
                .statusCode(200).body("sessions[0].reserved", equalTo(1)).body("sessions[0].held", equalTo(1)));
    }

    /**
     * Slots the hospital withdraws while referrals hold them leave the pool as those referrals give them back: the part
     * of the withdrawal that could not come off waits for them. Before 2026-11-25 (6) it was forgotten, so a cancelled
     * referral's withdrawn slot became free: a third referral was scheduled into it, or the release job opened it to
     * the public (helper-80). Each release is still announced on the REFERRAL channel (navigation counts published
     * less booked, and already took the withdrawal off published), never on PUBLIC.
     */
    @Test
    void a_slot_withdrawn_while_held_leaves_the_pool_when_its_referral_gives_it_back() throws Exception {
        HeldMorning held = bothSlotsHeld("GASTRO", "K25.9", 3);
        String township = held.township();
        String county = held.county();
        ClinicSession morning = held.morning();
        Map<String, Object> intoMorning = held.intoMorning();
        String pool = held.pool();
        List<String> referrals = held.referrals();

        // Both slots withdrawn while both are held; the afternoon's publication after it (same key, same partition)
        // shows when the withdrawal has been applied. Held slots stay their patients': the pool keeps 2.
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            producer.send(Topics.CAPACITY, new SlotsCancelled(EventId.random(), now(), matrix.county, morning,
                    SlotChannel.REFERRAL, 2, null));
            producer.send(Topics.CAPACITY, new SlotsPublished(EventId.random(), now(), matrix.county,
                    new ClinicSession(DepartmentId.of("GASTRO"), sessionDay, SessionPeriod.PM, false), 8, 1, null));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(pool).then()
                .statusCode(200).body("sessions", hasSize(2)));
        given().auth().oauth2(county).get(pool).then().body("sessions[0].period", equalTo("AM"))
                .body("sessions[0].reserved", equalTo(2)).body("sessions[0].held", equalTo(2));

        // The first referral is cancelled: its slot was withdrawn, so it leaves the pool (2 - 1), free stays 0 and
        // nothing is left for the release job to open to the public.
        ReferralApiTest.act(township, referrals.get(0), "cancel", 2, Map.of("reason", "patient admitted nearer home"))
                .statusCode(200);
        given().auth().oauth2(county).get(pool).then().body("sessions[0].reserved", equalTo(1))
                .body("sessions[0].held", equalTo(1)).body("sessions[0].releasedToPublic", equalTo(0));
        ReferralApiTest.act(county, referrals.get(2), "schedule", 1, intoMorning).statusCode(409)
                .body("refusal", equalTo("NO_RESERVED_CAPACITY"))
                // Still ACCEPTED: another session, or a bed, may be scheduled (the lifecycle has nothing else there).
                .body("allowedActions", equalTo(List.of("schedule")));
        // The second one is a no-show: the last withdrawn slot leaves too.
        ReferralApiTest.act(county, referrals.get(1), "no-show", 2, Map.of()).statusCode(200);
        given().auth().oauth2(county).get(pool).then().body("sessions[0].reserved", equalTo(0))
                .body("sessions[0].held", equalTo(0)).body("sessions[0].releasedToPublic", equalTo(0));

        // 2 bookings and 2 releases, all on the REFERRAL channel: navigation's published 2 - withdrawn 2 - booked 0 = 0.
        assertThat(awaitReferralChannelEvents(matrix.county.value(), 4)).hasSize(4)
                .allSatisfy(event -> assertThat(event).isInstanceOfAny(SlotsBooked.class, SlotsReleased.class))
                .extracting(event -> event instanceof SlotsReleased released ? released.channel()
                        : ((SlotsBooked) event).channel())
                .containsOnly(SlotChannel.REFERRAL);
    }

    /**
     * A publication adds to its session (as navigation counts it: published − withdrawn − booked); a withdrawal still
     * pending on held slots is paid off from the slots it adds before any of them is free (2026-11-25 (8)). By hand:
     * 2 referral slots published, both held, both withdrawn → the pool keeps 2 (held), 2 pending; 3 more published →
     * the hospital's net is 2 − 2 + 3 = 3, of which 2 are held: reserved 3, held 2, 1 free (before: reserved 5, 3 free,
     * 2 more than navigation shows, and scheduling them overbooked the session).
     */
    @Test
    void a_publication_pays_off_a_pending_withdrawal_before_its_slots_are_free() throws Exception {
        HeldMorning held = bothSlotsHeld("DERM", "L20.9", 4);
        String township = held.township();
        String county = held.county();
        ClinicSession morning = held.morning();
        Map<String, Object> intoMorning = held.intoMorning();
        String pool = held.pool();
        List<String> referrals = held.referrals();

        // Withdrawn while both are held (2 pending), then 3 more published; the afternoon's publication after them (same
        // key, same partition) shows when both have been applied.
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            producer.send(Topics.CAPACITY, new SlotsCancelled(EventId.random(), now(), matrix.county, morning,
                    SlotChannel.REFERRAL, 2, null));
            producer.send(Topics.CAPACITY, new SlotsPublished(EventId.random(), now(), matrix.county, morning, 0, 3, null));
            producer.send(Topics.CAPACITY, new SlotsPublished(EventId.random(), now(), matrix.county,
                    new ClinicSession(DepartmentId.of("DERM"), sessionDay, SessionPeriod.PM, false), 8, 1, null));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(pool).then()
                .statusCode(200).body("sessions", hasSize(2)));
        given().auth().oauth2(county).get(pool).then().body("sessions[0].period", equalTo("AM"))
                .body("sessions[0].reserved", equalTo(3)).body("sessions[0].held", equalTo(2));

        // The one free slot is scheduled; there is no second.
        ReferralApiTest.act(county, referrals.get(2), "schedule", 1, intoMorning).statusCode(200);
        ReferralApiTest.act(county, referrals.get(3), "schedule", 1, intoMorning).statusCode(409)
                .body("refusal", equalTo("NO_RESERVED_CAPACITY"));
        // Nothing is owed any more: a cancelled referral's slot is free again (reserved stays 3, held 3 → 2), and taken.
        ReferralApiTest.act(township, referrals.get(0), "cancel", 2, Map.of("reason", "patient admitted nearer home"))
                .statusCode(200);
        given().auth().oauth2(county).get(pool).then().body("sessions[0].reserved", equalTo(3))
                .body("sessions[0].held", equalTo(2));
        ReferralApiTest.act(county, referrals.get(3), "schedule", 1, intoMorning).statusCode(200);
        given().auth().oauth2(county).get(pool).then().body("sessions[0].reserved", equalTo(3))
                .body("sessions[0].held", equalTo(3)).body("sessions[0].releasedToPublic", equalTo(0));
    }

    /** A morning session of {@code department}'s with 2 referral slots, {@code count} accepted referrals to it, and the first two scheduled into it: both slots held. */
    private record HeldMorning(String township, String county, ClinicSession morning, String pool, List<String> referrals) {
        Map<String, Object> intoMorning() {
            return Map.of("reservationKind", "SLOT", "sessionDate", morning.date().toString(), "sessionPeriod", "AM");
        }
    }

    private HeldMorning bothSlotsHeld(String department, String diagnosis, int count) throws Exception {
        String township = TestMatrix.userAt(matrix.township);
        String county = TestMatrix.userAt(matrix.county);
        ClinicSession morning = new ClinicSession(DepartmentId.of(department), sessionDay, SessionPeriod.AM, false);
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            matrix.publish(producer, matrixView);
            producer.send(Topics.CAPACITY, new SlotsPublished(EventId.random(), now(), matrix.county, morning, 8, 2, null));
        }
        String pool = "/api/v1/reserved-capacity/institutions/" + matrix.county.value() + "/departments/" + department;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(pool).then()
                .statusCode(200).body("sessions[0].reserved", equalTo(2)));
        List<String> referrals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = given().auth().oauth2(township).contentType("application/json")
                    .body(ReferralApiTest.body(matrix.township, matrix.county, department, diagnosis))
                    .post("/api/v1/referrals").then().statusCode(201).extract().path("referralId");
            ReferralApiTest.act(county, id, "accept", 0, Map.of()).statusCode(200);
            referrals.add(id);
        }
        HeldMorning held = new HeldMorning(township, county, morning, pool, referrals);
        ReferralApiTest.act(county, referrals.get(0), "schedule", 1, held.intoMorning()).statusCode(200);
        ReferralApiTest.act(county, referrals.get(1), "schedule", 1, held.intoMorning()).statusCode(200);
        return held;
    }

    /**
     * A corrected publication is not applied (as navigation's view does not apply it): applied as one more delta, the
     * correction of 5 referral slots to 4 made 9 schedulable (helper-66). A withdrawal that arrives before its session's
     * publication (events arrive out of order) waits for it: it was lost, and the session kept 5 where 3 were left.
     */
    @Test
    void a_corrected_publication_adds_nothing_and_a_withdrawal_before_its_publication_still_counts() throws Exception {
        String county = TestMatrix.userAt(matrix.county);
        ClinicSession morning = new ClinicSession(DepartmentId.of("ENDO"), sessionDay, SessionPeriod.AM, false);
        ClinicSession afternoon = new ClinicSession(DepartmentId.of("ENDO"), sessionDay, SessionPeriod.PM, false);
        EventId original = EventId.random();
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            matrix.publish(producer, matrixView);
            producer.send(Topics.CAPACITY, new SlotsPublished(original, now(), matrix.county, morning, 15, 5, null));
            producer.send(Topics.CAPACITY, new SlotsPublished(EventId.random(), now(), matrix.county, morning, 16, 4, original));
            producer.send(Topics.CAPACITY, new SlotsCancelled(EventId.random(), now(), matrix.county, afternoon,
                    SlotChannel.REFERRAL, 2, null));
            producer.send(Topics.CAPACITY, new SlotsPublished(EventId.random(), now(), matrix.county, afternoon, 15, 5, null));
        }
        String pool = "/api/v1/reserved-capacity/institutions/" + matrix.county.value() + "/departments/ENDO";

        // Same key, same partition: once the afternoon shows its publication, every record before it has been applied.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(pool).then()
                .statusCode(200).body("sessions", hasSize(2)).body("sessions[1].reserved", equalTo(3)));
        given().auth().oauth2(county).get(pool).then().body("sessions[0].period", equalTo("AM"))
                .body("sessions[0].reserved", equalTo(5));
    }

    @Test
    void a_schedule_that_finds_its_referral_moved_on_after_holding_the_slot_keeps_nothing() throws Exception {
        String township = TestMatrix.userAt(matrix.township);
        String county = TestMatrix.userAt(matrix.county);
        ClinicSession evening = new ClinicSession(DepartmentId.of(NEUROLOGY), sessionDay, SessionPeriod.EVENING, false);
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            matrix.publish(producer, matrixView);
            producer.send(Topics.CAPACITY, new SlotsPublished(EventId.random(), now(), matrix.county, evening, 8, 2, null));
        }
        String pool = "/api/v1/reserved-capacity/institutions/" + matrix.county.value() + "/departments/" + NEUROLOGY;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(pool).then()
                .statusCode(200).body("sessions[0].reserved", equalTo(2)));
        String id = given().auth().oauth2(township).contentType("application/json")
                .body(ReferralApiTest.body(matrix.township, matrix.county, NEUROLOGY, "I63.9"))
                .post("/api/v1/referrals").then().statusCode(201).extract().path("referralId");
        ReferralApiTest.act(county, id, "accept", 0, Map.of()).statusCode(200);

        // The schedule's statement as a scheduler that read version 0 would send it, after the accept committed:
        // the slot is free, so its hold succeeds — and must not outlive the transition it was for.
        ReferralEntity stale = ReferralRows.find(database, id).await().atMost(Duration.ofSeconds(10));
        SlotBooking slot = capacity.slotBooking(stale, new SlotChoice(sessionDay, SessionPeriod.EVENING));
        OutboxEvent scheduled = ContractOutboxEvents.of(Topics.REFERRALS, new ReferralScheduled(EventId.random(), now(),
                ReferralId.of(id), ReservationKind.SLOT, "stale", Instant.now().plusSeconds(86_400)));
        assertThatThrownBy(() -> ReferralRows.scheduleOnSlot(database, stale, 0, scheduled, "test", slot)
                .await().atMost(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(PgException.class, failure -> assertThat(failure.getSqlState()).isEqualTo("40001"));

        given().auth().oauth2(county).get(pool).then().body("sessions[0].held", equalTo(0));
        given().auth().oauth2(county).get("/api/v1/referrals/" + id).then().body("status", equalTo("ACCEPTED"));
        // The real schedule, from the current version, holds the slot and announces it as a non-expert session's.
        ReferralApiTest.act(county, id, "schedule", 1, Map.of("reservationKind", "SLOT",
                "sessionDate", sessionDay.toString(), "sessionPeriod", "EVENING")).statusCode(200);
        given().auth().oauth2(county).get(pool).then().body("sessions[0].held", equalTo(1));
        assertThat(awaitReferralChannelEvents(matrix.county.value(), 1)).singleElement().isInstanceOfSatisfying(
                SlotsBooked.class, booked -> assertThat(booked.session()).isEqualTo(evening));
    }

    @Test
    void every_change_to_a_ward_s_referral_beds_is_announced_as_the_pool_s_new_state() throws Exception {
        String township = TestMatrix.userAt(matrix.township);
        String county = TestMatrix.userAt(matrix.county);
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            // Among the matrix: CARDIO's 40 beds, none reserved by the hospital, so the city's 20 % holds 8.
            matrix.publish(producer, matrixView);
        }
        String pool = "/api/v1/reserved-capacity/institutions/" + matrix.county.value() + "/departments/CARDIO";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(pool).then()
                .statusCode(200).body("beds.reserved", equalTo(8)));

        String cancelled = scheduledBedReferral(township, county);
        ReferralApiTest.act(township, cancelled, "cancel", 2, Map.of("reason", "patient admitted nearer home")).statusCode(200);
        String arrived = scheduledBedReferral(township, county);
        ReferralApiTest.act(county, arrived, "arrive", 2, Map.of()).statusCode(200);
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            // A late report (an hour old, 100 beds) changes nothing; the next one (50 beds → 10 for referrals) does.
            producer.send(Topics.CAPACITY, new BedStatusReported(EventId.random(), now().minusSeconds(3_600), matrix.county,
                    DepartmentId.of("CARDIO"), 100, 60, 0, null));
            producer.send(Topics.CAPACITY, new BedStatusReported(EventId.random(), now().plusSeconds(1), matrix.county,
                    DepartmentId.of("CARDIO"), 50, 30, 0, null));
        }

        List<CapacityEvent> states = awaitCapacityEvents(matrix.county.value(), ReservedBedsReported.class, 6);
        // The bed report's pool; a hold and its cancellation; a hold and the patient's arrival (the bed is now one
        // of the ward's occupied beds); the newer report — in the order they happened, the late report nowhere.
        assertThat(states).map(ReservedBedsReported.class::cast)
                .extracting(ReservedBedsReported::reserved, ReservedBedsReported::held)
                .containsExactly(tuple(8, 0), tuple(8, 1), tuple(8, 0), tuple(8, 1), tuple(8, 0), tuple(10, 0));
        given().auth().oauth2(county).get(pool).then().statusCode(200).body("beds.reserved", equalTo(10))
                .body("beds.held", equalTo(0));
    }

    /**
     * No reserved bed left is refused like every step the referral cannot take (409), naming what it may do instead: it
     * is still ACCEPTED, so a schedule (of a slot, or later of a bed). Before 2026-11-25 (9) {@code allowedActions} was
     * empty here alone.
     */
    @Test
    void no_reserved_bed_left_names_what_the_referral_may_do_instead() throws Exception {
        String township = TestMatrix.userAt(matrix.township);
        String county = TestMatrix.userAt(matrix.county);
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            matrix.publish(producer, matrixView);
            // 5 beds, 1 held back for referrals by the hospital (the city's 20 % is 1 as well).
            producer.send(Topics.CAPACITY, new BedStatusReported(EventId.random(), now(), matrix.county,
                    DepartmentId.of("ENT"), 5, 2, 1, null));
        }
        String pool = "/api/v1/reserved-capacity/institutions/" + matrix.county.value() + "/departments/ENT";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(pool).then()
                .statusCode(200).body("beds.reserved", equalTo(1)));
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = given().auth().oauth2(township).contentType("application/json")
                    .body(ReferralApiTest.body(matrix.township, matrix.county, "ENT", "J32.9"))
                    .post("/api/v1/referrals").then().statusCode(201).extract().path("referralId");
            ReferralApiTest.act(county, id, "accept", 0, Map.of()).statusCode(200);
            accepted.add(id);
        }
        Map<String, Object> aBed = Map.of("reservationKind", "BED", "appointmentAt", ReferralApiTest.tomorrow());

        ReferralApiTest.act(county, accepted.get(0), "schedule", 1, aBed).statusCode(200);
        ReferralApiTest.act(county, accepted.get(1), "schedule", 1, aBed).statusCode(409)
                .contentType("application/problem+json")
                .body("refusal", equalTo("NO_RESERVED_CAPACITY"))
                .body("allowedActions", equalTo(List.of("schedule")));
    }

    private String scheduledBedReferral(String township, String county) {
        String id = given().auth().oauth2(township).contentType("application/json")
                .body(ReferralApiTest.body(matrix.township, matrix.county, "CARDIO", "I21.9"))
                .post("/api/v1/referrals").then().statusCode(201).extract().path("referralId");
        ReferralApiTest.act(county, id, "accept", 0, Map.of()).statusCode(200);
        ReferralApiTest.act(county, id, "schedule", 1, Map.of("reservationKind", "BED",
                "appointmentAt", ReferralApiTest.tomorrow())).statusCode(200);
        return id;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The institution's slot bookings and releases (either channel), from the topic's start, once there are {@code count}. */
    static List<CapacityEvent> awaitReferralChannelEvents(String institution, int count) {
        return awaitCapacityEvents(institution, SlotsBooked.class, SlotsReleased.class, count);
    }

    private static List<CapacityEvent> awaitCapacityEvents(String institution, Class<? extends CapacityEvent> type, int count) {
        return awaitCapacityEvents(institution, type, type, count);
    }

    /** The institution's capacity events of either type, from the topic's start, once there are {@code count}. */
    private static List<CapacityEvent> awaitCapacityEvents(String institution, Class<? extends CapacityEvent> type,
                                                           Class<? extends CapacityEvent> otherType, int count) {
        List<CapacityEvent> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CAPACITY.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (institution.equals(record.key())) {
                        CapacityEvent event = ContractCodec.standard().decode(record.value(), CapacityEvent.class).orElseThrow();
                        if (type.isInstance(event) || otherType.isInstance(event)) {
                            events.add(event);
                        }
                    }
                }
                return events.size() >= count;
            });
        }
        return events;
    }
}
