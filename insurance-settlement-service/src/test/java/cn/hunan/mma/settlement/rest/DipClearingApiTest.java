package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.events.insurance.DipYearCleared;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static cn.hunan.mma.settlement.rest.TestCallers.XIANGTAN_OFFICER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;

/**
 * The DIP year-end clearing over the rows case settlement writes (here written directly: the flow test in
 * {@code CaseSettlementFlowTest} drives real discharges through Kafka): undecided expert reviews hold it back, decided
 * ones keep their amounts, and two clearings at once give one clearing and one 409. 韶山 (430382) priced nothing by
 * DIP through Kafka; years 2023 and 2024.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class DipClearingApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String SHAOSHAN = "430382";

    /**
     * 2024 under 韶山's rules (provisional ¥10 a point, coefficient 1, no deductible): a 100-point case paid ¥1,000.00
     * at 430382H0001, and a 200-point case sent to expert review at 430382T0101, paid ¥2,000.00 meanwhile. Undecided:
     * 409. Decided at ¥5,000.00: budget ¥4,500.00 over 300 points → ¥15.000000 a point; the first case is worth
     * 100 × 15 = ¥1,500.00 (+¥500.00), the decided one keeps ¥5,000.00 (±0). Area: ¥6,000.00 → ¥6,500.00, +¥500.00.
     * Both stays are of 韶山 residents in March: a 2024-H1 close of an alliance covering 韶山 then gathers the cleared
     * ¥6,500.00 as its actual spend, not the provisional ¥6,000.00.
     */
    @Test
    void undecided_reviews_hold_the_clearing_back_and_decided_ones_keep_their_amounts() throws Exception {
        storeDipCase("430382H0001", 2024, "NONE", "100", "1000.00");
        UUID reviewed = storeDipCase("430382T0101", 2024, "EXPERT_REVIEW", "200", "2000.00");

        // The budget typed as a JSON number reads as its text (@TextOrNumber): text fields refuse numbers since 2026-11-25 (9).
        given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json").body("{\"budget\":4500.00}")
                .when().post("/api/v1/dip-clearings/" + SHAOSHAN + "/2024").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Reviews pending")).body("detail", containsString("1 of the 2 cases"));

        decide(reviewed, "5000.00", "2000.00");
        clear(2024, "4500.00").then().statusCode(200)
                .body("cases", equalTo(2))
                .body("provisionalFundPayable", equalTo("6000.00"))
                .body("clearedFundPayable", equalTo("6500.00"))
                .body("adjustment", equalTo("500.00"))
                .body("institutions[0].institutionId", equalTo("430382H0001"))
                .body("institutions[0].clearedFundPayable", equalTo("1500.00"))
                .body("institutions[0].adjustment", equalTo("500.00"))
                .body("institutions[1].institutionId", equalTo("430382T0101"))
                .body("institutions[1].clearedFundPayable", equalTo("5000.00"))
                .body("institutions[1].adjustment", equalTo("0.00"));
        // Posted: the fund pays 430382H0001 its ¥500.00; 430382T0101's amount did not change, nothing to post.
        ledger(2024).statusCode(200).body("size()", equalTo(2))
                .body("[0].account", equalTo("FUND")).body("[0].side", equalTo("DEBIT")).body("[0].amount", equalTo("500.00"))
                .body("[1].account", equalTo("INSTITUTION:430382H0001")).body("[1].side", equalTo("CREDIT"))
                .body("[1].amount", equalTo("500.00")).body("[1].transactionId", equalTo("DIP:430382/2024"));
        // Published: one DipYearCleared per institution, keyed by it.
        List<TestTopics.Published<DipYearCleared>> records = TestTopics.awaitPublished(Topics.DIP_CLEARINGS,
                cleared -> cleared.area().value().equals(SHAOSHAN) && cleared.year() == 2024, 2);
        assertThat(records).hasSize(2);
        Map<String, DipYearCleared> published = new HashMap<>();
        for (TestTopics.Published<DipYearCleared> record : records) {
            assertThat(record.key()).isEqualTo(record.value().institutionId().value());
            published.put(record.key(), record.value());
        }
        assertThat(published).hasSize(2);
        DipYearCleared raised = published.get("430382H0001");
        assertThat(raised.pointValue()).isEqualByComparingTo("15");
        assertThat(raised.totalPoints()).isEqualByComparingTo("300");
        assertThat(raised.points()).isEqualByComparingTo("100");
        assertThat(raised.cases()).isEqualTo(1);
        assertThat(raised.budget()).isEqualTo(Money.ofYuan("4500.00"));
        assertThat(raised.provisionalFundPayable()).isEqualTo(Money.ofYuan("1000.00"));
        assertThat(raised.clearedFundPayable()).isEqualTo(Money.ofYuan("1500.00"));
        assertThat(raised.adjustment()).isEqualTo(SignedMoney.ofYuan("500.00"));
        assertThat(published.get("430382T0101").adjustment()).isEqualTo(SignedMoney.ZERO);

        String alliance = ReferralRateCloseApiTest.alliance(List.of(SHAOSHAN));
        ObjectNode close = (ObjectNode) new ObjectMapper().readTree(PeriodCloseApiTest.closeBody("1.00"));
        close.remove("actualSpend");
        close.put("divisionCode", SHAOSHAN);
        given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json").body(close.toString())
                .when().post("/api/v1/settlements/" + alliance + "/2024-H1/close").then().statusCode(200)
                .body("result.snapshot.actualSpend", equalTo("6500.00"));
    }

    @Test
    void two_clearings_at_once_make_one_and_the_other_is_told_so() throws Exception {
        storeDipCase("430382H0001", 2023, "NONE", "100", "1000.00");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return clear(2023, "1200.00").statusCode();
            }));
        }
        start.countDown();

        assertThat(answers.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);
        given().auth().oauth2(XIANGTAN_OFFICER).when().get("/api/v1/dip-clearings/" + SHAOSHAN + "/2023").then().statusCode(200)
                .body("clearedFundPayable", equalTo("1200.00"));
        // The loser wrote nothing: one pair of entries (¥1,000.00 → ¥1,200.00) and one event.
        ledger(2023).statusCode(200).body("size()", equalTo(2)).body("amount", everyItem(equalTo("200.00")));
        assertThat(TestTopics.awaitPublished(Topics.DIP_CLEARINGS, cleared -> cleared.area().value().equals(SHAOSHAN)
                && cleared.year() == 2023, 1)).hasSize(1);
    }

    /** Money's own refusals of the budget's text name the field (before 2026-11-25 (9): "$"). */
    @Test
    void a_budget_that_is_no_amount_of_money_is_refused_naming_the_field() {
        for (String budget : List.of("-1.00", "25800000.005", "a lot")) {
            clear(2021, budget).then().statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("budget"));
        }
    }

    @Test
    void the_ledger_of_a_year_not_cleared_is_not_found() {
        ledger(2021).statusCode(404).contentType(PROBLEM_JSON);
    }

    private io.restassured.response.ValidatableResponse ledger(int year) {
        return given().auth().oauth2(XIANGTAN_OFFICER).when().get("/api/v1/dip-clearings/" + SHAOSHAN + "/" + year + "/ledger")
                .then();
    }

    private io.restassured.response.Response clear(int year, String budget) {
        return given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json").body("{\"budget\":\"" + budget + "\"}")
                .when().post("/api/v1/dip-clearings/" + SHAOSHAN + "/" + year);
    }

    /** A settled DIP case as the settlement flow writes it, under 韶山's rules of the year, coefficient 1, no deductible. */
    private static UUID storeDipCase(String institution, int year, String outlier, String points, String fundPayable)
            throws Exception {
        UUID id = UUID.randomUUID();
        long fen = new BigDecimal(fundPayable).movePointRight(2).longValueExact();
        try (Connection db = TestDatabase.connect();
             PreparedStatement insert = db.prepareStatement("INSERT INTO case_settlement (discharge_event_id, institution_id, "
                     + "settlement_year, method, group_code, standard_fen, actual_fen, deductible_fen, fund_payable_fen, outlier, "
                     + "rule_version, superseded, settled_at, insured_area, dip_points, coefficient, residence_division, discharge_date) "
                     + "VALUES (?, ?, ?, 'DIP', 'I63.9', ?, ?, 0, ?, ?, ?, FALSE, ?, ?, ?, 1.0, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, institution);
            insert.setInt(3, year);
            insert.setLong(4, fen);
            insert.setLong(5, fen);
            insert.setLong(6, fen);
            insert.setString(7, outlier);
            insert.setString(8, SHAOSHAN + "/" + year + "-01-01");
            insert.setTimestamp(9, Timestamp.from(Instant.now()));
            insert.setString(10, SHAOSHAN);
            insert.setBigDecimal(11, new BigDecimal(points));
            insert.setString(12, SHAOSHAN + "100");
            insert.setObject(13, LocalDate.of(year, 3, 1));
            insert.executeUpdate();
        }
        return id;
    }

    /** What {@code CaseReviews.decide} writes: the decision, and the case's new fund payable. */
    private static void decide(UUID discharge, String approved, String previous) throws Exception {
        long approvedFen = new BigDecimal(approved).movePointRight(2).longValueExact();
        try (Connection db = TestDatabase.connect();
             PreparedStatement decision = db.prepareStatement("INSERT INTO case_review_decision (discharge_event_id, approved_fen, "
                     + "fund_payable_fen, previous_fund_payable_fen, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, 'test', 'test', ?)");
             PreparedStatement pay = db.prepareStatement("UPDATE case_settlement SET fund_payable_fen = ? WHERE discharge_event_id = ?")) {
            decision.setObject(1, discharge);
            decision.setLong(2, approvedFen);
            decision.setLong(3, approvedFen);
            decision.setLong(4, new BigDecimal(previous).movePointRight(2).longValueExact());
            decision.setTimestamp(5, Timestamp.from(Instant.now()));
            decision.executeUpdate();
            pay.setLong(1, approvedFen);
            pay.setObject(2, discharge);
            pay.executeUpdate();
        }
    }
}
