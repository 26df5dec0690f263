package cn.hunan.mma.referral.rest;

import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.referral.ReferralNoShowRecorded;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.referral.messaging.MatrixView;
import cn.hunan.mma.referral.service.MissedAppointments;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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

    private final TestMatrix matrix = new TestMatrix();
    private final String township = TestMatrix.userAt(matrix.township);
    private final String county = TestMatrix.userAt(matrix.county);
    private final String beds = "/api/v1/reserved-capacity/institutions/" + matrix.county.value() + "/departments/CARDIO";
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private final Instant overdueAppointment = t0.plus(Duration.ofHours(1));
    private final Instant afterTheGracePeriod = overdueAppointment.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(1));

    @BeforeEach
    void publishTheWard() throws Exception {
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            matrix.publish(producer, matrixView);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(beds).then()
                .statusCode(200).body("beds.reserved", equalTo(8)));
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

    @Test
    void a_referral_within_its_grace_period_is_untouched() {
        String late = scheduledBed(t0.plus(Duration.ofHours(2))); // 23 h 1 min past its appointment at the clock below
        heldBedsAre(1);

        clockAt(afterTheGracePeriod);
        missedAppointments.recordDue().await().atMost(Duration.ofSeconds(30));

        given().auth().oauth2(county).get("/api/v1/referrals/" + late).then().statusCode(200)
                .body("status", equalTo("SCHEDULED")).body("version", equalTo(2));
        given().auth().oauth2(township).get("/api/v1/referrals/" + late + "/timeline").then().body("type", hasSize(3));
        heldBedsAre(1);
    }

    @Test
    void an_arrived_referral_past_its_appointment_is_untouched() {
        String arrived = scheduledBed(overdueAppointment);
        scheduledBed(t0.plus(Duration.ofHours(5)));
        ReferralApiTest.act(county, arrived, "arrive", 2, Map.of()).statusCode(200);
        heldBedsAre(1); // the arrival gave its bed back; the other referral's is held

        clockAt(afterTheGracePeriod);
        missedAppointments.recordDue().await().atMost(Duration.ofSeconds(30));

        given().auth().oauth2(county).get("/api/v1/referrals/" + arrived).then().statusCode(200)
                .body("status", equalTo("ARRIVED")).body("version", equalTo(3));
        // The timeline and the outbox row are written by one statement: no fifth entry, no no-show event.
        given().auth().oauth2(township).get("/api/v1/referrals/" + arrived + "/timeline").then()
                .body("type", equalTo(List.of("ReferralRequested", "ReferralAccepted", "ReferralScheduled", "ReferralArrived")));
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

        List<CompletableFuture<?>> contenders;
        try (WardLock ward = new WardLock()) {
            CompletableFuture<Integer> arrival = CompletableFuture.supplyAsync(() ->
                    ReferralApiTest.act(county, raced, "arrive", 2, Map.of()).extract().statusCode());
            ward.awaitWaiting(1);
            CompletableFuture<Integer> platform = missedAppointments.recordDue().subscribeAsCompletionStage();
            ward.awaitWaiting(2);
            contenders = List.of(arrival, platform);
        }
        assertThat(contenders.get(0).get()).isEqualTo(200);
        contenders.get(1).get();

        given().auth().oauth2(county).get("/api/v1/referrals/" + raced).then()
                .body("status", equalTo("ARRIVED")).body("version", equalTo(3));
        given().auth().oauth2(township).get("/api/v1/referrals/" + raced + "/timeline").then()
                .body("type", equalTo(List.of("ReferralRequested", "ReferralAccepted", "ReferralScheduled", "ReferralArrived")));
        heldBedsAre(1);
    }

    /** As above with the platform first: its no-show commits, the receiver's arrival is 409 and gives nothing back. */
    @Test
    void the_platform_s_no_show_racing_a_receiver_s_arrival_wins_when_first_and_the_bed_comes_back_once() throws Exception {
        String raced = scheduledBed(overdueAppointment);
        scheduledBed(t0.plus(Duration.ofHours(5)));
        heldBedsAre(2);
        clockAt(afterTheGracePeriod);

        List<CompletableFuture<?>> contenders;
        try (WardLock ward = new WardLock()) {
            CompletableFuture<Integer> platform = missedAppointments.recordDue().subscribeAsCompletionStage();
            ward.awaitWaiting(1);
            CompletableFuture<Integer> arrival = CompletableFuture.supplyAsync(() ->
                    ReferralApiTest.act(county, raced, "arrive", 2, Map.of()).extract().statusCode());
            ward.awaitWaiting(2);
            contenders = List.of(platform, arrival);
        }
        contenders.get(0).get();
        assertThat(contenders.get(1).get()).isEqualTo(409);

        given().auth().oauth2(county).get("/api/v1/referrals/" + raced).then()
                .body("status", equalTo("NO_SHOW")).body("version", equalTo(3));
        given().auth().oauth2(township).get("/api/v1/referrals/" + raced + "/timeline").then()
                .body("type", equalTo(List.of("ReferralRequested", "ReferralAccepted", "ReferralScheduled",
                        "ReferralNoShowRecorded")));
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

    /** Holds this test's ward's bed pool row until closed, as a transition in flight holds it; counts who waits for it. */
    private final class WardLock implements AutoCloseable {

        private final SqlConnection connection = database.getConnection().await().atMost(Duration.ofSeconds(10));
        private final Transaction transaction = connection.begin().await().atMost(Duration.ofSeconds(10));

        WardLock() {
            connection.preparedQuery("select held from reserved_bed_pool where institution_id = $1 and department_id = $2"
                    + " for update").execute(Tuple.of(matrix.county.value(), "CARDIO")).await().atMost(Duration.ofSeconds(10));
        }

        void awaitWaiting(int transitions) {
            await().atMost(Duration.ofSeconds(30)).until(() -> database.query("select count(*) from pg_stat_activity"
                            + " where datname = current_database() and wait_event_type = 'Lock'").execute()
                    .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0) >= transitions);
        }

        @Override
        public void close() {
            transaction.commit().await().atMost(Duration.ofSeconds(10));
            connection.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    /** A referral from the township centre to the county hospital's CARDIO, scheduled on a bed: at version 2. */
    private String scheduledBed(Instant appointment) {
        String id = given().auth().oauth2(township).contentType("application/json")
                .body(ReferralApiTest.body(matrix.township, matrix.county, "CARDIO", "I21.9"))
                .post("/api/v1/referrals").then().statusCode(201).extract().path("referralId");
        ReferralApiTest.act(county, id, "accept", 0, Map.of()).statusCode(200);
        ReferralApiTest.act(county, id, "schedule", 1, Map.of("reservationKind", "BED",
                "appointmentAt", appointment.toString())).statusCode(200);
        return id;
    }

    private void heldBedsAre(int held) {
        given().auth().oauth2(county).get(beds).then().statusCode(200).body("beds.held", equalTo(held));
    }

    private static void clockAt(Instant now) {
        QuarkusMock.installMockForType(Clock.fixed(now, ZoneOffset.UTC), Clock.class);
    }
}
