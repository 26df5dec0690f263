package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.envelope.CloudEventHeaders;
import cn.hunan.mma.events.insurance.PeriodSettlementClosed;
import cn.hunan.mma.events.insurance.PeriodSettlementEvent;
import cn.hunan.mma.events.insurance.PeriodSettlementReopened;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.scoring.FactorScoreComputed;
import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import cn.hunan.mma.settlement.close.SettlementJson;
import cn.hunan.mma.settlement.rules.close.XiangtanClose;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Closing a period over HTTP against the real PostgreSQL and Kafka: stored, posted, published, exported. */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class PeriodCloseApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String XIANGTAN = "430300";
    /** A township member of 湘潭县医共体 in the request's make-up (XiangtanClose). */
    private static final String MEMBER = "430321T0100";

    private final String officer = TokenMinter.forTests().mint(
            TokenClaims.forSubject("xt-insurance-officer", "insurance-officer").inCity(XIANGTAN));
    private final String auditor = TokenMinter.forTests().mint(TokenClaims.forSubject("xt-auditor", "auditor").inCity(XIANGTAN));
    private final String otherAllianceOperator = TokenMinter.forTests().mint(
            TokenClaims.forSubject("zjj-operator", "alliance-operator").inAlliance("ZJJ-YGT-01"));

    /** Closes are of alliances the matrix states: 湘潭县医共体 (XTX-YGT-01, covering 430321) as the golden fixture has it. */
    @BeforeEach
    void the_matrix_states_the_alliance() throws Exception {
        BudgetApiTest.publishAlliance(GoldenFixtures.record(AllianceSnapshot.class));
        TestDatabase.awaitCount("SELECT count(*) FROM alliance WHERE id = 'XTX-YGT-01'", 1);
    }

    @Test
    void a_close_is_stored_posted_to_a_balanced_ledger_published_and_exportable_and_a_second_close_is_409() throws Exception {
        String body = closeBody("470000000.00");

        JsonPath closed = given().auth().oauth2(officer).contentType("application/json").body(body)
                .when().post("/api/v1/settlements/XTX-YGT-01/2025/close")
                .then().statusCode(200).extract().jsonPath();
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(closed.getString("result.retained")).isEqualTo("18750000.00");
        String snapshotId = closed.getString("snapshotId");

        given().auth().oauth2(officer).contentType("application/json").body(body)
                .when().post("/api/v1/settlements/XTX-YGT-01/2025/close")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("title", equalTo("Already closed"));

        List<Map<String, String>> ledger = given().auth().oauth2(auditor)
                .when().get("/api/v1/settlements/XTX-YGT-01/2025/ledger")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(ledger).isNotEmpty();
        assertThat(ledger.stream().mapToLong(PeriodCloseApiTest::signedFen).sum()).isZero();

        byte[] xlsx = given().auth().oauth2(auditor).when().get("/api/v1/settlements/XTX-YGT-01/2025/export.xlsx")
                .then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getFirstSheet().read().get(0).getCell(10).getText()).isEqualTo("分配金额(元)");
        }

        PeriodSettlementClosed published = awaitClose(snapshotId);
        assertThat(published.retainedSurplus().toYuanString()).isEqualTo("18750000.00");
        assertThat(published.revision()).isEqualTo(1);

        // The exports show the result as stored, not a re-run of the snapshot: one fen moved between two members' stored
        // amounts (as a later change to the close's arithmetic would make a re-run differ) is what they show.
        List<BigDecimal> stored = moveOneFenBetweenTheFirstTwoMembers("XTX-YGT-01", "2025");
        byte[] moved = given().auth().oauth2(auditor).when().get("/api/v1/settlements/XTX-YGT-01/2025/export.xlsx")
                .then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(moved))) {
            List<org.dhatim.fastexcel.reader.Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(1).getCell(10).asNumber()).isEqualByComparingTo(stored.get(0));
            assertThat(rows.get(2).getCell(10).asNumber()).isEqualByComparingTo(stored.get(1));
        }
        String csv = given().auth().oauth2(auditor).when().get("/api/v1/settlements/XTX-YGT-01/2025/export.csv")
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains("," + stored.get(0).toPlainString() + ",", "," + stored.get(1).toPlainString() + ",");
    }

    /** Moves one fen from the second member's stored amount to the first's; answers both amounts as now stored. */
    private static List<BigDecimal> moveOneFenBetweenTheFirstTwoMembers(String alliance, String period) throws Exception {
        try (Connection db = TestDatabase.connect();
             PreparedStatement read = db.prepareStatement(
                     "SELECT result_json FROM period_close WHERE alliance_id = ? AND period = ? AND status = 'CLOSED'");
             PreparedStatement write = db.prepareStatement(
                     "UPDATE period_close SET result_json = ? WHERE alliance_id = ? AND period = ? AND status = 'CLOSED'")) {
            read.setString(1, alliance);
            read.setString(2, period);
            ObjectNode result;
            try (ResultSet found = read.executeQuery()) {
                assertThat(found.next()).isTrue();
                result = (ObjectNode) new ObjectMapper().readTree(found.getString(1));
            }
            var allocations = result.path("members").withArray("allocations");
            BigDecimal first = new BigDecimal(allocations.get(0).get("amount").asText()).add(new BigDecimal("0.01"));
            BigDecimal second = new BigDecimal(allocations.get(1).get("amount").asText()).subtract(new BigDecimal("0.01"));
            ((ObjectNode) allocations.get(0)).put("amount", first.toPlainString());
            ((ObjectNode) allocations.get(1)).put("amount", second.toPlainString());
            write.setString(1, result.toString());
            write.setString(2, alliance);
            write.setString(3, period);
            assertThat(write.executeUpdate()).isEqualTo(1);
            return List.of(first, second);
        }
    }

    @Test
    void a_reopen_is_audited_and_lets_the_period_be_closed_again() throws Exception {
        // 2022-H1: the other tests close XTX-YGT-01's years 2025 and 2026, which a standing half of theirs would overlap.
        String firstSnapshot = given().auth().oauth2(officer).contentType("application/json").body(closeBody("470000000.00"))
                .when().post("/api/v1/settlements/XTX-YGT-01/2022-H1/close").then().statusCode(200)
                .extract().jsonPath().getString("snapshotId");

        given().auth().oauth2(officer).contentType("application/json").body("{\"reason\":\"\"}")
                .when().post("/api/v1/settlements/XTX-YGT-01/2022-H1/reopen")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(officer).contentType("application/json").body("{\"reason\":\"" + "长".repeat(501) + "\"}")
                .when().post("/api/v1/settlements/XTX-YGT-01/2022-H1/reopen")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        // A reopen is the fund's, by area: an officer's token scoped by the alliance reads the close, does not reverse it.
        String allianceScopedOfficer = TokenMinter.forTests().mint(
                TokenClaims.forSubject("ygt-officer", "insurance-officer").inAlliance("XTX-YGT-01"));
        given().auth().oauth2(allianceScopedOfficer).contentType("application/json").body("{\"reason\":\"by the alliance\"}")
                .when().post("/api/v1/settlements/XTX-YGT-01/2022-H1/reopen")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(allianceScopedOfficer).when().get("/api/v1/settlements/XTX-YGT-01/2022-H1").then().statusCode(200);
        given().auth().oauth2(officer).contentType("application/json").body("{\"reason\":\"late corrections from 430321T0102\"}")
                .when().post("/api/v1/settlements/XTX-YGT-01/2022-H1/reopen")
                .then().statusCode(200).body("status", equalTo("REOPENED"));
        // The integration team learns that the close it holds no longer stands.
        List<TestTopics.Published<PeriodSettlementEvent>> reopened = TestTopics.awaitPublished(Topics.PERIOD_SETTLEMENTS,
                event -> event instanceof PeriodSettlementReopened reopening && reopening.snapshotId().equals(firstSnapshot), 1);
        assertThat(reopened).hasSize(1);
        PeriodSettlementReopened withdrawn = (PeriodSettlementReopened) reopened.get(0).value();
        assertThat(reopened.get(0).key()).isEqualTo("XTX-YGT-01");
        assertThat(withdrawn.period().toString()).isEqualTo("2022-H1");
        assertThat(withdrawn.revision()).isEqualTo(1);
        assertThat(withdrawn.reason()).isEqualTo("late corrections from 430321T0102");

        String secondSnapshot = given().auth().oauth2(officer).contentType("application/json").body(closeBody("471000000.00"))
                .when().post("/api/v1/settlements/XTX-YGT-01/2022-H1/close")
                .then().statusCode(200).body("revision", equalTo(2)).body("result.retained", equalTo("17750000.00"))
                .extract().jsonPath().getString("snapshotId");
        // The integration team tells the second close from the first, which the reopening withdrew.
        assertThat(awaitClose(secondSnapshot).revision()).isEqualTo(2);
        List<Map<String, String>> ledger = given().auth().oauth2(auditor)
                .when().get("/api/v1/settlements/XTX-YGT-01/2022-H1/ledger")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(ledger.stream().mapToLong(PeriodCloseApiTest::signedFen).sum()).isZero();
        assertThat(ledger).anySatisfy(line -> assertThat(line.get("transactionId")).endsWith("/reversal"));

        // The audit trail, in order: who closed, who reopened and why, who closed again (close_audit had no reader
        // before 2026-11-25 (4)).
        List<Map<String, Object>> audit = given().auth().oauth2(auditor)
                .when().get("/api/v1/settlements/XTX-YGT-01/2022-H1/audit")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(audit).extracting(step -> step.get("action") + " r" + step.get("revision") + " " + step.get("actor"))
                .containsExactly("CLOSE r1 xt-insurance-officer", "REOPEN r1 xt-insurance-officer", "CLOSE r2 xt-insurance-officer");
        assertThat(audit.get(1).get("reason")).isEqualTo("late corrections from 430321T0102");
        assertThat(audit.get(0).get("reason")).isNull();
        given().auth().oauth2(otherAllianceOperator).when().get("/api/v1/settlements/XTX-YGT-01/2022-H1/audit")
                .then().statusCode(403).contentType(PROBLEM_JSON);
    }

    /**
     * After a reopen and a second close, the first revision's frozen inputs and result stay readable at
     * {@code …/revisions/1} (before 2026-11-25 (9) only the standing close was: the first was gone), and each audit step
     * names the snapshot its revision froze. The trail reads close, reopen, close again even when the instances' clocks
     * stamped a reopen before its close and the second close before the reopen (it was ordered by time first).
     */
    @Test
    void a_reopened_revision_stays_readable_and_the_audit_names_each_revision_s_snapshot_in_lifecycle_order() throws Exception {
        String first = given().auth().oauth2(officer).contentType("application/json").body(closeBody("470000000.00"))
                .when().post("/api/v1/settlements/XTX-YGT-01/2020-H1/close").then().statusCode(200)
                .extract().jsonPath().getString("snapshotId");
        given().auth().oauth2(officer).contentType("application/json").body("{\"reason\":\"a late base\"}")
                .when().post("/api/v1/settlements/XTX-YGT-01/2020-H1/reopen").then().statusCode(200);
        String second = given().auth().oauth2(officer).contentType("application/json").body(closeBody("471000000.00"))
                .when().post("/api/v1/settlements/XTX-YGT-01/2020-H1/close").then().statusCode(200)
                .extract().jsonPath().getString("snapshotId");
        assertThat(second).isNotEqualTo(first);

        String revisions = "/api/v1/settlements/XTX-YGT-01/2020-H1/revisions/";
        given().auth().oauth2(auditor).when().get(revisions + 1).then().statusCode(200)
                .body("revision", equalTo(1)).body("status", equalTo("REOPENED")).body("snapshotId", equalTo(first))
                .body("result.retained", equalTo("18750000.00")).body("result.snapshot.actualSpend", equalTo("470000000.00"));
        given().auth().oauth2(auditor).when().get(revisions + 2).then().statusCode(200)
                .body("revision", equalTo(2)).body("status", equalTo("CLOSED")).body("snapshotId", equalTo(second))
                .body("result.retained", equalTo("17750000.00"));
        given().auth().oauth2(auditor).when().get("/api/v1/settlements/XTX-YGT-01/2020-H1").then().statusCode(200)
                .body("revision", equalTo(2));
        given().auth().oauth2(auditor).when().get(revisions + 3).then().statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(auditor).when().get(revisions + "first").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", containsString("revision"));
        given().auth().oauth2(otherAllianceOperator).when().get(revisions + 1).then().statusCode(403).contentType(PROBLEM_JSON);

        try (Connection db = TestDatabase.connect(); PreparedStatement skew = db.prepareStatement("UPDATE close_audit SET at = "
                + "at - CASE WHEN revision = 2 THEN interval '2 hours' ELSE interval '1 hour' END "
                + "WHERE alliance_id = 'XTX-YGT-01' AND period = '2020-H1' AND NOT (revision = 1 AND action = 'CLOSE')")) {
            assertThat(skew.executeUpdate()).isEqualTo(2);
        }
        List<Map<String, Object>> audit = given().auth().oauth2(auditor)
                .when().get("/api/v1/settlements/XTX-YGT-01/2020-H1/audit")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(audit).extracting(step -> step.get("action") + " r" + step.get("revision") + " " + step.get("snapshotId"))
                .containsExactly("CLOSE r1 " + first, "REOPEN r1 " + first, "CLOSE r2 " + second);
    }

    /**
     * Two reopens at once (a double click, a client's retry): one withdraws the close, the other finds none standing
     * (404). Before, both reversed its postings and every account of the period was short by the close's amounts. The
     * reversal mirrors the postings as stored: one fen moved between two members' credits in the table (as a later
     * change to the close's arithmetic would make a re-run differ from what was posted) is reversed as it stands, so
     * every account nets to zero. A reason with a NUL is refused with 400 (PostgreSQL stores no NUL in text: it was a 500).
     */
    @Test
    void concurrent_reopens_withdraw_a_close_once_and_reverse_its_postings_as_stored() throws Exception {
        given().auth().oauth2(officer).contentType("application/json").body(closeBody("470000000.00"))
                .when().post("/api/v1/settlements/XTX-YGT-01/2021-H1/close").then().statusCode(200);
        try (Connection db = TestDatabase.connect(); PreparedStatement credits = db.prepareStatement("SELECT id, transaction_id "
                + "FROM ledger_entry WHERE alliance_id = 'XTX-YGT-01' AND period = '2021-H1' AND side = 'CREDIT' "
                + "AND amount_fen > 0 AND account LIKE 'MEMBER:%' ORDER BY transaction_id, account")) {
            List<String[]> rows = new ArrayList<>();
            try (ResultSet found = credits.executeQuery()) {
                while (found.next()) {
                    rows.add(new String[] {found.getString(1), found.getString(2)});
                }
            }
            assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
            assertThat(rows.get(0)[1]).as("two members' credits of one transaction").isEqualTo(rows.get(1)[1]);
            try (PreparedStatement move = db.prepareStatement(
                    "UPDATE ledger_entry SET amount_fen = amount_fen + ? WHERE id = ?::uuid")) {
                move.setLong(1, 1);
                move.setString(2, rows.get(0)[0]);
                move.addBatch();
                move.setLong(1, -1);
                move.setString(2, rows.get(1)[0]);
                move.addBatch();
                move.executeBatch();
            }
        }
        given().auth().oauth2(officer).contentType("application/json").body("{\"reason\":\"a\\u0000b\"}")
                .when().post("/api/v1/settlements/XTX-YGT-01/2021-H1/reopen").then().statusCode(400).contentType(PROBLEM_JSON);

        Callable<Integer> reopen = () -> given().auth().oauth2(officer).contentType("application/json")
                .body("{\"reason\":\"twice at once\"}").when().post("/api/v1/settlements/XTX-YGT-01/2021-H1/reopen")
                .then().extract().statusCode();
        assertThat(AtOnce.statuses(List.of(reopen, reopen), () -> { })).containsExactlyInAnyOrder(200, 404);

        try (Connection db = TestDatabase.connect(); PreparedStatement nets = db.prepareStatement("SELECT account, "
                + "sum(CASE side WHEN 'DEBIT' THEN amount_fen ELSE -amount_fen END), count(*) FROM ledger_entry "
                + "WHERE alliance_id = 'XTX-YGT-01' AND period = '2021-H1' GROUP BY account");
             PreparedStatement audits = db.prepareStatement("SELECT count(*) FROM close_audit "
                     + "WHERE alliance_id = 'XTX-YGT-01' AND period = '2021-H1' AND action = 'REOPEN'")) {
            Map<String, Long> net = new TreeMap<>();
            try (ResultSet found = nets.executeQuery()) {
                while (found.next()) {
                    net.put(found.getString(1), found.getLong(2));
                    assertThat(found.getLong(3) % 2).as("each posting reversed once: " + found.getString(1)).isZero();
                }
            }
            assertThat(net).isNotEmpty().allSatisfy((account, fen) -> assertThat(fen).as(account).isZero());
            try (ResultSet found = audits.executeQuery()) {
                found.next();
                assertThat(found.getLong(1)).isEqualTo(1);
            }
        }
        // While reopened, the postings and their reversals stay readable (404 before 2026-11-25 (3)).
        List<Map<String, String>> ledger = given().auth().oauth2(auditor)
                .when().get("/api/v1/settlements/XTX-YGT-01/2021-H1/ledger")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(ledger).anySatisfy(line -> assertThat(line.get("transactionId")).endsWith("/r1/reversal"));
        assertThat(ledger.stream().mapToLong(PeriodCloseApiTest::signedFen).sum()).isZero();
    }

    /**
     * A province officer closes 湘潭县医共体 naming the province (430000): the close is still 湘潭市's to read and reopen,
     * the alliance covering 430321 (DOMAIN.md §8). Before 2026-11-25 (9) its reads, its lines on a member's statement and
     * its reopen followed the division typed, and were 403 to 湘潭市's auditor and officer.
     */
    @Test
    void a_close_the_province_made_is_read_and_reopened_by_the_alliance_s_city_and_not_by_another_city() throws Exception {
        TestTopics.publish(Topics.INSTITUTIONS, List.of(new InstitutionSnapshot(EventId.random(),
                Instant.parse("2016-01-01T00:00:00Z"), InstitutionId.of(MEMBER), "湘潭县乡镇卫生院", Level.TOWNSHIP,
                InstitutionKind.GENERAL, DivisionCode.of("430321"), null, null, List.of(), true)));
        TestDatabase.awaitCount("SELECT count(*) FROM institution WHERE division_code IS NOT NULL AND id = '" + MEMBER + "'", 1);
        String byProvince = closeBody("470000000.00").replace("\"divisionCode\":\"430321\"", "\"divisionCode\":\"430000\"");
        given().auth().oauth2(TestCallers.HUNAN_OFFICER).contentType("application/json").body(byProvince)
                .when().post("/api/v1/settlements/XTX-YGT-01/2019/close").then().statusCode(200);

        String changshaAuditor = TokenMinter.forTests().mint(TokenClaims.forSubject("cs-auditor", "auditor").inCity("430100"));
        for (String read : List.of("", "/ledger", "/audit", "/export.xlsx", "/export.csv")) {
            String path = "/api/v1/settlements/XTX-YGT-01/2019" + read;
            given().auth().oauth2(auditor).when().get(path).then().statusCode(200);
            given().auth().oauth2(changshaAuditor).when().get(path).then().statusCode(403).contentType(PROBLEM_JSON);
        }
        given().auth().oauth2(auditor).when().get("/api/v1/institutions/" + MEMBER + "/ledger?year=2019").then().statusCode(200)
                .body("lines.findAll { it.allianceId == 'XTX-YGT-01' }.period", hasItem("2019"));

        given().auth().oauth2(TestCallers.CHANGSHA_OFFICER).contentType("application/json").body("{\"reason\":\"not ours\"}")
                .when().post("/api/v1/settlements/XTX-YGT-01/2019/reopen").then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(officer).contentType("application/json").body("{\"reason\":\"the city corrects it\"}")
                .when().post("/api/v1/settlements/XTX-YGT-01/2019/reopen").then().statusCode(200).body("status", equalTo("REOPENED"));
    }

    @Test
    void bad_input_is_a_problem_json_4xx_and_other_scopes_are_refused() throws Exception {
        ObjectNode nullPartner = (ObjectNode) new ObjectMapper().readTree(closeBody("470000000.00"));
        nullPartner.putArray("tertiaryPartners").addNull();
        given().auth().oauth2(officer).contentType("application/json").body(nullPartner.toString())
                .when().post("/api/v1/settlements/XTX-YGT-01/2024/close")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("detail", containsString("tertiaryPartners"));
        given().auth().oauth2(officer).contentType("application/json").body(closeBody("470000000.00").replace("\"470000000.00\"", "\"-1.00\""))
                .when().post("/api/v1/settlements/XTX-YGT-01/2024/close")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(officer).contentType("application/json").body(closeBody("470000000.00"))
                .when().post("/api/v1/settlements/XTX-YGT-01/2024-03/close")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(auditor).contentType("application/json").body(closeBody("470000000.00"))
                .when().post("/api/v1/settlements/XTX-YGT-01/2024/close")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(officer).when().get("/api/v1/settlements/XTX-YGT-01/2023")
                .then().statusCode(404).contentType(PROBLEM_JSON);

        given().auth().oauth2(officer).contentType("application/json").body(closeBody("470000000.00"))
                .when().post("/api/v1/settlements/XTX-YGT-01/2024-H2/close").then().statusCode(200);
        given().auth().oauth2(otherAllianceOperator).when().get("/api/v1/settlements/XTX-YGT-01/2024-H2")
                .then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void a_close_freezes_the_stored_alliance_score_and_the_area_rules_in_force() throws Exception {
        FactorScoreComputed golden = GoldenFixtures.record(FactorScoreComputed.class);
        FactorScoreComputed score = new FactorScoreComputed(EventId.random(), Instant.now(), ScoredEntityKind.ALLIANCE,
                "XTX-YGT-01", Period.ofYear(2026), golden.ruleVersion(), new BigDecimal("85.00"), golden.factorScores());
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.FACTOR_SCORES.name(), Topics.FACTOR_SCORES.keyText(Topics.FACTOR_SCORES.keyOf(score)),
                    ContractCodec.standard().encode(score))).get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> storedComposite("XTX-YGT-01", "2026") != null);

        // The request says 92, the scorer 85: the 80–90 tier retains 80% of S = ¥18.75m → ¥15m.
        ObjectNode body = (ObjectNode) new ObjectMapper().readTree(closeBody("470000000.00"));
        body.remove("rules");
        body.remove("ruleVersion");
        JsonPath closed = given().auth().oauth2(officer).contentType("application/json").body(body.toString())
                .when().post("/api/v1/settlements/XTX-YGT-01/2026/close")
                .then().statusCode(200).extract().jsonPath();

        assertThat(closed.getString("result.retained")).isEqualTo("15000000.00");
        assertThat(closed.getString("ruleVersion")).isEqualTo("430000/2000-01-01");
        assertThat(closed.getString("scoreSource")).isEqualTo("stored+request");
    }

    private static BigDecimal storedComposite(String entityId, String period) throws Exception {
        try (Connection db = TestDatabase.connect();
             PreparedStatement query = db.prepareStatement(
                     "SELECT composite FROM composite_score WHERE entity_id = ? AND period = ?")) {
            query.setString(1, entityId);
            query.setString(2, period);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getBigDecimal(1) : null;
            }
        }
    }

    /** The Xiangtan close as a request body (what-if rules, the request's scores) for division 430321. */
    static String closeBody(String actualSpend) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode body = (ObjectNode) mapper.readTree(SettlementJson.snapshot(XiangtanClose.withActualSpend(actualSpend)));
        body.remove("allianceId");
        body.remove("period");
        body.put("divisionCode", "430321");
        return mapper.writeValueAsString(body);
    }

    private static long signedFen(Map<String, String> line) {
        long fen = new java.math.BigDecimal(line.get("amount")).movePointRight(2).longValueExact();
        return "DEBIT".equals(line.get("side")) ? fen : -fen;
    }

    private static PeriodSettlementClosed awaitClose(String snapshotId) {
        List<TestTopics.Published<PeriodSettlementEvent>> closed = TestTopics.awaitPublished(Topics.PERIOD_SETTLEMENTS,
                event -> event instanceof PeriodSettlementClosed close && close.snapshotId().equals(snapshotId), 1);
        assertThat(closed.get(0).key()).isEqualTo("XTX-YGT-01");
        assertThat(CloudEventHeaders.eventId(closed.get(0).headers())).isPresent();
        return (PeriodSettlementClosed) closed.get(0).value();
    }
}
