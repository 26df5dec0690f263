package cn.hunan.mma.settlement.rest;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.hunan.mma.settlement.rest.TestCallers.XIANGTAN_OFFICER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A close that does not give the out-of-area referral rates works them out from the settled inpatient episodes of the
 * covered residents (DOMAIN.md §6): episodes treated outside the covered counties ÷ all their episodes (the stays are
 * written to the database as the settlement flow writes them; the institutions come through Kafka), in the closed period and in
 * the same period a year earlier (the baseline). Where each institution is comes from the matrix topic.
 * Covered: 湘潭县 (430321) and 湘乡市 (430381); treated outside: a 长沙 芙蓉区 hospital (430102). Years 2016–2017
 * (no other test settles there).
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class ReferralRateCloseApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final InstitutionSnapshot XIANGTAN_COUNTY = institution("430321H0071", "430321100", Level.COUNTY);
    private static final InstitutionSnapshot XIANGXIANG = institution("430381H0071", "430381", Level.COUNTY);
    private static final InstitutionSnapshot CHANGSHA = institution("430102H0071", "430102", Level.PROVINCE);


    /**
     * 2017-H1: five standing episodes of covered residents, two of them treated in 长沙 → 2 ÷ 5 = 0.400000 — four
     * stays without a referral episode (one in 长沙) and one episode of two stays, the county hospital then 长沙 (by
     * stays it would be 2 ÷ 6). Not counted: a superseded 长沙 stay, a 长沙 stay of a 雨湖区 resident (not covered), a
     * 长沙 stay on 1 July (H2). A 湘潭县 resident treated in 湘乡 stays inside the area. 2016-H1 (baseline): two of
     * three in 长沙, on the half's first and middle days, the third on its last → 2 ÷ 3 = 0.666667 (half up). A close
     * that gives its rates keeps them.
     */
    @Test
    void a_close_without_referral_rates_works_them_out_from_where_the_covered_residents_were_treated() throws Exception {
        TestTopics.publish(Topics.INSTITUTIONS, List.of(XIANGTAN_COUNTY, XIANGXIANG, CHANGSHA));
        String alliance = alliance(List.of("430321", "430381"));
        awaitPlaced(List.of(XIANGTAN_COUNTY, XIANGXIANG, CHANGSHA));

        stay(XIANGTAN_COUNTY, "430321104", "2017-02-01", false);
        stay(XIANGXIANG, "430381", "2017-03-01", false);
        stay(CHANGSHA, "430321", "2017-04-01", false);
        stay(XIANGXIANG, "430321104", "2017-05-01", false);
        stay(CHANGSHA, "430321", "2017-05-02", true);
        stay(CHANGSHA, "430302", "2017-05-03", false);
        stay(CHANGSHA, "430321", "2017-07-01", false);
        String episode = "EP-OOA-" + UUID.randomUUID().toString().substring(0, 8);
        BudgetApiTest.storeStay(XIANGTAN_COUNTY.institutionId().value(), "430321104", "2017-06-01", false, episode);
        BudgetApiTest.storeStay(CHANGSHA.institutionId().value(), "430321104", "2017-06-10", false, episode);
        stay(CHANGSHA, "430321", "2016-01-01", false);
        stay(CHANGSHA, "430381", "2016-03-01", false);
        stay(XIANGTAN_COUNTY, "430321", "2016-06-30", false);

        JsonPath closed = close(alliance, "2017-H1", withoutRates("430321")).then().statusCode(200).extract().jsonPath();
        assertThat(decimal(closed, "result.snapshot.baselineReferralRate")).isEqualByComparingTo("0.666667");
        assertThat(decimal(closed, "result.snapshot.currentReferralRate")).isEqualByComparingTo("0.4");
        assertThat(decimal(closed, "result.tertiary.fall")).isEqualByComparingTo("0.266667");
        // The counts behind the worked-out rates, for a finance officer to check them by.
        assertThat(closed.getList("derivedInputs.referralRates.rate")).containsExactly("baselineReferralRate", "currentReferralRate");
        assertThat(closed.getList("derivedInputs.referralRates.period")).containsExactly("2016-H1", "2017-H1");
        assertThat(closed.getList("derivedInputs.referralRates.episodes", Integer.class)).containsExactly(3, 5);
        assertThat(closed.getList("derivedInputs.referralRates.outside", Integer.class)).containsExactly(2, 2);
        given().auth().oauth2(XIANGTAN_OFFICER).when().get("/api/v1/settlements/" + alliance + "/2017-H1").then().statusCode(200)
                .body("derivedInputs.referralRates.episodes", contains(3, 5));

        String given = alliance(List.of("430321", "430381"));
        JsonPath kept = close(given, "2017-H1", PeriodCloseApiTest.closeBody("1.00")).then().statusCode(200).extract().jsonPath();
        assertThat(decimal(kept, "result.snapshot.baselineReferralRate")).isEqualByComparingTo("0.15");
        assertThat(decimal(kept, "result.snapshot.currentReferralRate")).isEqualByComparingTo("0.12");
        assertThat(kept.getString("derivedInputs.referralRates")).isNull();
        // The test alliance has members the Xiangtan request does not name: the close says it left them out.
        assertThat(kept.getList("derivedInputs.members.omitted")).containsExactly("430321H0071", "430321T0101", "430381H0071");
    }

    /**
     * An episode counts once, in the period its last stay was discharged in, with all its stays. 2014-H1: in-area
     * stays on 1 March and 1 May, and episode F (长沙 on 20 June, then the county hospital on 28 June) → 1 ÷ 3 =
     * 0.333333. 2014-H2: episode E (county hospital 25 June, 长沙 5 July), episode G (长沙 15 June, county hospital
     * 10 July) and an in-area stay on 1 August → E and G outside, 2 ÷ 3 = 0.666667. Counting each period's stays by
     * episode instead would give H1 2 ÷ 5 (E's and G's June stays as episodes of their own) and H2 1 ÷ 3.
     */
    @Test
    void an_episode_straddling_two_periods_counts_once_in_the_later_with_all_its_stays() throws Exception {
        TestTopics.publish(Topics.INSTITUTIONS, List.of(XIANGTAN_COUNTY, XIANGXIANG, CHANGSHA));
        awaitPlaced(List.of(XIANGTAN_COUNTY, XIANGXIANG, CHANGSHA));
        String alliance = alliance(List.of("430321", "430381"));
        stay(XIANGTAN_COUNTY, "430321104", "2014-03-01", false);
        stay(XIANGXIANG, "430381", "2014-05-01", false);
        episode("430321104", CHANGSHA, "2014-06-20", XIANGTAN_COUNTY, "2014-06-28");
        episode("430321104", XIANGTAN_COUNTY, "2014-06-25", CHANGSHA, "2014-07-05");
        episode("430381", CHANGSHA, "2014-06-15", XIANGXIANG, "2014-07-10");
        stay(XIANGTAN_COUNTY, "430321", "2014-08-01", false);

        JsonPath first = close(alliance, "2014-H1", withoutCurrentRate("430321")).then().statusCode(200).extract().jsonPath();
        assertThat(decimal(first, "result.snapshot.currentReferralRate")).isEqualByComparingTo("0.333333");
        assertThat(first.getList("derivedInputs.referralRates.rate")).containsExactly("currentReferralRate");
        assertThat(first.getList("derivedInputs.referralRates.outside", Integer.class)).containsExactly(1);
        assertThat(first.getList("derivedInputs.referralRates.episodes", Integer.class)).containsExactly(3);
        JsonPath second = close(alliance, "2014-H2", withoutCurrentRate("430321")).then().statusCode(200).extract().jsonPath();
        assertThat(decimal(second, "result.snapshot.currentReferralRate")).isEqualByComparingTo("0.666667");
    }

    /**
     * Members the close names without a base are based on their fund contribution in the period. 2012-H1 at the
     * 湘潭县 county hospital: three stays of covered residents (¥1,000.00 each) and one outpatient visit (¥120.50) →
     * ¥3,120.50; not counted: a superseded stay, a 雨湖区 resident's stay (not covered), a stay on 1 July (H2). At the
     * 湘乡 hospital one stay → ¥1,000.00. A third member keeps the base the request gives it; a fourth, 430321T0100,
     * treated none of the covered residents in the period: based on ¥0.00, with a remark.
     */
    @Test
    void members_without_a_base_are_based_on_their_fund_contribution_in_the_period() throws Exception {
        TestTopics.publish(Topics.INSTITUTIONS, List.of(XIANGTAN_COUNTY, XIANGXIANG, CHANGSHA));
        String alliance = alliance(List.of("430321", "430381"));
        stay(XIANGTAN_COUNTY, "430321104", "2012-02-01", false);
        stay(XIANGTAN_COUNTY, "430321", "2012-03-01", false);
        stay(XIANGTAN_COUNTY, "430381", "2012-06-30", false);
        stay(XIANGTAN_COUNTY, "430321", "2012-04-01", true);
        stay(XIANGTAN_COUNTY, "430302", "2012-04-02", false);
        stay(XIANGTAN_COUNTY, "430321", "2012-07-01", false);
        stay(XIANGXIANG, "430381", "2012-05-01", false);
        storeVisit(XIANGTAN_COUNTY, "430321104", "2012-05-05", 12_050);
        ObjectNode body = (ObjectNode) JSON.readTree(PeriodCloseApiTest.closeBody("1.00"));
        body.put("divisionCode", "430321");
        ArrayNode members = body.putArray("members");
        members.addObject().put("institutionId", "430321H0071").put("score", 90).put("primaryLevel", false);
        members.addObject().put("institutionId", "430381H0071").put("score", 80).put("primaryLevel", false);
        members.addObject().put("institutionId", "430321T0101").put("base", 500).put("score", 85).put("primaryLevel", true);
        members.addObject().put("institutionId", "430321T0100").put("score", 70).put("primaryLevel", true);

        JsonPath closed = close(alliance, "2012-H1", body.toString()).then().statusCode(200).extract().jsonPath();

        assertThat(decimal(closed, "result.snapshot.members.find { it.institutionId == '430321H0071' }.base"))
                .isEqualByComparingTo("3120.50");
        assertThat(decimal(closed, "result.snapshot.members.find { it.institutionId == '430381H0071' }.base"))
                .isEqualByComparingTo("1000.00");
        assertThat(decimal(closed, "result.snapshot.members.find { it.institutionId == '430321T0101' }.base"))
                .isEqualByComparingTo("500");
        assertThat(closed.getList("derivedInputs.memberBases.institutionId"))
                .containsExactly("430321H0071", "430321T0100", "430381H0071");
        assertThat(closed.getList("derivedInputs.memberBases.base")).containsExactly("3120.50", "0.00", "1000.00");
        assertThat(closed.getString("derivedInputs.memberBases[0].basis")).startsWith("fund contribution");
        // A member that treated none of the covered residents is based on zero, and the close says so.
        assertThat(closed.getString("derivedInputs.memberBases[0].remark")).isNull();
        assertThat(closed.getString("derivedInputs.memberBases[1].remark")).startsWith("no settled case or outpatient visit");
    }

    /**
     * A close naming no tertiary partners shares with every hospital that collaborated with the alliance, each with
     * its kept-in-area cases: the covered residents' episodes whose first homecoming — a later stay in a covered county,
     * not at a partner — followed a stay there. The alliance covers 湘潭县 and, to test the partner exclusion, 长沙's
     * own district. 湘潭县 residents with 长沙 (430102H0071) in 2018: three episodes home to the county hospital in H1
     * (one of them extended by a stay in August: not paid again in H2); not kept: one up to 长沙 only, one on to 湘乡
     * (not covered), one of a 雨湖区 resident (not covered), a readmission at 长沙 (in a covered district, but the
     * partner itself); one home on 5 July, kept in H2. The other partner treated none: 0.
     */
    @Test
    void a_partners_kept_in_area_cases_are_its_covered_residents_episodes_that_went_home_to_the_county() throws Exception {
        TestTopics.publish(Topics.INSTITUTIONS, List.of(XIANGTAN_COUNTY, XIANGXIANG, CHANGSHA));
        awaitPlaced(List.of(XIANGTAN_COUNTY, XIANGXIANG, CHANGSHA));
        String alliance = alliance(List.of("430321", "430102"), List.of(CHANGSHA.institutionId(), InstitutionId.of("430105H0001")));
        episode("430321", CHANGSHA, "2018-03-01", XIANGTAN_COUNTY, "2018-03-20");
        episode("430321104", CHANGSHA, "2018-01-10", XIANGTAN_COUNTY, "2018-01-25");
        String extended = "EP-KEPT-" + UUID.randomUUID().toString().substring(0, 8);
        BudgetApiTest.storeStay(CHANGSHA.institutionId().value(), "430321", "2018-02-10", false, extended);
        BudgetApiTest.storeStay(XIANGTAN_COUNTY.institutionId().value(), "430321", "2018-02-20", false, extended);
        BudgetApiTest.storeStay(XIANGTAN_COUNTY.institutionId().value(), "430321", "2018-08-01", false, extended);
        episode("430321", XIANGTAN_COUNTY, "2018-03-01", CHANGSHA, "2018-03-20");
        episode("430321", CHANGSHA, "2018-02-01", XIANGXIANG, "2018-02-15");
        episode("430302", CHANGSHA, "2018-04-01", XIANGTAN_COUNTY, "2018-04-20");
        episode("430321", CHANGSHA, "2018-05-01", CHANGSHA, "2018-05-20");
        episode("430321", CHANGSHA, "2018-06-20", XIANGTAN_COUNTY, "2018-07-05");
        ObjectNode body = (ObjectNode) JSON.readTree(PeriodCloseApiTest.closeBody("1.00"));
        body.put("divisionCode", "430321");
        body.remove("tertiaryPartners");

        JsonPath first = close(alliance, "2018-H1", body.toString()).then().statusCode(200).extract().jsonPath();
        JsonPath second = close(alliance, "2018-H2", body.toString()).then().statusCode(200).extract().jsonPath();

        assertThat(first.getList("result.snapshot.tertiaryPartners.institutionId")).containsExactly("430102H0071", "430105H0001");
        assertThat(first.getList("result.snapshot.tertiaryPartners.keptInAreaCases", Integer.class)).containsExactly(3, 0);
        assertThat(first.getString("derivedInputs.tertiaryPartners.namedBy")).isEqualTo("matrix");
        assertThat(first.getList("derivedInputs.tertiaryKeptInArea.keptInAreaCases", Integer.class)).containsExactly(3, 0);
        assertThat(first.getString("derivedInputs.tertiaryKeptInArea[0].basis")).contains("down-referrals");
        assertThat(second.getList("result.snapshot.tertiaryPartners.keptInAreaCases", Integer.class)).containsExactly(1, 0);

        // On 长沙's statement the two tertiary shares are the books of a 湘潭 close: the 湘潭 officer who made them reads
        // them, though the hospital is outside 湘潭. Since 2026-11-25 (9) a close is also read by the divisions its
        // alliance covers: this one covers 长沙's own district (430102), so the 长沙 officer reads them too (before, only
        // the division the close named decided, and the 长沙 officer reached the hospital but not those books); an
        // officer of 株洲, which the alliance does not cover, reaches neither.
        String statement = "/api/v1/institutions/" + CHANGSHA.institutionId().value() + "/ledger?year=2018";
        given().auth().oauth2(XIANGTAN_OFFICER).when().get(statement).then().statusCode(200)
                .body("lines.account", contains("TERTIARY:430102H0071", "TERTIARY:430102H0071"))
                .body("lines.period", contains("2018-H1", "2018-H2"));
        given().auth().oauth2(TestCallers.CHANGSHA_OFFICER).when().get(statement).then().statusCode(200)
                .body("lines.period", contains("2018-H1", "2018-H2"));
        String zhuzhouOfficer = TokenMinter.forTests().mint(TokenClaims.forSubject("zz-insurance-officer", "insurance-officer")
                .inCity("430200"));
        given().auth().oauth2(zhuzhouOfficer).when().get(statement).then().statusCode(403).contentType(PROBLEM_JSON);
    }

    /** A visit as the outpatient consumer stores it. */
    private static void storeVisit(InstitutionSnapshot at, String residence, String date, long fundPaidFen) throws Exception {
        try (var db = TestDatabase.connect(); var insert = db.prepareStatement("INSERT INTO outpatient_spend (visit_event_id, "
                + "institution_id, residence_division, visit_date, fund_paid_fen, recorded_at) VALUES (?, ?, ?, ?, ?, now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, at.institutionId().value());
            insert.setString(3, residence);
            insert.setObject(4, LocalDate.parse(date));
            insert.setLong(5, fundPaidFen);
            insert.executeUpdate();
        }
    }

    private static void episode(String residence, InstitutionSnapshot first, String firstDischarged, InstitutionSnapshot second,
                                String secondDischarged) throws Exception {
        String episode = "EP-STR-" + UUID.randomUUID().toString().substring(0, 8);
        BudgetApiTest.storeStay(first.institutionId().value(), residence, firstDischarged, false, episode);
        BudgetApiTest.storeStay(second.institutionId().value(), residence, secondDischarged, false, episode);
    }

    private static String withoutCurrentRate(String division) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(PeriodCloseApiTest.closeBody("1.00"));
        body.put("divisionCode", division);
        body.remove("currentReferralRate");
        return body.toString();
    }

    /**
     * A covered township counts its own residents only; a whole county (where the prefix is left out of the query)
     * all of its. Covered: 湘潭县's 易俗河镇 (430321104) and all of 湘乡 (430381). 2011-H1: 易俗河镇 residents in 长沙 and
     * at the county hospital, a 湘乡 resident of a township in 长沙 and one at home → 2 ÷ 4 = 0.5; not counted: a
     * resident of 湘潭县's 花石镇 (430321105) in 长沙, and one registered at county level only (430321). 2010-H1: the
     * 易俗河镇 resident's earlier stay in 长沙 and a 湘乡 resident at home → 1 ÷ 2; the 花石镇 resident's → not counted.
     */
    @Test
    void a_covered_township_counts_its_residents_and_a_whole_county_all_of_its() throws Exception {
        TestTopics.publish(Topics.INSTITUTIONS, List.of(XIANGTAN_COUNTY, XIANGXIANG, CHANGSHA));
        String alliance = alliance(List.of("430321104", "430381"));
        awaitPlaced(List.of(XIANGTAN_COUNTY, XIANGXIANG, CHANGSHA));

        stay(CHANGSHA, "430321104", "2011-02-01", false);
        stay(XIANGTAN_COUNTY, "430321104", "2011-03-01", false);
        stay(CHANGSHA, "430381102", "2011-04-01", false);
        stay(XIANGXIANG, "430381", "2011-05-01", false);
        stay(CHANGSHA, "430321105", "2011-05-02", false);
        stay(CHANGSHA, "430321", "2011-05-03", false);
        stay(CHANGSHA, "430321104", "2010-02-01", false);
        stay(XIANGXIANG, "430381", "2010-03-01", false);
        stay(CHANGSHA, "430321105", "2010-04-01", false);

        JsonPath closed = close(alliance, "2011-H1", withoutRates("430381")).then().statusCode(200).extract().jsonPath();
        assertThat(closed.getList("derivedInputs.referralRates.episodes", Integer.class)).containsExactly(2, 4);
        assertThat(closed.getList("derivedInputs.referralRates.outside", Integer.class)).containsExactly(1, 2);
        assertThat(decimal(closed, "result.snapshot.baselineReferralRate")).isEqualByComparingTo("0.5");
        assertThat(decimal(closed, "result.snapshot.currentReferralRate")).isEqualByComparingTo("0.5");
    }

    /** 韶山 (430382) has no settled stay in 2016; 雨湖区 (430302) has one, at an institution the matrix never named. */
    @Test
    void a_rate_the_stays_cannot_give_must_come_with_the_request() throws Exception {
        String empty = alliance(List.of("430382"));
        close(empty, "2017-H1", withoutRates("430382")).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", allOf(containsString("baselineReferralRate"), containsString("2016-H1"),
                        containsString("no settled stay")));

        String unplaced = alliance(List.of("430302"));
        BudgetApiTest.storeStay("430302H0071", "430302", "2016-04-01", false, null);
        close(unplaced, "2017-H1", withoutRates("430302")).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", allOf(containsString("baselineReferralRate"), containsString("1 of the covered residents' 1 episodes"),
                        containsString("division is not known")));
    }

    // The result's decimals are JSON numbers: compared by value, not by their text after a float round trip.
    private static BigDecimal decimal(JsonPath json, String path) {
        return new BigDecimal(json.getString(path));
    }

    private static InstitutionSnapshot institution(String id, String division, Level level) {
        return new InstitutionSnapshot(EventId.random(), Instant.parse("2016-01-01T00:00:00Z"), InstitutionId.of(id),
                "转外测试医院 " + id, level, InstitutionKind.GENERAL, DivisionCode.of(division), null, null, List.of(), true);
    }

    /** A county alliance of the given covered divisions, once the service holds it. */
    static String alliance(List<String> covered) throws Exception {
        return alliance(covered, XiangtanRequest.PARTNERS);
    }

    /** The same, collaborating with the given tertiary hospitals. */
    static String alliance(List<String> covered, List<InstitutionId> partners) throws Exception {
        String id = "XTX-OOA-" + UUID.randomUUID().toString().substring(0, 8);
        InstitutionId lead = XIANGTAN_COUNTY.institutionId();
        BudgetApiTest.publishAlliance(new AllianceSnapshot(EventId.random(), Instant.now(), AllianceId.of(id),
                "转外率测试医共体", AllianceKind.COUNTY_COMMUNITY, lead,
                XiangtanRequest.members(lead, XIANGXIANG.institutionId(), InstitutionId.of("430321T0101")),
                covered.stream().map(DivisionCode::of).toList(), partners));
        TestDatabase.awaitCount("SELECT count(*) FROM alliance WHERE id = '" + id + "'", 1);
        return id;
    }

    private static void stay(InstitutionSnapshot at, String residence, String discharged, boolean superseded) throws Exception {
        BudgetApiTest.storeStay(at.institutionId().value(), residence, discharged, superseded, null);
    }

    private static String withoutRates(String division) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(PeriodCloseApiTest.closeBody("1.00"));
        body.put("divisionCode", division);
        body.remove("baselineReferralRate");
        body.remove("currentReferralRate");
        return body.toString();
    }

    private io.restassured.response.Response close(String alliance, String period, String body) {
        return given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json").body(body)
                .when().post("/api/v1/settlements/" + alliance + "/" + period + "/close");
    }

    private static void awaitPlaced(List<InstitutionSnapshot> institutions) {
        String ids = String.join("', '", institutions.stream().map(institution -> institution.institutionId().value()).toList());
        TestDatabase.awaitCount("SELECT count(*) FROM institution WHERE division_code IS NOT NULL AND id IN ('" + ids + "')",
                institutions.size());
    }
}
