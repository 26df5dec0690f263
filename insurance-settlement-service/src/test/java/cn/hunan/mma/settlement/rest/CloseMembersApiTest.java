package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.matrix.AllianceDissolution;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static cn.hunan.mma.settlement.rest.TestCallers.CHANGSHA_OFFICER;
import static cn.hunan.mma.settlement.rest.TestCallers.XIANGTAN_AUDITOR;
import static cn.hunan.mma.settlement.rest.TestCallers.XIANGTAN_OFFICER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who a close pays, against the make-ups the matrix stated over the year, through the real alliance topic and database:
 * an alliance of 湘潭县 whose township centre 0182 left in April 2013 and whose 0183 joined as the second half began.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class CloseMembersApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String HOSPITAL = "430321H0081";
    private static final String STAYED = "430321T0181";
    private static final String LEFT_IN_APRIL = "430321T0182";
    private static final String JOINED_IN_H2 = "430321T0183";
    private static final String PARTNER = "430302H0001";

    @Test
    void a_close_without_members_pays_everyone_the_alliance_had_in_the_period_and_only_them() throws Exception {
        TestTopics.publish(Topics.INSTITUTIONS, List.of(institution(HOSPITAL, "430321100", Level.COUNTY),
                institution(STAYED, "430321101", Level.TOWNSHIP), institution(LEFT_IN_APRIL, "430321102", Level.TOWNSHIP),
                institution(JOINED_IN_H2, "430321103", Level.TOWNSHIP)));
        String alliance = "XTX-MEM-" + UUID.randomUUID().toString().substring(0, 8);
        TestTopics.publish(Topics.ALLIANCES, List.of(
                makeup(alliance, "2013-01-01T00:00:00Z", HOSPITAL, STAYED, LEFT_IN_APRIL),
                makeup(alliance, "2013-04-01T00:00:00Z", HOSPITAL, STAYED),
                makeup(alliance, "2013-06-30T17:00:00Z", HOSPITAL, STAYED, JOINED_IN_H2)));
        TestDatabase.awaitCount("SELECT count(*) FROM alliance_makeup WHERE alliance_id = '" + alliance + "'", 3);
        TestDatabase.awaitCount("SELECT count(*) FROM institution WHERE id IN ('" + HOSPITAL + "', '" + STAYED + "', '"
                + LEFT_IN_APRIL + "', '" + JOINED_IN_H2 + "')", 4);
        TestDatabase.storeComposite("INSTITUTION", HOSPITAL, "2013-H1", "90.00");
        TestDatabase.storeComposite("INSTITUTION", STAYED, "2013-H1", "80.00");
        TestDatabase.storeComposite("INSTITUTION", LEFT_IN_APRIL, "2013-H1", "70.00");
        TestDatabase.storeComposite("INSTITUTION", HOSPITAL, "2013-H2", "90.00");
        TestDatabase.storeComposite("INSTITUTION", STAYED, "2013-H2", "80.00");
        TestDatabase.storeComposite("INSTITUTION", LEFT_IN_APRIL, "2013-H2", "70.00");
        BudgetApiTest.storeStay(HOSPITAL, "430321", "2013-02-10", false, null);
        BudgetApiTest.storeStay(HOSPITAL, "430321", "2013-05-10", false, null);
        BudgetApiTest.storeStay(STAYED, "430321", "2013-03-10", false, null);
        BudgetApiTest.storeStay(LEFT_IN_APRIL, "430321", "2013-02-20", false, null);

        // 0183 joined at 01:00 on 1 July in Hunan (17:00 UTC on 30 June): after the first half, which it may not be paid for.
        ObjectNode naming = withoutMembers();
        naming.putArray("members").addObject().put("institutionId", JOINED_IN_H2).put("base", 1).put("score", 80);
        close(alliance, "2013-H1", naming).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", allOf(containsString(JOINED_IN_H2 + " was not a member of " + alliance + " during 2013-H1"),
                        containsString(LEFT_IN_APRIL)));
        // The Xiangtan request's second partner never collaborated with this alliance.
        ObjectNode strangers = withoutMembers();
        strangers.putArray("tertiaryPartners").addObject().put("institutionId", "430105H0001").put("keptInAreaCases", 100);
        close(alliance, "2013-H1", strangers).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", containsString("430105H0001 did not collaborate"));
        // In the second half 0183 belonged (and 0182 no longer), but the scorer has stated no composite of it.
        close(alliance, "2013-H2", withoutMembers()).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", containsString("members: " + JOINED_IN_H2 + " needs a score"));

        JsonPath closed = close(alliance, "2013-H1", withoutMembers()).then().statusCode(200).extract().jsonPath();

        assertThat(closed.getList("result.snapshot.members.institutionId")).containsExactly(HOSPITAL, STAYED, LEFT_IN_APRIL);
        assertThat(closed.getList("result.snapshot.members.primaryLevel")).containsExactly(false, true, true);
        // Bases: the fund contribution of the covered residents' stays (¥1,000.00 each); scores: the scorer's.
        assertThat(closed.getList("result.snapshot.members.base").stream().map(value -> new BigDecimal(value.toString())))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("2000.00"), new BigDecimal("1000.00"), new BigDecimal("1000.00"));
        assertThat(closed.getList("result.snapshot.members.score").stream().map(value -> new BigDecimal(value.toString())))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("90"), new BigDecimal("80"), new BigDecimal("70"));
        assertThat(closed.getString("derivedInputs.members.namedBy")).isEqualTo("matrix");
        assertThat(closed.getList("derivedInputs.members.levels.level")).containsExactly("COUNTY", "TOWNSHIP", "TOWNSHIP");

        // The township centre that left reads its share on its own statement; a reopen reverses it there too.
        String share = closed.getString("result.members.allocations.find { it.institutionId == '" + LEFT_IN_APRIL + "' }.amount");
        assertThat(new BigDecimal(share)).isPositive();
        String leftUser = TokenMinter.forTests().mint(TokenClaims.forSubject("t0182-finance", "institution-user")
                .atInstitution(LEFT_IN_APRIL));
        JsonPath statement = given().auth().oauth2(leftUser).when().get("/api/v1/institutions/" + LEFT_IN_APRIL + "/ledger?year=2013")
                .then().statusCode(200).extract().jsonPath();
        assertThat(statement.getList("lines.account")).containsExactly("MEMBER:" + LEFT_IN_APRIL);
        assertThat(statement.getString("lines[0].side")).isEqualTo("CREDIT");
        assertThat(statement.getString("lines[0].allianceId")).isEqualTo(alliance);
        assertThat(statement.getString("lines[0].period")).isEqualTo("2013-H1");
        assertThat(statement.getString("net")).isEqualTo(statement.getString("lines[0].amount"));
        assertThat(new BigDecimal(statement.getString("net"))).isEqualByComparingTo(share);
        given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json").body("{\"reason\":\"0182 left in April\"}")
                .when().post("/api/v1/settlements/" + alliance + "/2013-H1/reopen").then().statusCode(200);
        given().auth().oauth2(XIANGTAN_AUDITOR).when().get("/api/v1/institutions/" + LEFT_IN_APRIL + "/ledger")
                .then().statusCode(200).body("lines.side", contains("CREDIT", "DEBIT"))
                .body("credited", equalTo(statement.getString("net"))).body("net", equalTo("0.00"));
        // The operator of the alliance 0182 left reads its close's lines; that of the alliance it went on to join reaches
        // the institution but not those lines.
        String joined = "XTX-MEM-" + UUID.randomUUID().toString().substring(0, 8);
        TestTopics.publish(Topics.ALLIANCES, List.of(makeup(joined, "2014-01-01T00:00:00Z", LEFT_IN_APRIL)));
        TestDatabase.awaitCount("SELECT count(*) FROM alliance WHERE id = '" + joined + "'", 1);
        String ownOperator = TokenMinter.forTests().mint(TokenClaims.forSubject("mem-operator", "alliance-operator").inAlliance(alliance));
        String otherOperator = TokenMinter.forTests().mint(TokenClaims.forSubject("joined-operator", "alliance-operator").inAlliance(joined));
        given().auth().oauth2(ownOperator).when().get("/api/v1/institutions/" + LEFT_IN_APRIL + "/ledger")
                .then().statusCode(200).body("lines.size()", equalTo(2));
        given().auth().oauth2(otherOperator).when().get("/api/v1/institutions/" + LEFT_IN_APRIL + "/ledger")
                .then().statusCode(200).body("lines.size()", equalTo(0)).body("net", equalTo("0.00"));
        // Another institution's user, and an officer of another city, may not read it.
        String stranger = TokenMinter.forTests().mint(TokenClaims.forSubject("t0181-finance", "institution-user")
                .atInstitution(STAYED));
        given().auth().oauth2(stranger).when().get("/api/v1/institutions/" + LEFT_IN_APRIL + "/ledger")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(CHANGSHA_OFFICER).when().get("/api/v1/institutions/" + LEFT_IN_APRIL + "/ledger")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(XIANGTAN_AUDITOR).when().get("/api/v1/institutions/" + LEFT_IN_APRIL + "/ledger?year=13")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(XIANGTAN_AUDITOR).when().get("/api/v1/institutions/" + LEFT_IN_APRIL + "/ledger?year=1999")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(XIANGTAN_AUDITOR).when().get("/api/v1/institutions/430321T0999/ledger")
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    /** Dissolved at the end of 2013 and formed again in March 2014 without 0181: it was no member in 2014-H1. */
    @Test
    void a_dissolution_ends_the_make_up_it_had() throws Exception {
        String alliance = "XTX-MEM-" + UUID.randomUUID().toString().substring(0, 8);
        AllianceSnapshot first = makeup(alliance, "2013-01-01T00:00:00Z", HOSPITAL, STAYED);
        TestTopics.publish(Topics.ALLIANCES, List.of(first,
                AllianceDissolution.of(first, EventId.random(), Instant.parse("2013-12-31T00:00:00Z")),
                makeup(alliance, "2014-03-01T00:00:00Z", HOSPITAL, JOINED_IN_H2)));
        TestDatabase.awaitCount("SELECT count(*) FROM alliance_makeup WHERE alliance_id = '" + alliance + "'", 3);
        TestDatabase.awaitCount("SELECT count(*) FROM alliance WHERE id = '" + alliance + "' AND dissolved_at IS NULL", 1);

        ObjectNode naming = withoutMembers();
        naming.putArray("members").addObject().put("institutionId", STAYED).put("base", 1).put("score", 80);
        close(alliance, "2014-H1", naming).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", allOf(containsString(STAYED + " was not a member of " + alliance + " during 2014-H1"),
                        containsString("its members: " + HOSPITAL + ", " + JOINED_IN_H2 + ")")));
    }

    /**
     * V19 carried each alliance's last make-up over at -infinity, without partners; redelivered (a consumer group
     * reset), its snapshot gives it its date and partners, so older snapshots redelivered beside it stay older.
     */
    @Test
    void a_make_up_carried_over_by_v19_takes_its_date_and_partners_when_its_snapshot_is_redelivered() throws Exception {
        String alliance = "XTX-MEM-" + UUID.randomUUID().toString().substring(0, 8);
        AllianceSnapshot last = makeup(alliance, "2015-02-01T00:00:00Z", HOSPITAL, STAYED);
        try (Connection db = TestDatabase.connect(); PreparedStatement carried = db.prepareStatement("INSERT INTO alliance_makeup "
                + "(event_id, alliance_id, stated_at, member_ids, collaborating_tertiary_ids) VALUES (?, ?, '-infinity', ?, NULL)")) {
            carried.setObject(1, last.eventId().asUuid());
            carried.setString(2, alliance);
            carried.setArray(3, db.createArrayOf("text", new String[] {HOSPITAL, STAYED}));
            carried.executeUpdate();
        }

        TestTopics.publish(Topics.ALLIANCES, List.of(last));

        TestDatabase.awaitCount("SELECT count(*) FROM alliance_makeup WHERE event_id = '" + last.eventId().value()
                + "' AND stated_at = '2015-02-01T00:00:00Z' AND collaborating_tertiary_ids = '{" + PARTNER + "}'", 1);
        assertThat(TestDatabase.count("SELECT count(*) FROM alliance_makeup WHERE alliance_id = '" + alliance + "'")).isEqualTo(1);
    }

    private static ObjectNode withoutMembers() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(PeriodCloseApiTest.closeBody("1.00"));
        body.remove("members");
        ArrayNode partners = body.putArray("tertiaryPartners");
        partners.addObject().put("institutionId", PARTNER).put("keptInAreaCases", 300);
        return body;
    }

    private static io.restassured.response.Response close(String alliance, String period, ObjectNode body) {
        return given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json").body(body.toString())
                .when().post("/api/v1/settlements/" + alliance + "/" + period + "/close");
    }

    private static AllianceSnapshot makeup(String alliance, String statedAt, String... members) {
        return new AllianceSnapshot(EventId.random(), Instant.parse(statedAt), AllianceId.of(alliance), "成员测试医共体",
                AllianceKind.COUNTY_COMMUNITY, InstitutionId.of(members[0]), List.of(members).stream().map(InstitutionId::of).toList(),
                List.of(DivisionCode.of("430321")), List.of(InstitutionId.of(PARTNER)));
    }

    private static InstitutionSnapshot institution(String id, String division, Level level) {
        return new InstitutionSnapshot(EventId.random(), Instant.parse("2012-01-01T00:00:00Z"), InstitutionId.of(id),
                "成员测试机构 " + id, level, InstitutionKind.GENERAL, DivisionCode.of(division), null, null, List.of(), true);
    }
}
