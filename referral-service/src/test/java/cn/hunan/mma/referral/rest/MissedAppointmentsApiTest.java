package cn.hunan.mma.referral.rest;

import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsCancelled;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.referral.ReferralNoShowRecorded;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.referral.config.ReferralSettings;
import cn.hunan.mma.referral.messaging.MatrixView;
import cn.hunan.mma.referral.service.MissedAppointments;
import cn.hunan.mma.referral.service.ReferralService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A scheduled referral the receiver never closes gives its bed back once its appointment is more than the grace period
 * (PT24H) past: the platform records the no-show through the receiver's own path. The service's clock is set per test
 * (QuarkusMock) and the test runs the job itself ({@link MissedAppointments#recordDue}; its timer is off in tests).
 * Appointments are scheduled at T0 + 1 h on the real clock (T0 = the test's start, whole minutes), then the clock is
 * set to T0 + 1 h + 24 h + 1 min: that appointment is 1 minute past the grace period, one at T0 + 2 h is 59 minutes
 * within it. Each test has a ward of its own (CARDIO of a fresh county hospital: 40 beds, 8 for referrals).
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@QuarkusTestResource(RealJwtTestResource.class)
class MissedAppointmentsApiTest {

    @Inject
    MatrixView matrixView;
    @Inject
    MissedAppointments missedAppointments;
    @Inject
    Pool database;
    @Inject
    ReferralSettings settings;
    @Inject
    ReferralService referralService;

    private final BedWard ward = new BedWard();
    private final TestMatrix matrix = ward.matrix;
    private final String township = ward.township;
    private final String county = ward.county;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private final Instant overdueAppointment = t0.plus(Duration.ofHours(1));
    private final Instant afterTheGracePeriod = overdueAppointment.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(1));

    @BeforeEach
    void publishTheWard() throws Exception {
        ward.publish(matrixView);
    }

    @Test
    void a_referral_past_its_grace_period_becomes_a_no_show_by_the_platform_and_its_bed_goes_back() {
        String missed = scheduledBed(overdueAppointment);
        String later = scheduledBed(t0.plus(Duration.ofHours(5)));
        heldBedsAre(2);

        clockAt(afterTheGracePeriod);
        missedAppointments.recordDue().await().atMost(Duration.ofSeconds(30));

        given().auth().oauth2(county).get("/api/v1/referrals/" + missed).then().statusCode(200)
                .body("status", equalTo("NO_SHOW")).body("version", equalTo(3));
        heldBedsAre(1); // the missed referral's, given back; the later one's still held
        given().auth().oauth2(township).get("/api/v1/referrals/" + missed + "/timeline").then().statusCode(200)
                .body("type", hasSize(4)).body("[3].type", equalTo("ReferralNoShowRecorded"))
                .body("[3].actor", equalTo("platform:no-show-after-grace"));
        List<ReferralEvent> events = ReferralTopic.awaitEvents(missed, 4, Duration.ofSeconds(30));
        assertThat(events.get(3)).isInstanceOf(ReferralNoShowRecorded.class);
        assertThat(events.get(3).referralId().value()).isEqualTo(missed);

        // A second look finds nothing more to do: recorded once, given back once.
        missedAppointments.recordDue().await().atMost(Duration.ofSeconds(30));
        given().auth().oauth2(township).get("/api/v1/referrals/" + missed + "/timeline").then().body("type", hasSize(4));
        heldBedsAre(1);
        given().auth().oauth2(county).get("/api/v1/referrals/" + later).then().body("status", equalTo("SCHEDULED"));
    }

    /** Also one exactly the grace period past: "more than" the grace, as the README says (2026-11-25 (7); it was taken). */
    @Test
    void a_referral_within_its_grace_period_is_untouched() {
        String late = scheduledBed(t0.plus(Duration.ofHours(2))); // 23 h 1 min past its appointment at the clock below
        String exactlyTheGrace = scheduledBed(overdueAppointment.plus(Duration.ofMinutes(1))); // 24 h 0 min past
        heldBedsAre(2);

        clockAt(afterTheGracePeriod);
        missedAppointments.recordDue().await().atMost(Duration.ofSeconds(30));

        for (String untouched : List.of(late, exactlyTheGrace)) {
            given().auth().oauth2(county).get("/api/v1/referrals/" + untouched).then().statusCode(200)
                    .body("status", equalTo("SCHEDULED")).body("version", equalTo(2));
            given().auth().oauth2(township).get("/api/v1/referrals/" + untouched + "/timeline").then().body("type", hasSize(3));
        }
        heldBedsAre(2);
    }

    /**
     * A look reads overdue referrals a batch at a time (2 in tests), each batch after the last one's (appointment, id),
     * and goes on until a batch comes back short. Five overdue referrals on a day 40 days ahead, where no other test
     * schedules: beds at the AM session's opening − 1 min, at the opening (two) and + 1 min, and a slot of that
     * session, whose appointment is the opening too (three share it, so a batch boundary falls between two of them).
     * The slot was withdrawn while held (V7 {@code withdrawn_pending}): given back by the platform's no-show, it
     * leaves the pool (reserved 1 → 0, held 1 → 0) and its release is announced once, on the REFERRAL channel.
     * Fails if the look stops after its first batch (2) or pages by appointment alone (3).
     */
    @Test
    void a_look_records_every_overdue_referral_batch_after_batch_and_a_withdrawn_slot_leaves_its_pool() throws Exception {
        assertThat(settings.noShowBatchSize()).isEqualTo(2);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(40);
        Instant opening = day.atTime(8, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        String slot = scheduledSlotWithdrawnWhileHeld(day);
        String earliest = scheduledBed(opening.minus(Duration.ofMinutes(1)));
        String first = scheduledBed(opening);
        String second = scheduledBed(opening);
        String latest = scheduledBed(opening.plus(Duration.ofMinutes(1)));
        heldBedsAre(4);

        // Referrals other test classes left overdue are recorded first, so that the look below meets these five alone;
        // at this clock the earliest is exactly the grace past, so none of them yet.
        clockAt(opening.minus(Duration.ofMinutes(1)).plus(Duration.ofHours(24)));
        missedAppointments.recordDue().await().atMost(Duration.ofSeconds(30));
        heldBedsAre(4);

        clockAt(opening.plus(Duration.ofMinutes(2)).plus(Duration.ofHours(24)));
        assertThat(missedAppointments.recordDue().await().atMost(Duration.ofSeconds(60))).isEqualTo(5);
        assertThat(missedAppointments.recordDue().await().atMost(Duration.ofSeconds(30))).isZero();

        for (String missed : List.of(slot, earliest, first, second, latest)) {
            given().auth().oauth2(county).get("/api/v1/referrals/" + missed).then().statusCode(200)
                    .body("status", equalTo("NO_SHOW")).body("version", equalTo(3));
        }
        heldBedsAre(0);
        given().auth().oauth2(county).get(GASTRO_POOL.formatted(matrix.county.value())).then().statusCode(200)
                .body("sessions[0].period", equalTo("AM")).body("sessions[0].reserved", equalTo(0))
                .body("sessions[0].held", equalTo(0)).body("sessions[0].releasedToPublic", equalTo(0));
        List<CapacityEvent> bookings = ReservedCapacityApiTest.awaitReferralChannelEvents(matrix.county.value(), 2);
        assertThat(bookings).hasSize(2);
        assertThat(bookings.get(0)).isInstanceOfSatisfying(SlotsBooked.class,
                booked -> assertThat(booked.channel()).isEqualTo(SlotChannel.REFERRAL));
        assertThat(bookings.get(1)).isInstanceOfSatisfying(SlotsReleased.class, released -> {
            assertThat(released.channel()).isEqualTo(SlotChannel.REFERRAL);
            assertThat(released.count()).isEqualTo(1);
        });
    }

    @Test
    void an_arrived_referral_past_its_appointment_is_untouched() {
        String arrived = scheduledBed(overdueAppointment);
        scheduledBed(t0.plus(Duration.ofHours(5)));
        ReferralApiTest.act(county, arrived, "arrive", 2, Map.of()).statusCode(200);
        heldBedsAre(1); // the arrival gave its bed back; the other referral's is held

        clockAt(afterTheGracePeriod);
        missedAppointments.recordDue().await().atMost(Duration.ofSeconds(30));

        // The timeline and the outbox row are written by one statement: no fifth entry, no no-show event.
        closedAs(arrived, "ARRIVED", "ReferralArrived");
        heldBedsAre(1);
    }

    /**
     * The receiver records the arrival while the platform records the no-show. Both transitions first give the bed
     * back (the ward's pool row), then write the referral conditional on version 2. The test holds the pool row so
     * that both wait for it, the receiver first: the receiver's arrival commits, the platform's write finds version 3
     * and rolls back with its release. The bed comes back once (held 2 → 1, not 0).
     */
    @Test
    void a_receiver_s_arrival_racing_the_platform_s_no_show_wins_when_first_and_the_bed_comes_back_once() throws Exception {
        String raced = scheduledBed(overdueAppointment);
        scheduledBed(t0.plus(Duration.ofHours(5)));
        heldBedsAre(2);
        clockAt(afterTheGracePeriod);

        List<CompletableFuture<Integer>> contenders = atTheWardInTurn(() -> arrival(raced), this::platformLook);
        assertThat(contenders.get(0).get()).isEqualTo(200);
        contenders.get(1).get();

        closedAs(raced, "ARRIVED", "ReferralArrived");
        heldBedsAre(1);
    }

    /** As above with the platform first: its no-show commits, the receiver's arrival is 409 and gives nothing back. */
    @Test
    void the_platform_s_no_show_racing_a_receiver_s_arrival_wins_when_first_and_the_bed_comes_back_once() throws Exception {
        String raced = scheduledBed(overdueAppointment);
        scheduledBed(t0.plus(Duration.ofHours(5)));
        heldBedsAre(2);
        clockAt(afterTheGracePeriod);

        List<CompletableFuture<Integer>> contenders = atTheWardInTurn(this::platformLook, () -> arrival(raced));
        contenders.get(0).get();
        assertThat(contenders.get(1).get()).isEqualTo(409);

        closedAs(raced, "NO_SHOW", "ReferralNoShowRecorded");
        heldBedsAre(1);
        // The receiver, with the tag it had, is told the referral moved on.
        ReferralApiTest.act(county, raced, "arrive", 2, Map.of()).statusCode(412);
    }

    /**
     * Another instance of the job recording the same referral holds its claim (the transaction-scoped advisory lock
     * {@code ReferralService.recordMissedAppointment} takes, keyed by {@code referral-no-show:} and the referral id): this
     * instance passes the referral by without waiting, and records it at a later look once the claim is gone.
     */
    @Test
    void a_referral_another_instance_is_recording_is_passed_by_without_waiting() {
        String missed = scheduledBed(overdueAppointment);
        heldBedsAre(1);
        clockAt(afterTheGracePeriod);

        SqlConnection otherInstance = database.getConnection().await().atMost(Duration.ofSeconds(10));
        Transaction claim = otherInstance.begin().await().atMost(Duration.ofSeconds(10));
        try {
            otherInstance.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 0))")
                    .execute(Tuple.of("referral-no-show:" + missed)).await().atMost(Duration.ofSeconds(10));
            missedAppointments.recordDue().await().atMost(Duration.ofSeconds(20));
            given().auth().oauth2(county).get("/api/v1/referrals/" + missed).then().body("status", equalTo("SCHEDULED"));
            heldBedsAre(1);
        } finally {
            claim.rollback().await().atMost(Duration.ofSeconds(10));
            otherInstance.close().await().atMost(Duration.ofSeconds(10));
        }

        missedAppointments.recordDue().await().atMost(Duration.ofSeconds(20));
        given().auth().oauth2(county).get("/api/v1/referrals/" + missed).then().body("status", equalTo("NO_SHOW"));
        heldBedsAre(0);
    }

    /**
     * A session stuck holding the ward's pool row (idle in transaction) no longer keeps the no-show waiting for good:
     * its transaction waits at most the lock timeout (here 300 ms; PT30S by default), fails with PostgreSQL's
     * lock_not_available (55P03), writes nothing, and the referral is recorded once the row is free. Without the
     * transaction's lock_timeout it waits until the holder ends, and this test's 10 s run out first.
     */
    @Test
    void a_no_show_waits_no_longer_than_the_lock_timeout_for_a_row_held_by_a_stuck_session() {
        String missed = scheduledBed(overdueAppointment);
        heldBedsAre(1);

        try (StuckSession stuck = new StuckSession(database, ward)) {
            assertThatThrownBy(() -> referralService.recordMissedAppointment(missed, MissedAppointments.ACTOR,
                    Duration.ofMillis(300)).await().atMost(Duration.ofSeconds(10)))
                    .isInstanceOfSatisfying(PgException.class, failure -> assertThat(failure.getSqlState()).isEqualTo("55P03"));
        }
        given().auth().oauth2(county).get("/api/v1/referrals/" + missed).then().body("status", equalTo("SCHEDULED"))
                .body("version", equalTo(2));
        heldBedsAre(1);

        assertThat(referralService.recordMissedAppointment(missed, MissedAppointments.ACTOR, Duration.ofMillis(300))
                .await().atMost(Duration.ofSeconds(10))).isTrue();
        given().auth().oauth2(county).get("/api/v1/referrals/" + missed).then().body("status", equalTo("NO_SHOW"));
        heldBedsAre(0);
    }

    private static final String GASTRO_POOL = "/api/v1/reserved-capacity/institutions/%s/departments/GASTRO";

    /**
     * A referral scheduled on the one reserved slot of the county hospital's GASTRO morning session on {@code day},
     * whose slot the hospital then withdrew (SlotsCancelled, REFERRAL): the pool keeps it while it is held.
     */
    private String scheduledSlotWithdrawnWhileHeld(LocalDate day) throws Exception {
        ClinicSession morning = new ClinicSession(DepartmentId.of("GASTRO"), day, SessionPeriod.AM, false);
        String pool = GASTRO_POOL.formatted(matrix.county.value());
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            producer.send(Topics.CAPACITY, new SlotsPublished(EventId.random(), now(), matrix.county, morning, 8, 1, null));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(pool).then()
                .statusCode(200).body("sessions[0].reserved", equalTo(1)));
        String id = given().auth().oauth2(township).contentType("application/json")
                .body(ReferralApiTest.body(matrix.township, matrix.county, "GASTRO", "K25.9"))
                .post("/api/v1/referrals").then().statusCode(201).extract().path("referralId");
        ReferralApiTest.act(county, id, "accept", 0, Map.of()).statusCode(200);
        ReferralApiTest.act(county, id, "schedule", 1, Map.of("reservationKind", "SLOT", "sessionDate", day.toString(),
                "sessionPeriod", "AM")).statusCode(200);
        // The afternoon's publication after the withdrawal (same key, same partition) shows the withdrawal applied.
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            producer.send(Topics.CAPACITY, new SlotsCancelled(EventId.random(), now(), matrix.county, morning,
                    SlotChannel.REFERRAL, 1, null));
            producer.send(Topics.CAPACITY, new SlotsPublished(EventId.random(), now(), matrix.county,
                    new ClinicSession(DepartmentId.of("GASTRO"), day, SessionPeriod.PM, false), 8, 1, null));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(pool).then()
                .statusCode(200).body("sessions", hasSize(2)));
        given().auth().oauth2(county).get(pool).then().body("sessions[0].period", equalTo("AM"))
                .body("sessions[0].reserved", equalTo(1)).body("sessions[0].held", equalTo(1));
        return id;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private String scheduledBed(Instant appointment) {
        return ward.scheduledBed(appointment);
    }

    private void heldBedsAre(int held) {
        ward.heldBedsAre(held);
    }

    private static void clockAt(Instant now) {
        BedWard.clockAt(now);
    }

    /**
     * Starts {@code first}, waits until it waits for the ward's pool row held here, then starts {@code second} and waits
     * until it waits too, and lets the row go: PostgreSQL then grants the row in that order.
     */
    private List<CompletableFuture<Integer>> atTheWardInTurn(Supplier<CompletableFuture<Integer>> first,
                                                            Supplier<CompletableFuture<Integer>> second) throws Exception {
        try (StuckSession held = new StuckSession(database, ward)) {
            CompletableFuture<Integer> one = first.get();
            held.awaitWaiting(1);
            CompletableFuture<Integer> other = second.get();
            held.awaitWaiting(2);
            return List.of(one, other);
        }
    }

    private CompletableFuture<Integer> arrival(String referral) {
        return CompletableFuture.supplyAsync(() -> ReferralApiTest.act(county, referral, "arrive", 2, Map.of()).extract().statusCode());
    }

    private CompletableFuture<Integer> platformLook() {
        return missedAppointments.recordDue().subscribeAsCompletionStage().toCompletableFuture();
    }

    /** The referral closed at version 3 by {@code event}, the fourth and last entry of its timeline. */
    private void closedAs(String referral, String status, String event) {
        given().auth().oauth2(county).get("/api/v1/referrals/" + referral).then().statusCode(200)
                .body("status", equalTo(status)).body("version", equalTo(3));
        given().auth().oauth2(township).get("/api/v1/referrals/" + referral + "/timeline").then()
                .body("type", equalTo(List.of("ReferralRequested", "ReferralAccepted", "ReferralScheduled", event)));
    }
}
