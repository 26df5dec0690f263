package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.matrix.AllianceDissolution;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static cn.hunan.mma.settlement.rest.BudgetApiTest.publishAlliance;
import static cn.hunan.mma.settlement.rest.BudgetApiTest.storeCase;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * An alliance dissolved on the alliance topic ({@link AllianceDissolution}: the lead alone, covering
 * nothing): its history stays readable and closable, nothing new is planned for it (real Kafka and
 * PostgreSQL). Shaoshan (430382) is covered by no other test's alliance, and 2021–2023 by no other
 * test's cases, so the sums below are only this test's.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class DissolvedAllianceApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String SHAOSHAN = "430382";
    private static final InstitutionId LEAD = InstitutionId.of("430382T0101");
    private static final InstitutionId MEMBER = InstitutionId.of("430382T0201");
    // 2022-05-15 00:00 in Hunan: cases discharged from that day on are no longer the alliance's.
    private static final Instant DISSOLVED = Instant.parse("2022-05-14T16:00:00Z");

    private final String officer = TokenMinter.forTests().mint(
            TokenClaims.forSubject("xt-insurance-officer", "insurance-officer").inCity("430300"));
    /** Approves what {@link #officer} drafts (four eyes). */
    private final String secondOfficer = TestCallers.XIANGTAN_SECOND_OFFICER;

    @Test
    void a_dissolved_alliance_keeps_its_budgets_and_closes_the_period_it_lived_through_but_gets_no_new_budget() throws Exception {
        String alliance = "XTX-DIS-" + UUID.randomUUID().toString().substring(0, 8);
        storeCase(SHAOSHAN + "101", 2021, "1000000.00", false);           // the 2022 budget's base year
        storeCase(SHAOSHAN, "2022-03-01", "200000.00", false);
        storeCase(SHAOSHAN + "102", "2022-05-14", "100000.00", false);    // the last day it existed
        storeCase(SHAOSHAN, "2022-05-15", "40000.00", false);             // the day of the dissolution: not its spend
        storeCase(SHAOSHAN, "2022-06-20", "50000.00", false);             // after it: not its spend
        AllianceSnapshot live = new AllianceSnapshot(EventId.random(), Instant.parse("2021-01-01T00:00:00Z"),
                AllianceId.of(alliance), "韶山市医共体(测试)", AllianceKind.COUNTY_COMMUNITY, LEAD, XiangtanRequest.members(LEAD, MEMBER),
                List.of(DivisionCode.of(SHAOSHAN)), XiangtanRequest.PARTNERS);
        publishAlliance(live);

        // Before the dissolution: the 2022 budget approved, a 2023 draft left unapproved.
        // Hand-worked: 1,000,000.00 × 1.05 = 1,050,000.00; reserve 5% = 52,500.00; P = 997,500.00.
        String budget2022 = "/api/v1/budgets/" + alliance + "/2022";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                draft(alliance, 2022).statusCode() == 200);
        int reviewed = draft(alliance, 2022).then().statusCode(200).body("packageTotal", equalTo("997500.00"))
                .extract().jsonPath().getInt("version");
        given().auth().oauth2(secondOfficer).header("If-Match", "\"" + reviewed + "\"").when().post(budget2022 + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        int draft2023 = draft(alliance, 2023).then().statusCode(200).extract().jsonPath().getInt("version");

        publishAlliance(AllianceDissolution.of(live, EventId.random(), DISSOLVED));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                draft(alliance, 2024).statusCode() == 409);

        // A new budget: refused as dissolved, not as "covers no divisions"; nor is the old draft approved.
        draft(alliance, 2024).then().statusCode(409).contentType(PROBLEM_JSON).body("title", equalTo("Alliance dissolved"))
                .body("detail", containsString("dissolved on 2022-05-15"));
        // Nor is a base declared for it (since 2026-11-25 (9)).
        given().auth().oauth2(officer).contentType("application/json").body("{\"baseSpend\":\"1000.00\",\"source\":\"legacy\"}")
                .when().put("/api/v1/budgets/" + alliance + "/2024/declared-base")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("title", equalTo("Alliance dissolved"));
        given().auth().oauth2(officer).header("If-Match", "\"" + draft2023 + "\"")
                .when().post("/api/v1/budgets/" + alliance + "/2023/approve")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("title", equalTo("Alliance dissolved"));

        // The history: the approved budget reads as before, also for a member other than the lead, since the
        // make-up the alliance had is kept (the dissolution names the lead alone).
        given().auth().oauth2(officer).when().get(budget2022).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("packageTotal", equalTo("997500.00"));
        String memberUser = TokenMinter.forTests().mint(TokenClaims.forSubject("ss-member", "institution-user")
                .atInstitution(MEMBER.value()));
        given().auth().oauth2(memberUser).when().get(budget2022).then().statusCode(200).body("status", equalTo("APPROVED"));

        // A period that began after the dissolution: nothing to settle.
        given().auth().oauth2(officer).contentType("application/json").body(closeWithoutSpend(true))
                .when().post("/api/v1/settlements/" + alliance + "/2022-H2/close")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("title", equalTo("Alliance dissolved"));
        // An officer of another city learns nothing about the alliance, not even that it is dissolved.
        String otherCityOfficer = TokenMinter.forTests().mint(
                TokenClaims.forSubject("zjj-insurance-officer", "insurance-officer").inCity("430800"));
        given().auth().oauth2(otherCityOfficer).contentType("application/json").body(closeWithoutSpend(true))
                .when().post("/api/v1/settlements/" + alliance + "/2022-H2/close")
                .then().statusCode(403).contentType(PROBLEM_JSON);

        // The half-year it lived through closes, its spend counted up to the day before the dissolution:
        // 200,000.00 + 100,000.00 = 300,000.00 (the ¥40,000.00 and ¥50,000.00 of later days left out).
        JsonPath half = given().auth().oauth2(officer).contentType("application/json").body(closeWithoutSpend(true))
                .when().post("/api/v1/settlements/" + alliance + "/2022-H1/close")
                .then().statusCode(200).extract().jsonPath();
        assertThat(half.getString("result.snapshot.actualSpend")).isEqualTo("300000.00");
        // A year-end close settles the whole year: the half is reopened first (audited), or it would be paid twice.
        given().auth().oauth2(officer).contentType("application/json").body("{\"reason\":\"closed as a whole year\"}")
                .when().post("/api/v1/settlements/" + alliance + "/2022-H1/reopen").then().statusCode(200);
        // The year-end close freezes the budget approved before the dissolution: P = 997,500.00, spend as above.
        JsonPath year = given().auth().oauth2(officer).contentType("application/json").body(closeWithoutSpend(false))
                .when().post("/api/v1/settlements/" + alliance + "/2022/close")
                .then().statusCode(200).extract().jsonPath();
        assertThat(year.getString("result.snapshot.packageTotal")).isEqualTo("997500.00");
        assertThat(year.getString("result.snapshot.actualSpend")).isEqualTo("300000.00");
        // 2023 began after the dissolution (and had no approved budget).
        given().auth().oauth2(officer).contentType("application/json").body(closeWithoutSpend(false))
                .when().post("/api/v1/settlements/" + alliance + "/2023/close")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("title", equalTo("Alliance dissolved"));
    }

    @Test
    void an_alliance_first_heard_of_as_dissolved_is_refused_as_dissolved() throws Exception {
        String alliance = "XTX-DIS-" + UUID.randomUUID().toString().substring(0, 8);
        AllianceSnapshot live = new AllianceSnapshot(EventId.random(), Instant.parse("2021-01-01T00:00:00Z"),
                AllianceId.of(alliance), "韶山市医共体(测试)", AllianceKind.COUNTY_COMMUNITY, LEAD, XiangtanRequest.members(LEAD, MEMBER),
                List.of(DivisionCode.of(SHAOSHAN)), XiangtanRequest.PARTNERS);
        publishAlliance(AllianceDissolution.of(live, EventId.random(), DISSOLVED));   // never seen alive here
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                given().auth().oauth2(officer).when().get("/api/v1/budgets/" + alliance + "/2022").statusCode() != 404);
        // With no division stated, it sits in the province: a city officer is told no more than of another area's.
        given().auth().oauth2(officer).when().get("/api/v1/budgets/" + alliance + "/2022")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        draft(officer, alliance, 2022).then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(TestCallers.HUNAN_OFFICER).when().get("/api/v1/budgets/" + alliance + "/2022")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("title", equalTo("Alliance dissolved"));
        draft(TestCallers.HUNAN_OFFICER, alliance, 2022).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Alliance dissolved"));
    }

    private io.restassured.response.Response draft(String alliance, int year) {
        return draft(officer, alliance, year);
    }

    private io.restassured.response.Response draft(String caller, String alliance, int year) {
        return given().auth().oauth2(caller).contentType("application/json")
                .body("{\"carveOuts\":\"0.00\",\"factorAdjustment\":\"0.00\"}")
                .when().post("/api/v1/budgets/" + alliance + "/" + year + "/draft");
    }

    /** The worked example's close request, without the actual spend (gathered from the cases), and without the package for a year-end close. */
    private static String closeWithoutSpend(boolean keepPackage) throws Exception {
        ObjectNode body = (ObjectNode) new ObjectMapper().readTree(PeriodCloseApiTest.closeBody("1.00"));
        body.remove("actualSpend");
        body.put("divisionCode", SHAOSHAN);
        if (!keepPackage) {
            body.remove("packageTotal");
        }
        return body.toString();
    }
}
