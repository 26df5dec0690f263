package cn.hunan.mma.referral.rest;

import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.referral.messaging.MatrixView;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Scheduling is for what lies ahead: a session that has begun, an appointment already past (beyond the 5 minutes
 * allowed for clocks that differ) or a slot's appointment outside its session is 400 naming the field and the times, and
 * holds nothing. The service's clock is set per test (QuarkusMock). The release job reads the same clock (since
 * 2026-11-25 (7)) and opens a session's free reserved slots to the public from 15 hours before it opens (the test
 * profile's lead time) until it begins: a clock set in that window would let it take the slots a schedule asks for, so
 * the clocks set here lie before it or after the session has begun.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@QuarkusTestResource(RealJwtTestResource.class)
class ScheduleTimingApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String EYES = "OPHTH";

    @Inject
    MatrixView matrixView;

    private final TestMatrix matrix = new TestMatrix();
    private final String township = TestMatrix.userAt(matrix.township);
    private final String county = TestMatrix.userAt(matrix.county);
    private final LocalDate sessionDay = LocalDate.now(CHINA).plusDays(3);
    private final String slotPool = "/api/v1/reserved-capacity/institutions/" + matrix.county.value() + "/departments/" + EYES;

    @Test
    void a_schedule_into_a_session_that_has_begun_or_ended_is_refused_naming_it_and_holds_nothing() throws Exception {
        publishMorningSession();
        String id = acceptedReferral(EYES, "H40.9");
        Map<String, Object> morning = Map.of("reservationKind", "SLOT", "sessionDate", sessionDay.toString(),
                "sessionPeriod", "AM");

        // The morning session opens at 08:00 China Standard Time. At 08:06 it has begun (6 minutes > the 5 allowed).
        clockAt(sessionDay, 8, 6);
        ReferralApiTest.act(county, id, "schedule", 1, morning).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("sessionDate"))
                .body("detail", containsString("the session " + sessionDay + " AM opened at " + sessionDay + "T08:00+08:00"))
                .body("detail", containsString("it is now " + sessionDay + "T08:06+08:00"));
        // The next day it has ended.
        clockAt(sessionDay.plusDays(1), 9, 0);
        ReferralApiTest.act(county, id, "schedule", 1, morning).statusCode(400)
                .body("detail", containsString("it is now " + sessionDay.plusDays(1) + "T09:00+08:00"));

        given().auth().oauth2(county).get(slotPool).then().body("sessions[0].held", equalTo(0));
        given().auth().oauth2(county).get("/api/v1/referrals/" + id).then()
                .body("status", equalTo("ACCEPTED")).body("version", equalTo(1));

        // At 08:04 a clock 4 minutes ahead of the client's may still be the reason: allowed, and the slot is held.
        clockAt(sessionDay, 8, 4);
        ReferralApiTest.act(county, id, "schedule", 1, morning).statusCode(200).body("status", equalTo("SCHEDULED"));
        given().auth().oauth2(county).get(slotPool).then().body("sessions[0].held", equalTo(1));
    }

    @Test
    void a_slot_s_appointment_outside_its_session_is_refused_and_one_in_it_is_kept() throws Exception {
        publishMorningSession();
        String id = acceptedReferral(EYES, "H25.9");
        clockAt(sessionDay.minusDays(1), 7, 0); // 25 hours before the session: its slots stay the referrals'

        ReferralApiTest.act(county, id, "schedule", 1, slotWithAppointment(chinaTime(sessionDay, 7, 30))).statusCode(400)
                .contentType(PROBLEM_JSON).body("errors[0].field", equalTo("appointmentAt"))
                .body("detail", containsString("appointmentAt: " + chinaTime(sessionDay, 7, 30) + " is not in the session "
                        + sessionDay + " AM, which opens at " + sessionDay + "T08:00+08:00"));
        ReferralApiTest.act(county, id, "schedule", 1, slotWithAppointment(chinaTime(sessionDay.plusDays(1), 9, 30)))
                .statusCode(400).body("errors[0].field", equalTo("appointmentAt"));
        given().auth().oauth2(county).get(slotPool).then().body("sessions[0].held", equalTo(0));

        ReferralApiTest.act(county, id, "schedule", 1, slotWithAppointment(chinaTime(sessionDay, 9, 30))).statusCode(200)
                .body("appointmentAt", equalTo(chinaTime(sessionDay, 9, 30).toString()));
        given().auth().oauth2(county).get(slotPool).then().body("sessions[0].held", equalTo(1));
    }

    @Test
    void a_bed_appointment_already_past_is_refused_naming_it_and_holds_nothing() throws Exception {
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            matrix.publish(producer, matrixView); // CARDIO: 40 beds, the city's 20 % (8) for referrals
        }
        String beds = "/api/v1/reserved-capacity/institutions/" + matrix.county.value() + "/departments/CARDIO";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(beds).then()
                .statusCode(200).body("beds.reserved", equalTo(8)));
        String id = acceptedReferral("CARDIO", "I21.9");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        QuarkusMock.installMockForType(Clock.fixed(now, ZoneOffset.UTC), Clock.class);

        Instant sixMinutesAgo = now.minus(Duration.ofMinutes(6));
        ReferralApiTest.act(county, id, "schedule", 1, Map.of("reservationKind", "BED", "appointmentAt", sixMinutesAgo.toString()))
                .statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("appointmentAt"))
                .body("detail", containsString("appointmentAt: " + sixMinutesAgo + " is past: it is now " + now));
        given().auth().oauth2(county).get(beds).then().body("beds.held", equalTo(0));
        given().auth().oauth2(county).get("/api/v1/referrals/" + id).then().body("status", equalTo("ACCEPTED"));

        Instant fourMinutesAgo = now.minus(Duration.ofMinutes(4));
        ReferralApiTest.act(county, id, "schedule", 1, Map.of("reservationKind", "BED", "appointmentAt", fourMinutesAgo.toString()))
                .statusCode(200).body("status", equalTo("SCHEDULED"));
        given().auth().oauth2(county).get(beds).then().body("beds.held", equalTo(1));
    }

    /** An expert morning session of 10 slots on {@link #sessionDay}, 2 held back for referrals. */
    private void publishMorningSession() throws Exception {
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            matrix.publish(producer, matrixView);
            producer.send(Topics.CAPACITY, new SlotsPublished(EventId.random(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    matrix.county, new ClinicSession(DepartmentId.of(EYES), sessionDay, SessionPeriod.AM, true), 8, 2, null));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(slotPool).then()
                .statusCode(200).body("sessions[0].reserved", equalTo(2)));
    }

    /** A referral to the county hospital's department, accepted: at version 1, ready to schedule. */
    private String acceptedReferral(String department, String diagnosis) {
        String id = given().auth().oauth2(township).contentType("application/json")
                .body(ReferralApiTest.body(matrix.township, matrix.county, department, diagnosis))
                .post("/api/v1/referrals").then().statusCode(201).extract().path("referralId");
        ReferralApiTest.act(county, id, "accept", 0, Map.of()).statusCode(200);
        return id;
    }

    private Map<String, Object> slotWithAppointment(Instant appointment) {
        return Map.of("reservationKind", "SLOT", "sessionDate", sessionDay.toString(), "sessionPeriod", "AM",
                "appointmentAt", appointment.toString());
    }

    private static void clockAt(LocalDate day, int hour, int minute) {
        QuarkusMock.installMockForType(Clock.fixed(chinaTime(day, hour, minute), ZoneOffset.UTC), Clock.class);
    }

    private static Instant chinaTime(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(CHINA).toInstant();
    }
}
