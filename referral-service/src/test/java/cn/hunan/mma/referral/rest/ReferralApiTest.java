package cn.hunan.mma.referral.rest;

import cn.hunan.mma.events.referral.ReferralCompleted;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.platform.outbox.OutboxEvent;
import cn.hunan.mma.referral.messaging.MatrixView;
import cn.hunan.mma.referral.persistence.ReferralEntity;
import cn.hunan.mma.referral.persistence.ReferralRows;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The referral API on the real broker and database: requests over HTTP become events on
 * {@code mma.referral.events} in order; refusals, races, bad input and scope are problem+json.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@QuarkusTestResource(RealJwtTestResource.class)
class ReferralApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PATIENT = "3f".repeat(32);
    private static final TestMatrix MATRIX = new TestMatrix();
    private static boolean published;

    @Inject
    MatrixView matrixView;

    @Inject
    Pool pool;

    private final String township = TestMatrix.userAt(MATRIX.township);
    private final String county = TestMatrix.userAt(MATRIX.county);
    private final String provincial = TestMatrix.userAt(MATRIX.provincial);
    private final String zhangjiajie = TestMatrix.userAt(MATRIX.zhangjiajie);

    @BeforeEach
    void the_matrix_is_known() throws Exception {
        if (!published) {
            try (ContractTopicProducer producer = new ContractTopicProducer()) {
                MATRIX.publish(producer, matrixView);
            }
            published = true;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(county)
                .get("/api/v1/reserved-capacity/institutions/" + MATRIX.county.value() + "/departments/CARDIO")
                .then().extract().path("beds.reserved") != null);
    }

    @Test
    void a_referral_driven_over_http_publishes_its_events_in_order_under_its_id() {
        String id = create(township, MATRIX.township, MATRIX.county, "E11.9").path("referralId");
        act(county, id, "accept", 0, Map.of()).statusCode(200).body("status", equalTo("ACCEPTED"));
        act(county, id, "schedule", 1, Map.of("reservationKind", "BED", "appointmentAt", tomorrow())).statusCode(200);
        act(county, id, "arrive", 2, Map.of()).statusCode(200);
        act(county, id, "start-treatment", 3, Map.of("treatmentPlan", "insulin titration")).statusCode(200);
        act(county, id, "complete", 4, Map.of("outcome", "IMPROVED", "dischargeSummaryRef", "ehr://county/discharge/1",
                "rehabilitationGuidance", "walk 30 minutes a day")).statusCode(200);
        act(township, id, "follow-up", 5, Map.of("note", "HbA1c 6.9%")).statusCode(200)
                .body("status", equalTo("FOLLOWED_UP")).body("allowedActions", hasSize(0));

        List<ReferralEvent> events = ReferralTopic.awaitEvents(id, 7, Duration.ofSeconds(30));

        assertThat(events).extracting(event -> event.getClass().getSimpleName()).containsExactly(
                "ReferralRequested", "ReferralAccepted", "ReferralScheduled", "ReferralArrived",
                "ReferralTreatmentStarted", "ReferralCompleted", "ReferralFollowedUp");
        ReferralRequested requested = (ReferralRequested) events.get(0);
        assertThat(requested.sender().institutionId()).isEqualTo(MATRIX.township);
        assertThat(requested.direction().name()).isEqualTo("UP");
        assertThat(requested.flaggedAgainstCatalogue()).isFalse();
        assertThat(((ReferralCompleted) events.get(5)).dischargeSummaryRef()).isEqualTo("ehr://county/discharge/1");
        given().auth().oauth2(township).get("/api/v1/referrals/" + id + "/timeline").then().statusCode(200)
                .body("type", equalTo(List.of("ReferralRequested", "ReferralAccepted", "ReferralScheduled",
                        "ReferralArrived", "ReferralTreatmentStarted", "ReferralCompleted", "ReferralFollowedUp")))
                .body("[1].actor", equalTo("doctor@" + MATRIX.county.value()))
                .body("[0].event.episodeId", equalTo(requested.episodeId().value()));
    }

    @Test
    void an_upward_referral_of_a_disease_kept_at_the_senders_level_is_flagged_on_the_referral_and_its_event() {
        String id = create(township, MATRIX.township, MATRIX.county, "I10.x00").path("referralId");

        given().auth().oauth2(township).get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("flags", equalTo(List.of("UPWARD_AGAINST_CATALOGUE")));
        ReferralRequested requested = (ReferralRequested) ReferralTopic.awaitEvents(id, 1, Duration.ofSeconds(30)).get(0);
        assertThat(requested.flaggedAgainstCatalogue()).isTrue();
    }

    @Test
    void a_referral_stating_no_criterion_is_created_and_flagged_on_the_referral_and_its_event() {
        Map<String, Object> body = body(MATRIX.township, MATRIX.county, "E11.9");
        body.remove("criteriaMet");
        String id = given().auth().oauth2(township).contentType("application/json").body(body)
                .post("/api/v1/referrals").then().statusCode(201).body("flags", equalTo(List.of("CRITERIA_MISSING")))
                .extract().path("referralId");

        ReferralRequested requested = (ReferralRequested) ReferralTopic.awaitEvents(id, 1, Duration.ofSeconds(30)).get(0);
        assertThat(requested.criteriaMet()).isEmpty();
        assertThat(requested.criteriaMissing()).isTrue();
    }

    @Test
    void an_alliance_operator_sees_the_referrals_of_its_members_and_no_others() {
        String alliance = TestMatrix.operatorOfAlliance(MATRIX.xiangtanCounty);
        String member = create(township, MATRIX.township, MATRIX.county, "E11.9").path("referralId");
        String outsider = create(zhangjiajie, MATRIX.zhangjiajie, MATRIX.provincial, "I63.9").path("referralId");

        given().auth().oauth2(alliance).get("/api/v1/referrals/" + member).then().statusCode(200)
                .body("referralId", equalTo(member));
        given().auth().oauth2(alliance).get("/api/v1/referrals/" + outsider).then().statusCode(403)
                .contentType(PROBLEM_JSON);
        List<String> listed = given().auth().oauth2(alliance).get("/api/v1/referrals?size=100").then().statusCode(200)
                .extract().path("referralId");
        assertThat(listed).contains(member).doesNotContain(outsider);
        // Seeing is not acting: an operator is no party to the referral.
        act(alliance, member, "accept", 0, Map.of()).statusCode(403);
    }

    @Test
    void a_refused_transition_is_409_naming_the_allowed_actions() {
        String id = create(township, MATRIX.township, MATRIX.county, "E11.9").path("referralId");

        act(county, id, "arrive", 0, Map.of()).statusCode(409).contentType(PROBLEM_JSON)
                .body("allowedActions", equalTo(List.of("accept", "reject")))
                .body("detail", containsString("allowed: accept, reject"));
    }

    @Test
    void a_transition_from_the_wrong_party_is_403() {
        String id = create(township, MATRIX.township, MATRIX.county, "E11.9").path("referralId");

        act(township, id, "accept", 0, Map.of()).statusCode(403).contentType(PROBLEM_JSON)
                .body("refusal", equalTo("WRONG_PARTY"));
    }

    @Test
    void a_referral_from_a_reviewing_city_waits_for_the_platform() {
        String id = create(provincial, MATRIX.provincial, MATRIX.county, "I63.9").path("referralId");

        act(county, id, "accept", 0, Map.of()).statusCode(409).body("allowedActions", equalTo(List.of("approve")));
        act(TestMatrix.operatorOfCity("430300"), id, "approve", 0, Map.of()).statusCode(403);
        act(TestMatrix.operatorOfCity("430100"), id, "approve", 0, Map.of()).statusCode(200)
                .body("status", equalTo("PLATFORM_APPROVED"));
        act(county, id, "accept", 1, Map.of()).statusCode(200);
    }

    @Test
    void an_out_of_date_or_missing_if_match_is_refused() {
        String id = create(township, MATRIX.township, MATRIX.county, "E11.9").path("referralId");
        act(county, id, "accept", 0, Map.of()).statusCode(200);

        act(county, id, "schedule", 0, Map.of("reservationKind", "BED", "appointmentAt", tomorrow()))
                .statusCode(412).contentType(PROBLEM_JSON);
        given().auth().oauth2(county).contentType("application/json").body(Map.of())
                .post("/api/v1/referrals/" + id + "/arrive").then().statusCode(428).contentType(PROBLEM_JSON);
        // The current version as a weak tag: If-Match compares strongly, and a weak tag never matches (RFC 9110).
        given().auth().oauth2(county).contentType("application/json").header("If-Match", "W/\"1\"").body(Map.of())
                .post("/api/v1/referrals/" + id + "/cancel").then().statusCode(412).contentType(PROBLEM_JSON);
        given().auth().oauth2(county).when().get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }

    @Test
    void two_actors_racing_on_the_same_version_cannot_both_win() throws Exception {
        String id = create(township, MATRIX.township, MATRIX.county, "E11.9").path("referralId");
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> accept = race(start, () -> act(county, id, "accept", 0, Map.of()).extract().statusCode());
        CompletableFuture<Integer> reject = race(start, () -> act(county, id, "reject", 0,
                Map.of("reasonCode", "CAPACITY_FULL", "reason", "no beds")).extract().statusCode());
        start.countDown();

        // Exactly one wins. The loser gets 409 when both read version 0 and its commit lost, or 412
        // when the winner had already committed before the loser compared its If-Match.
        List<Integer> statuses = List.of(accept.get(), reject.get());
        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses).filteredOn(status -> status != 200).singleElement().isIn(409, 412);
        given().auth().oauth2(county).get("/api/v1/referrals/" + id).then().body("version", equalTo(1));
        // The loser wrote nothing: the request and the winner's step are the whole timeline.
        given().auth().oauth2(county).get("/api/v1/referrals/" + id + "/timeline").then().body("type", hasSize(2));
    }

    @Test
    void a_transition_written_on_a_version_that_moved_on_writes_nothing() {
        String id = create(township, MATRIX.township, MATRIX.county, "E11.9").path("referralId");
        ReferralEntity atVersion0 = ReferralRows.find(pool, id).await().atMost(Duration.ofSeconds(10));
        act(county, id, "accept", 0, Map.of()).statusCode(200);
        OutboxEvent late = new OutboxEvent("mma.test.never-written", id, UUID.randomUUID(), "ReferralRejected",
                Instant.now(), "{}");

        boolean written = ReferralRows.transition(pool, atVersion0, 0, late, "late-actor", List.of(late))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(written).isFalse();
        assertThat(atVersion0.version()).isZero();
        assertThat(count("select count(*) from outbox where id = $1", late.eventId())).isZero();
        assertThat(count("select count(*) from referral_event where referral_id = $1", id)).isEqualTo(2);
        assertThat(count("select version from referral where id = $1", id)).isEqualTo(1);
    }

    private long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    @Test
    void bad_referrals_are_problem_json_4xx_saying_what_was_wrong() {
        post(township, body(MATRIX.township, InstitutionId.of("430321H9NOPE"), "E11.9")).statusCode(422)
                .contentType(PROBLEM_JSON).body("detail", containsString("430321H9NOPE"));
        post(township, body(MATRIX.township, MATRIX.township, "E11.9")).statusCode(422)
                .body("title", equalTo("Self-referral"));
        Map<String, Object> noDiagnosis = body(MATRIX.township, MATRIX.county, "E11.9");
        noDiagnosis.remove("diagnosis");
        post(township, noDiagnosis).statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("diagnosis"));
        post(township, body(MATRIX.township, MATRIX.county, "E11-9")).statusCode(400)
                .body("errors[0].field", equalTo("diagnosis"));
        Map<String, Object> nationalId = body(MATRIX.township, MATRIX.county, "E11.9");
        nationalId.put("patientPseudonym", "43032119800101123X");
        post(township, nationalId).statusCode(400).body("detail", containsString("pseudonym"));
        post(county, body(MATRIX.township, MATRIX.county, "E11.9")).statusCode(403).contentType(PROBLEM_JSON);
    }

    /**
     * Input that reached the database or a bare List.copyOf answered 500 before 2026-11-25 (4) (helper-66): a null in a
     * list, a NUL in free text, a page whose offset overflows an int. A reference with a line break read back as two.
     */
    @Test
    void client_mistakes_that_answered_500_are_problem_json_400_naming_the_field() {
        Map<String, Object> nullCriterion = body(MATRIX.township, MATRIX.county, "E11.9");
        nullCriterion.put("criteriaMet", java.util.Arrays.asList((Object) null));
        post(township, nullCriterion).statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("criteriaMet[0]"));
        Map<String, Object> nullRef = body(MATRIX.township, MATRIX.county, "E11.9");
        nullRef.put("attachmentRefs", java.util.Arrays.asList("ehr://township/visit/9", null));
        post(township, nullRef).statusCode(400).body("errors[0].field", equalTo("attachmentRefs[1]"));
        Map<String, Object> twoLineRef = body(MATRIX.township, MATRIX.county, "E11.9");
        twoLineRef.put("attachmentRefs", List.of("pacs://a\nb"));
        post(township, twoLineRef).statusCode(400).contentType(PROBLEM_JSON).body("detail", containsString("attachmentRefs[0] must be a single line"));
        Map<String, Object> nulReason = body(MATRIX.township, MATRIX.county, "E11.9");
        nulReason.put("reason", "chest pain\u0000");
        post(township, nulReason).statusCode(400).contentType(PROBLEM_JSON).body("detail", containsString("reason must not hold a NUL character"));
        Map<String, Object> nulSummary = body(MATRIX.township, MATRIX.county, "E11.9");
        nulSummary.put("courseSummary", "glucose\u0000");
        post(township, nulSummary).statusCode(400).body("errors[0].field", equalTo("courseSummary"));

        String id = create(township, MATRIX.township, MATRIX.county, "E11.9").path("referralId");
        act(county, id, "accept", 0, Map.of("treatmentPlan", "insulin\u0000")).statusCode(400)
                .body("errors[0].field", equalTo("treatmentPlan"));
        given().auth().oauth2(county).queryParam("page", Integer.MAX_VALUE).queryParam("size", 200)
                .get("/api/v1/referrals").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    /**
     * Through the platform's problem mappers over HTTP (helper-104 on the running stack, 2026-11-25 (8)): a body that is
     * not JSON said only "HTTP 400 Bad Request", a value of the wrong JSON type named a Java type, and a page that is
     * not a number was 404, as if the endpoint were missing.
     */
    @Test
    void a_body_that_is_not_json_or_of_the_wrong_shape_and_a_page_that_is_not_a_number_say_what_was_wrong() {
        // 13 characters, then the end: the parser stops at column 14 (1-based, just past the last one).
        given().auth().oauth2(township).contentType("application/json").body("{\"diagnosis\":").post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", equalTo("the body is not valid JSON: it ends before the JSON is complete at line 1, column 14"));
        given().auth().oauth2(township).contentType("application/json").body("[1, 2]").post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", equalTo("the body is valid JSON of the wrong shape: expected an object"));
        Map<String, Object> listUrgency = body(MATRIX.township, MATRIX.county, "E11.9");
        listUrgency.put("urgency", List.of("URGENT"));
        post(township, listUrgency).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("urgency"))
                .body("errors[0].reason", equalTo("expected one of ROUTINE, URGENT, EMERGENCY"));
        given().auth().oauth2(county).queryParam("page", "abc").get("/api/v1/referrals").then()
                .statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("page"));
    }

    /**
     * The treatment plan and rehabilitation guidance are the receiving institution's: the sender's follow-up, or any
     * step of another party, cannot write them (helper-66; before 2026-11-25 (4) any acting party could).
     */
    @Test
    void only_the_receiving_institution_writes_the_treatment_plan_and_rehabilitation_guidance() {
        String id = create(township, MATRIX.township, MATRIX.county, "E11.9").path("referralId");
        act(township, id, "cancel", 0, Map.of("treatmentPlan", "the sender's plan")).statusCode(403).contentType(PROBLEM_JSON);
        act(county, id, "accept", 0, Map.of("treatmentPlan", "insulin titration")).statusCode(200);

        given().auth().oauth2(county).get("/api/v1/referrals/" + id + "/record").then().statusCode(200)
                .body(containsString("insulin titration"));
    }

    /**
     * A create retried with the same Idempotency-Key (a client whose first try timed out) answers the referral the first
     * try made, and writes nothing again; the key reused for another request is 409 (helper-66: each retry made another
     * referral for the same patient).
     */
    @Test
    void a_create_retried_with_its_idempotency_key_makes_one_referral() {
        String key = "retry-" + UUID.randomUUID();
        Map<String, Object> request = body(MATRIX.township, MATRIX.county, "E11.9");

        String first = idempotent(key, request).statusCode(201).extract().path("referralId");
        String again = idempotent(key, request).statusCode(201).header("Location", endsWith(first)).extract().path("referralId");

        assertThat(again).isEqualTo(first);
        given().auth().oauth2(township).get("/api/v1/referrals/" + first + "/timeline").then().statusCode(200)
                .body("type", equalTo(List.of("ReferralRequested")));
        Map<String, Object> otherPatient = body(MATRIX.township, MATRIX.county, "E11.9");
        otherPatient.put("patientPseudonym", "ab".repeat(32));
        idempotent(key, otherPatient).statusCode(409).contentType(PROBLEM_JSON).body("title", equalTo("Idempotency-Key reused"));
        Map<String, Object> routine = body(MATRIX.township, MATRIX.county, "E11.9");
        routine.put("urgency", "ROUTINE");
        idempotent(key, routine).statusCode(409).body("title", equalTo("Idempotency-Key reused"));
        idempotent("not a key", request).statusCode(400).contentType(PROBLEM_JSON);
    }

    /**
     * The client's first try made the referral but its answer was lost; meanwhile the receiver was retired. The retry
     * is answered with the referral the first try made: before, the intake assessed it again first and answered 422,
     * and the client could not tell that its referral existed. A new request to the retired receiver is still refused.
     */
    @Test
    void a_retry_after_the_receiver_was_retired_answers_the_referral_its_first_try_made() throws Exception {
        TestMatrix own = new TestMatrix();
        String ownTownship = TestMatrix.userAt(own.township);
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            own.publish(producer, matrixView);
            String key = "retry-" + UUID.randomUUID();
            Map<String, Object> request = body(own.township, own.county, "E11.9");
            String first = given().auth().oauth2(ownTownship).contentType("application/json").header("Idempotency-Key", key)
                    .body(request).post("/api/v1/referrals").then().statusCode(201).extract().path("referralId");

            own.retireCounty(producer, matrixView);

            given().auth().oauth2(ownTownship).contentType("application/json").header("Idempotency-Key", key).body(request)
                    .post("/api/v1/referrals").then().statusCode(201).body("referralId", equalTo(first));
            given().auth().oauth2(ownTownship).contentType("application/json").body(request)
                    .post("/api/v1/referrals").then().statusCode(422).contentType(PROBLEM_JSON);
        }
    }

    private io.restassured.response.ValidatableResponse idempotent(String key, Map<String, Object> body) {
        return given().auth().oauth2(township).contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/v1/referrals").then();
    }

    @Test
    void a_caller_sees_only_referrals_of_its_scope() {
        String id = create(township, MATRIX.township, MATRIX.county, "E11.9").path("referralId");

        given().auth().oauth2(zhangjiajie).get("/api/v1/referrals/" + id).then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(TestMatrix.operatorOfCity("430800")).get("/api/v1/referrals/" + id).then().statusCode(403);
        given().auth().oauth2(TestMatrix.operatorOfCity("430300")).get("/api/v1/referrals/" + id).then().statusCode(200);
        given().auth().oauth2(county).queryParam("box", "incoming").get("/api/v1/referrals").then().statusCode(200)
                .body("referralId", hasItem(id));
        given().auth().oauth2(township).queryParam("box", "incoming").get("/api/v1/referrals").then().statusCode(200)
                .body("referralId", org.hamcrest.Matchers.not(hasItem(id)));
        given().auth().oauth2(zhangjiajie).get("/api/v1/referrals").then().statusCode(200)
                .body("referralId", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void reading_the_shared_record_is_audited_and_an_outsider_gets_403_and_no_content() {
        String id = create(township, MATRIX.township, MATRIX.county, "E11.9").path("referralId");

        given().auth().oauth2(county).get("/api/v1/referrals/" + id + "/record").then().statusCode(200)
                .body("senderInstitutionId", equalTo(MATRIX.township.value()))
                .body("receiverDepartmentId", equalTo("CARDIO"))
                .body("courseSummary", equalTo("fasting glucose 11 mmol/L despite metformin"));
        String outsider = given().auth().oauth2(zhangjiajie).get("/api/v1/referrals/" + id + "/record")
                .then().statusCode(403).contentType(PROBLEM_JSON).extract().asString();
        assertThat(outsider).doesNotContain("glucose").doesNotContain(PATIENT);

        given().auth().oauth2(TestMatrix.auditorOfCity("430300")).get("/api/v1/referrals/" + id + "/record/accesses")
                .then().statusCode(200)
                .body("subject", equalTo(List.of("doctor@" + MATRIX.county.value(), "doctor@" + MATRIX.zhangjiajie.value())))
                .body("granted", equalTo(List.of(true, false)))
                .body("[0].roles", equalTo("institution-user"))
                .body("[0].scope", equalTo("institution=" + MATRIX.county.value()))
                .body("[0].what", equalTo("record"));
        given().auth().oauth2(county).get("/api/v1/referrals/" + id + "/record/accesses").then().statusCode(403);
    }

    @Test
    void the_fhir_export_is_a_service_request_and_a_task_following_the_lifecycle() {
        String id = create(township, MATRIX.township, MATRIX.county, "E11.9").path("referralId");
        act(county, id, "accept", 0, Map.of()).statusCode(200);

        given().auth().oauth2(township).get("/api/v1/referrals/" + id + "/fhir").then().statusCode(200)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("Bundle"))
                .body("entry[0].resource.resourceType", equalTo("ServiceRequest"))
                .body("entry[0].resource.status", equalTo("active"))
                .body("entry[0].resource.reasonCode[0].coding[0].code", equalTo("E11.9"))
                .body("entry[1].resource.resourceType", equalTo("Task"))
                .body("entry[1].resource.status", equalTo("accepted"))
                .body("entry[1].resource.businessStatus.coding[0].code", equalTo("ACCEPTED"));
    }

    @Test
    void a_continuing_referral_shares_the_episode_and_the_patient_care_shows_both() {
        String up = create(township, MATRIX.township, MATRIX.county, "E11.9").path("referralId");
        Map<String, Object> down = body(MATRIX.county, MATRIX.township, "E11.9");
        down.put("criteriaMet", List.of("DIAGNOSIS_CLEAR_CONDITION_STABLE"));
        down.put("continuesReferralId", up);
        String episode = post(county, down).statusCode(201).extract().path("episodeId");

        given().auth().oauth2(county).get("/api/v1/patients/" + PATIENT + "/care-episodes").then().statusCode(200)
                .body("find { it.episodeId == '" + episode + "' }.referrals.direction", equalTo(List.of("UP", "DOWN")));
    }

    /**
     * {@code continuesReferralId} naming no referral is a mistake in that field of the body: 422 naming it. One the
     * caller may not see (张家界's county hospital to the provincial one, continued by the township centre) is answered
     * alike, so the answer does not tell that it exists. Before 2026-11-25 (9): 404 ("endpoint missing") and 403.
     */
    @Test
    void continuing_a_referral_the_caller_cannot_see_is_422_naming_the_field_whether_or_not_it_exists() {
        String elsewhere = create(zhangjiajie, MATRIX.zhangjiajie, MATRIX.provincial, "E11.9").path("referralId");
        String unknown = "R-" + UUID.randomUUID();

        for (String continued : List.of(unknown, elsewhere)) {
            Map<String, Object> continuing = body(MATRIX.township, MATRIX.county, "E11.9");
            continuing.put("continuesReferralId", continued);
            post(township, continuing).statusCode(422).contentType(PROBLEM_JSON)
                    .body("title", equalTo("Unknown referral"))
                    .body("refusal", equalTo("UNKNOWN_REFERRAL"))
                    .body("errors[0].field", equalTo("continuesReferralId"))
                    .body("detail", equalTo("continuesReferralId: no referral " + continued + " among those the caller may see"));
        }
    }

    // ---- helpers

    private static ExtractableResponse<Response> create(String token, InstitutionId sender, InstitutionId receiver,
                                                        String diagnosis) {
        return post(token, body(sender, receiver, diagnosis)).statusCode(201).extract();
    }

    private static io.restassured.response.ValidatableResponse post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post("/api/v1/referrals").then();
    }

    static io.restassured.response.ValidatableResponse act(String token, String id, String action, long version,
                                                            Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"" + version + "\"")
                .body(body).post("/api/v1/referrals/" + id + "/" + action).then();
    }

    static Map<String, Object> body(InstitutionId sender, InstitutionId receiver, String receiverDepartment,
                                    String diagnosis) {
        Map<String, Object> body = body(sender, receiver, diagnosis);
        body.put("receiverDepartmentId", receiverDepartment);
        return body;
    }

    static Map<String, Object> body(InstitutionId sender, InstitutionId receiver, String diagnosis) {
        Map<String, Object> body = new HashMap<>();
        body.put("senderInstitutionId", sender.value());
        body.put("senderDepartmentId", "GENERAL");
        body.put("receiverInstitutionId", receiver.value());
        body.put("receiverDepartmentId", "CARDIO");
        body.put("patientPseudonym", PATIENT);
        body.put("diagnosis", diagnosis);
        body.put("reason", "poorly controlled, needs a specialist");
        body.put("criteriaMet", List.of("BEYOND_LOCAL_CAPABILITY"));
        body.put("urgency", "URGENT");
        body.put("attachmentRefs", List.of("ehr://township/visit/9"));
        body.put("courseSummary", "fasting glucose 11 mmol/L despite metformin");
        return body;
    }

    static String tomorrow() {
        return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static CompletableFuture<Integer> race(CountDownLatch start, java.util.concurrent.Callable<Integer> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                return call.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
