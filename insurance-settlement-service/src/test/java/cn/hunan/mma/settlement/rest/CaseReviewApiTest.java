package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.care.Charges;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.insurance.OutlierKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import static cn.hunan.mma.settlement.rest.TestCallers.CHANGSHA_OFFICER;
import static cn.hunan.mma.settlement.rest.TestCallers.XIANGTAN_AUDITOR;
import static cn.hunan.mma.settlement.rest.TestCallers.XIANGTAN_OFFICER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The special-case review queue through Kafka, the database and the API, in 2022 (no other test settles there;
 * the contract refuses discharges dated in the future):
 * 19 ordinary BR25 stays at the county hospital, then one costing ¥40,000.00, above 5 × the ¥7,029.00 standard
 * (0.781 × ¥10,000 × 0.9); the DRG quota allows 5 % of 20 cases = 1 review, so it goes to the queue, paid the
 * standard meanwhile (fund ¥6,429.00 after the county's ¥600 deductible). The 湘潭 officer approves ¥30,000.00:
 * the fund pays ¥29,400.00, and the case's settlement is published again with that amount.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class CaseReviewApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final InpatientDischarged GOLDEN = GoldenFixtures.record(InpatientDischarged.class);
    private static final LocalDate DISCHARGED = LocalDate.parse("2022-05-10");

    @Test
    void a_case_above_five_times_its_standard_waits_in_the_queue_until_an_officer_of_its_fund_decides_it_once() throws Exception {
        awaitInstitutionStored(GoldenFixtures.record(InstitutionSnapshot.class));
        List<InpatientDischarged> sent = nineteenOrdinaryThenOneCostly();
        List<InpatientDischarged> ordinary = sent.subList(0, 19);
        InpatientDischarged costly = sent.get(19);
        String id = costly.eventId().value();
        CaseSettled first = awaitSettlement(settled -> settled.dischargeEventId().equals(costly.eventId()));
        assertThat(first.outlierKind()).isEqualTo(OutlierKind.EXPERT_REVIEW);
        assertThat(first.fundPayable()).isEqualTo(Money.ofYuan("6429.00"));

        given().auth().oauth2(XIANGTAN_OFFICER).queryParam("area", "430300").queryParam("size", 200)
                .when().get("/api/v1/case-reviews").then().statusCode(200)
                .body("cases.dischargeEventId", hasItem(id))
                .body("cases.find { it.dischargeEventId == '" + id + "' }.standardPayment", equalTo("7029.00"))
                .body("cases.find { it.dischargeEventId == '" + id + "' }.actualCost", equalTo("40000.00"))
                .body("cases.find { it.dischargeEventId == '" + id + "' }.fundPayable", equalTo("6429.00"))
                .body("cases.find { it.dischargeEventId == '" + id + "' }.insuredArea", equalTo("430321"));
        given().auth().oauth2(CHANGSHA_OFFICER).queryParam("area", "430300")
                .when().get("/api/v1/case-reviews").then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(CHANGSHA_OFFICER).queryParam("area", "430100").queryParam("size", 200)
                .when().get("/api/v1/case-reviews").then().statusCode(200).body("total", lessThan(200))
                .body("cases.dischargeEventId", not(hasItem(id)));
        given().auth().oauth2(XIANGTAN_OFFICER).queryParam("area", "4303")
                .when().get("/api/v1/case-reviews").then().statusCode(400).contentType(PROBLEM_JSON);

        String decision = "{\"approvedPayment\":\"30000.00\",\"reason\":\"术后并发症，专家组认定费用合理\"}";
        decide(XIANGTAN_AUDITOR, id, decision).then().statusCode(403).contentType(PROBLEM_JSON);
        decide(CHANGSHA_OFFICER, id, decision).then().statusCode(403).contentType(PROBLEM_JSON);
        // Money's own refusals name the field (before 2026-11-25 (9): "$").
        for (String payment : List.of("-1.00", "30000.005", "thirty thousand")) {
            decide(XIANGTAN_OFFICER, id, "{\"approvedPayment\":\"" + payment + "\",\"reason\":\"x\"}").then().statusCode(400)
                    .contentType(PROBLEM_JSON).body("errors[0].field", equalTo("approvedPayment"));
        }
        decide(XIANGTAN_OFFICER, id, "{\"approvedPayment\":\"30000.00\",\"reason\":\" \"}").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("detail", containsString("reason"));
        decide(XIANGTAN_OFFICER, "not-a-uuid", decision).then().statusCode(400).contentType(PROBLEM_JSON);
        decide(XIANGTAN_OFFICER, UUID.randomUUID().toString(), decision).then().statusCode(404).contentType(PROBLEM_JSON);
        decide(XIANGTAN_OFFICER, ordinary.get(0).eventId().value(), decision).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString("NONE"));

        decide(XIANGTAN_OFFICER, id, decision).then().statusCode(200)
                .body("fundPayable", equalTo("29400.00"))
                .body("decision.approvedPayment", equalTo("30000.00"))
                .body("decision.previousFundPayable", equalTo("6429.00"))
                .body("decision.decidedBy", equalTo("xt-insurance-officer"));
        decide(XIANGTAN_OFFICER, id, "{\"approvedPayment\":\"35000.00\",\"reason\":\"again\"}").then().statusCode(409)
                .contentType(PROBLEM_JSON).body("detail", containsString("final"));

        CaseSettled again = awaitSettlement(settled -> settled.dischargeEventId().equals(costly.eventId())
                && !settled.eventId().equals(first.eventId()));
        assertThat(again.fundPayable()).isEqualTo(Money.ofYuan("29400.00"));
        assertThat(again.outlierKind()).isEqualTo(OutlierKind.EXPERT_REVIEW);
        assertThat(storedFundPayableFen(costly.eventId())).isEqualTo(2_940_000L);
        given().auth().oauth2(XIANGTAN_AUDITOR).queryParam("area", "430321").queryParam("status", "decided").queryParam("size", 200)
                .when().get("/api/v1/case-reviews").then().statusCode(200).body("cases.dischargeEventId", hasItem(id));
        given().auth().oauth2(XIANGTAN_AUDITOR).queryParam("area", "430321").queryParam("size", 200)
                .when().get("/api/v1/case-reviews").then().statusCode(200).body("total", lessThan(200))
                .body("cases.dischargeEventId", not(hasItem(id)));
    }

    /**
     * Two officers decide one case at once. Both wait on the case's row lock (held here by the test, so both have read
     * before either writes); the first decides it, the second is told it was decided meanwhile (409) — it answered 500,
     * a unique violation on the decision's key. The fund pays the first decision only.
     */
    @Test
    void two_officers_deciding_one_case_at_once_get_one_decision_and_one_409() throws Exception {
        awaitInstitutionStored(GoldenFixtures.record(InstitutionSnapshot.class));
        InpatientDischarged costly = nineteenOrdinaryThenOneCostly().get(19);
        assertThat(awaitSettlement(settled -> settled.dischargeEventId().equals(costly.eventId())).outlierKind())
                .isEqualTo(OutlierKind.EXPERT_REVIEW);
        String id = costly.eventId().value();

        try (Connection db = TestDatabase.connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement hold = db.prepareStatement(
                    "SELECT 1 FROM case_settlement WHERE discharge_event_id = ?::uuid FOR UPDATE")) {
                hold.setString(1, id);
                hold.executeQuery().close();
            }
            List<Callable<Integer>> decisions = new ArrayList<>();
            for (String payment : List.of("30000.00", "35000.00")) {
                decisions.add(() -> decide(XIANGTAN_OFFICER, id,
                        "{\"approvedPayment\":\"" + payment + "\",\"reason\":\"专家组认定\"}").then().extract().statusCode());
            }
            List<Integer> statuses = AtOnce.statuses(decisions, () -> {
                await("both decisions wait on the case's row").atMost(Duration.ofSeconds(30)).until(() -> waitingOnALock(db) >= 2);
                db.commit();
            });
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        }
        long paid = storedFundPayableFen(costly.eventId());
        assertThat(paid).as("one decision's payment less the ¥600 deductible").isIn(2_940_000L, 3_440_000L);
    }

    /**
     * Sends a poll of twenty discharges: nineteen at ¥12,860.35 and one at ¥40,000.00, more than five times its standard
     * of ¥7,029.00, which the review cap of 5 % lets into the queue.
     */
    private static List<InpatientDischarged> nineteenOrdinaryThenOneCostly() throws Exception {
        List<InpatientDischarged> sent = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            sent.add(discharge("12860.35"));
        }
        sent.add(discharge("40000.00"));
        TestTopics.publish(Topics.INPATIENT, sent);
        return sent;
    }

    /** Backends of the settlement database waiting on a lock other than this connection's. */
    private static int waitingOnALock(Connection db) throws Exception {
        try (PreparedStatement waiting = db.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND query LIKE '%case_review_decision%'");
             ResultSet found = waiting.executeQuery()) {
            found.next();
            return found.getInt(1);
        }
    }

    /**
     * The pending queue pages by cursor: 浏阳 (430181) has three cases awaiting review; the first page of two names the
     * next; the officer decides the first case; the next page still holds the third (numbered pages would now skip it:
     * page 1 of size 2 of the two left is empty).
     */
    @Test
    void the_queue_pages_by_cursor_so_deciding_cases_skips_none() throws Exception {
        Instant settled = Instant.parse("2023-02-01T02:00:00.123456Z");
        List<UUID> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(storeAwaitingReview("430181", settled.plusSeconds(i)));
        }
        var first = given().auth().oauth2(CHANGSHA_OFFICER).queryParam("area", "430181").queryParam("size", 2)
                .when().get("/api/v1/case-reviews").then().statusCode(200)
                .body("total", equalTo(3)).body("cases.dischargeEventId", contains(waiting.get(0).toString(), waiting.get(1).toString()))
                .extract().jsonPath();
        String next = first.getString("next");
        assertThat(next).isEqualTo("2023-02-01T02:00:01.123456Z_" + waiting.get(1));

        decide(CHANGSHA_OFFICER, waiting.get(0).toString(), "{\"approvedPayment\":\"9000.00\",\"reason\":\"合理\"}")
                .then().statusCode(200);

        given().auth().oauth2(CHANGSHA_OFFICER).queryParam("area", "430181").queryParam("size", 2).queryParam("after", next)
                .when().get("/api/v1/case-reviews").then().statusCode(200)
                .body("total", equalTo(2)).body("cases.dischargeEventId", contains(waiting.get(2).toString()))
                .body("next", nullValue());
        given().auth().oauth2(CHANGSHA_OFFICER).queryParam("area", "430181").queryParam("page", 1)
                .when().get("/api/v1/case-reviews").then().statusCode(400).contentType(PROBLEM_JSON).body("detail", containsString("after"));
        given().auth().oauth2(CHANGSHA_OFFICER).queryParam("area", "430181").queryParam("after", "yesterday")
                .when().get("/api/v1/case-reviews").then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(CHANGSHA_OFFICER).queryParam("area", "430181").queryParam("after", "+1000000000-01-01T00:00:00Z_" + waiting.get(0))
                .when().get("/api/v1/case-reviews").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    /** A DRG case sent to expert review as the settlement flow stores it, paid its standard of ¥7,029.00 meanwhile. */
    private static UUID storeAwaitingReview(String insuredArea, Instant settledAt) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection db = TestDatabase.connect(); var insert = db.prepareStatement("INSERT INTO case_settlement (discharge_event_id, "
                + "institution_id, settlement_year, method, group_code, standard_fen, actual_fen, deductible_fen, fund_payable_fen, "
                + "outlier, rule_version, superseded, settled_at, insured_area, residence_division, discharge_date) "
                + "VALUES (?, ?, 2023, 'DRG', 'BR25', 702900, 4000000, 60000, 642900, 'EXPERT_REVIEW', '430000/2000-01-01', FALSE, "
                + "?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, insuredArea + "H0001");
            insert.setObject(3, settledAt.atOffset(ZoneOffset.UTC));
            insert.setString(4, insuredArea);
            insert.setString(5, insuredArea);
            insert.setObject(6, LocalDate.parse("2023-01-20"));
            insert.executeUpdate();
        }
        return id;
    }

    private static io.restassured.response.Response decide(String token, String dischargeEventId, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/v1/case-reviews/" + dischargeEventId + "/decision");
    }

    private static InpatientDischarged discharge(String total) {
        return new InpatientDischarged(EventId.random(), Instant.parse("2022-05-10T02:00:00Z"), GOLDEN.institutionId(),
                GOLDEN.departmentId(), GOLDEN.patient(), GOLDEN.residenceDivision(), GOLDEN.insuredAreaDivision(),
                GOLDEN.principalDiagnosis(), GOLDEN.procedures(), GOLDEN.drgGroup(),
                new Charges(Money.ofYuan(total), Money.ZERO, Money.ZERO), GOLDEN.dischargeMode(), DISCHARGED.minusDays(8),
                DISCHARGED, 8, null, null);
    }

    private static void awaitInstitutionStored(InstitutionSnapshot institution) throws Exception {
        TestTopics.publish(Topics.INSTITUTIONS, List.of(institution));
        TestDatabase.awaitCount("SELECT count(*) FROM institution WHERE id = '" + institution.institutionId().value() + "'", 1);
    }

    private static long storedFundPayableFen(EventId discharge) throws Exception {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT fund_payable_fen FROM case_settlement WHERE discharge_event_id = ?::uuid")) {
            statement.setString(1, discharge.value());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static CaseSettled awaitSettlement(Predicate<CaseSettled> wanted) {
        List<CaseSettled> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "case-review-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CASE_SETTLEMENTS.name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    CaseSettled settled = ContractCodec.standard().decode(record.value(), CaseSettled.class).orElseThrow();
                    if (wanted.test(settled)) {
                        found.add(settled);
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

}
