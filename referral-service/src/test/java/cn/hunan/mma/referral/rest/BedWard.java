package cn.hunan.mma.referral.rest;

import cn.hunan.mma.referral.messaging.MatrixView;
import io.quarkus.test.junit.QuarkusMock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The CARDIO ward of a fresh county hospital (40 beds, 8 of them the city's 20 % for referrals), and the BED referrals
 * a test schedules there from the township centre of its county: a ward of the test's own, whose pool no other test
 * moves.
 */
final class BedWard {

    final TestMatrix matrix = new TestMatrix();
    final String township = TestMatrix.userAt(matrix.township);
    final String county = TestMatrix.userAt(matrix.county);
    private final String beds = "/api/v1/reserved-capacity/institutions/" + matrix.county.value() + "/departments/CARDIO";

    /** Publishes the ward's hospital, its township centre and bed report; waits until its 8 referral beds are there. */
    BedWard publish(MatrixView matrixView) throws Exception {
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            matrix.publish(producer, matrixView);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(county).get(beds).then()
                .statusCode(200).body("beds.reserved", equalTo(8)));
        return this;
    }

    /** A referral from the township centre scheduled on one of the ward's beds: at version 2, the bed held. */
    String scheduledBed(Instant appointment) {
        String id = given().auth().oauth2(township).contentType("application/json")
                .body(ReferralApiTest.body(matrix.township, matrix.county, "CARDIO", "I21.9"))
                .post("/api/v1/referrals").then().statusCode(201).extract().path("referralId");
        ReferralApiTest.act(county, id, "accept", 0, Map.of()).statusCode(200);
        ReferralApiTest.act(county, id, "schedule", 1, Map.of("reservationKind", "BED",
                "appointmentAt", appointment.toString())).statusCode(200);
        return id;
    }

    void heldBedsAre(int held) {
        given().auth().oauth2(county).get(beds).then().statusCode(200).body("beds.held", equalTo(held));
    }

    void statusIs(String referral, String status) {
        given().auth().oauth2(county).get("/api/v1/referrals/" + referral).then().statusCode(200)
                .body("status", equalTo(status));
    }

    /** Sets the service's clock ({@code config.ServiceClock}) for the rest of the test. */
    static void clockAt(Instant now) {
        QuarkusMock.installMockForType(Clock.fixed(now, ZoneOffset.UTC), Clock.class);
    }
}
