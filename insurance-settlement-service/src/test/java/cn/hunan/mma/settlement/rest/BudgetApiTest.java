package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.insurance.AllianceBudgetApproved;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import cn.hunan.mma.settlement.domain.parameters.SeedParameters;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A package total drafted from the stored settled cases of the covered population, reviewed and
 * approved over HTTP, and published on the budgets topic (real PostgreSQL and Kafka).
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class BudgetApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String XIANGTAN_COUNTY = "430321";
    private static final String XIANGXIANG = "430381";

    private final String officer = TokenMinter.forTests().mint(
            TokenClaims.forSubject("xt-insurance-officer", "insurance-officer").inCity("430300"));
    private final String secondOfficer = TestCallers.XIANGTAN_SECOND_OFFICER;
    private final String changshaOfficer = TokenMinter.forTests().mint(
            TokenClaims.forSubject("cs-insurance-officer", "insurance-officer").inCity("430100"));
    private final String auditor = TokenMinter.forTests().mint(TokenClaims.forSubject("xt-auditor", "auditor").inCity("430300"));
    /** Declares the bases: neither the drafter ({@link #officer}) nor the approver ({@link #secondOfficer}). */
    private final String thirdOfficer = TokenMinter.forTests().mint(
            TokenClaims.forSubject("xt-insurance-officer-3", "insurance-officer").inCity("430300"));

    /** Each test drafts budgets of years no other test touches, years still to come: on 1 January 2100 their base years are over. */
    @BeforeEach
    void budgets_are_drafted_on_new_years_day_2100() {
        installCalendarAt("2100-01-01T00:00:00+08:00");
    }

    /**
     * On 25 November 2026 (Beijing), the 2027 budget's base year is not over: neither drafted nor approved (a draft
     * stored before the check existed). Just after midnight on 1 January 2027 in Beijing (still 31 December in UTC),
     * it is drafted.
     */
    @Test
    void a_budget_is_drafted_and_approved_only_once_its_base_year_is_over_in_the_provinces_time_zone() throws Exception {
        String alliance = "XTX-CAL-" + UUID.randomUUID().toString().substring(0, 8);
        publishAlliance(alliance);
        installCalendarAt("2026-11-25T10:00:00+08:00");
        given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "0.00"))
                .when().post("/api/v1/budgets/" + alliance + "/2027/draft")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("detail", containsString("2026, which is not over"));
        given().auth().oauth2(officer).header("If-Match", "\"1\"")
                .when().post("/api/v1/budgets/" + alliance + "/2027/approve")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("detail", containsString("2026, which is not over"));

        storeCase(XIANGTAN_COUNTY + "106", 2026, "1000.00", false);   // a base to approve (an empty one is refused)
        installCalendarAt("2027-01-01T00:05:00+08:00");
        JsonPath drafted = awaitDraft(alliance, 2027, draft("0.00", "0.00"));
        assertThat(drafted.getInt("baseYear")).isEqualTo(2026);

        // Late December reports and corrections may still come: approved only 15 days into the year (since 2026-11-25 (5)).
        String approvePath = "/api/v1/budgets/" + alliance + "/2027/approve";
        installCalendarAt("2027-01-15T23:59:00+08:00");
        given().auth().oauth2(secondOfficer).header("If-Match", "\"" + drafted.getInt("version") + "\"")
                .when().post(approvePath).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Base year still open")).body("detail", containsString("from 2027-01-16T00:00"));
        // Waiting is worth nothing if the draft approved was computed before the late reports: drafted again, it is.
        installCalendarAt("2027-01-16T00:00:00+08:00");
        given().auth().oauth2(secondOfficer).header("If-Match", "\"" + drafted.getInt("version") + "\"")
                .when().post(approvePath).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Draft outdated")).body("detail", containsString("before the 2026 late reports were in"));
        JsonPath redrafted = awaitDraft(alliance, 2027, draft("0.00", "0.00"));
        given().auth().oauth2(secondOfficer).header("If-Match", "\"" + redrafted.getInt("version") + "\"")
                .when().post(approvePath).then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    /**
     * A base year whose DIP cases are not all cleared: the draft says how many of its cases, and how much of its spend,
     * are at a provisional point value (the clearing will change them). Before 2026-11-25 (5) neither the draft nor the
     * approval said so. Hand-worked: 1,000.00 in 湘潭县, its 2050 not cleared; 500.00 in 湘乡, cleared; base 1,500.00.
     */
    @Test
    void a_draft_says_what_of_its_base_is_at_a_provisional_dip_point_value() throws Exception {
        String alliance = "XTX-BGT-" + UUID.randomUUID().toString().substring(0, 8);
        storeDipCase(XIANGTAN_COUNTY, 2050, "1000.00", XIANGTAN_COUNTY + "/2050-01-01");
        storeDipCase(XIANGXIANG, 2050, "500.00", XIANGXIANG + "/2050-01-01");
        try (Connection db = TestDatabase.connect();
             PreparedStatement cleared = db.prepareStatement("INSERT INTO dip_clearing (area, clearing_year, budget_fen, "
                     + "point_value, result_json, cleared_by, cleared_at) VALUES (?, 2050, 50000, 10, '{}', 'test', now())")) {
            cleared.setString(1, XIANGXIANG);
            cleared.executeUpdate();
        }
        publishAlliance(alliance);

        JsonPath drafted = awaitDraft(alliance, 2051, draft("0.00", "0.00"));

        assertThat(drafted.getString("baseSpend")).isEqualTo("1500.00");
        assertThat(drafted.getLong("provisionalDipCases")).isEqualTo(1L);
        assertThat(drafted.getString("provisionalDipSpend")).isEqualTo("1000.00");
        given().auth().oauth2(officer).when().get("/api/v1/budgets/" + alliance + "/2051").then().statusCode(200)
                .body("provisionalDipCases", equalTo(1)).body("provisionalDipSpend", equalTo("1000.00"));
    }

    /**
     * 2056 holds no case and no visit of 湘潭县's or 湘乡's residents: the 2057 draft is computed and shown (¥0.00), but
     * not approved — almost surely data missing (helper-104 approved such a package on the running stack, and the scorer
     * projected the whole year's spend as overspend). Once a case of 2056 is in, drafted again, it is approved. The
     * rates read the same from the draft's answer and from the stored row (before: "0.05", then "0.050000").
     */
    @Test
    void a_draft_whose_base_year_holds_no_case_and_no_visit_is_shown_but_not_approved() throws Exception {
        String alliance = "XTX-NIL-" + UUID.randomUUID().toString().substring(0, 8);
        publishAlliance(alliance);
        JsonPath drafted = awaitDraft(alliance, 2057, draft("0.00", "0.00"));
        assertThat(drafted.getString("packageTotal")).isEqualTo("0.00");
        assertThat(drafted.getLong("settledCases")).isZero();
        assertThat(drafted.getLong("baseVisits")).isZero();

        approve(alliance, 2057, drafted.getInt("version")).statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("No base spend"))
                .body("detail", containsString("no settled cases and no visits in the base year 2056"))
                .body("detail", containsString("[" + XIANGTAN_COUNTY + ", " + XIANGXIANG + "]"));
        JsonPath stored = given().auth().oauth2(officer).when().get("/api/v1/budgets/" + alliance + "/2057").then().statusCode(200)
                .body("status", equalTo("DRAFT")).extract().jsonPath();
        assertThat(List.of(drafted.getString("growthRate"), drafted.getString("riskReserveRate")))
                .as("the seed's 5 % and 5 %, at the stored scale, as the row reads")
                .containsExactly("0.050000", "0.050000")
                .containsExactly(stored.getString("growthRate"), stored.getString("riskReserveRate"));

        // Hand-worked: 1,000.00 × 1.05 = 1,050.00; reserve 5 % = 52.50; P = 997.50.
        storeCase(XIANGTAN_COUNTY + "107", 2056, "1000.00", false);
        JsonPath redrafted = given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "0.00"))
                .when().post("/api/v1/budgets/" + alliance + "/2057/draft").then().statusCode(200).extract().jsonPath();
        assertThat(redrafted.getString("packageTotal")).isEqualTo("997.50");
        approve(alliance, 2057, redrafted.getInt("version")).statusCode(200).body("status", equalTo("APPROVED"));
    }

    /**
     * The first budget year after go-live (2061 here): its base year 2060 predates the platform, which holds no case and
     * no visit of it. The bureau declares its legacy system's figure, ¥500,000,000.00, and the draft stands on it —
     * DOMAIN.md §7's worked example under the seed's g 5 % and reserve 5 %: 500m × 1.05 = 525m; reserve 26.25m;
     * carve-outs 10m → P = ¥488,750,000.00. Four eyes: neither the drafter nor the declarer approves; a base redeclared
     * after the draft outdates it; a third officer approves the draft on the standing declaration, and the base is then
     * frozen.
     */
    @Test
    void a_first_budget_year_after_go_live_stands_on_the_declared_base_and_is_approved_by_a_third_officer() throws Exception {
        String alliance = "XTX-GOL-" + UUID.randomUUID().toString().substring(0, 8);
        publishAlliance(alliance);
        String statement = "湘潭市医保局 legacy settlement system, 2060 annual statement no. 12";
        JsonPath declared = awaitDeclared(alliance, 2061, declaration("500000000.00", statement));
        assertThat(declared.getString("standing.baseSpend")).isEqualTo("500000000.00");
        assertThat(declared.getString("standing.declaredBy")).isEqualTo("xt-insurance-officer-3");
        assertThat(declared.getInt("baseYear")).isEqualTo(2060);

        JsonPath drafted = awaitDraft(alliance, 2061, draft("10000000.00", "0.00"));
        assertThat(drafted.getString("baseSource")).isEqualTo("declared");
        assertThat(drafted.getString("declaredBase.source")).isEqualTo(statement);
        assertThat(drafted.getString("declaredBase.declaredBy")).isEqualTo("xt-insurance-officer-3");
        assertThat(List.of(drafted.getString("baseSpend"), drafted.getString("grownSpend"), drafted.getString("riskReserve"),
                drafted.getString("carveOuts"), drafted.getString("packageTotal")))
                .containsExactly("500000000.00", "525000000.00", "26250000.00", "10000000.00", "488750000.00");
        assertThat(drafted.getString("platformBaseSpend")).as("the platform's own sum, beside it").isEqualTo("0.00");
        assertThat(drafted.getLong("settledCases")).isZero();
        assertThat(drafted.getLong("baseVisits")).isZero();

        String approvePath = "/api/v1/budgets/" + alliance + "/2061/approve";
        String reviewed = "\"" + drafted.getInt("version") + "\"";
        given().auth().oauth2(officer).header("If-Match", reviewed).when().post(approvePath).then().statusCode(403)
                .contentType(PROBLEM_JSON).body("detail", containsString("xt-insurance-officer computed this draft"));
        given().auth().oauth2(thirdOfficer).header("If-Match", reviewed).when().post(approvePath).then().statusCode(403)
                .contentType(PROBLEM_JSON).body("detail", containsString("xt-insurance-officer-3 declared the base"));

        // Redeclared after the draft (a corrected statement): the draft on the replaced declaration is outdated.
        declareBase(thirdOfficer, alliance, 2061, declaration("500000000.00", statement + ", corrected")).statusCode(200)
                .body("history.size()", equalTo(2)).body("standing.source", equalTo(statement + ", corrected"));
        // Outdated whoever approves, the officer who declared the new base too: the draft does not stand on their figure.
        given().auth().oauth2(thirdOfficer).header("If-Match", reviewed).when().post(approvePath).then().statusCode(409)
                .contentType(PROBLEM_JSON).body("title", equalTo("Draft outdated"));
        approve(alliance, 2061, drafted.getInt("version")).statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Draft outdated")).body("detail", containsString("declared by xt-insurance-officer-3"));

        JsonPath redrafted = given().auth().oauth2(officer).contentType("application/json").body(draft("10000000.00", "0.00"))
                .when().post("/api/v1/budgets/" + alliance + "/2061/draft").then().statusCode(200).extract().jsonPath();
        approve(alliance, 2061, redrafted.getInt("version")).statusCode(200).body("status", equalTo("APPROVED"))
                .body("packageTotal", equalTo("488750000.00")).body("baseSource", equalTo("declared"));
        AllianceBudgetApproved published = ContractCodec.standard()
                .decode(awaitBudget(alliance + ":2061").value(), AllianceBudgetApproved.class).orElseThrow();
        assertThat(published.baseSpend().toYuanString()).isEqualTo("500000000.00");
        assertThat(published.packageTotal().toYuanString()).isEqualTo("488750000.00");

        // Approved: the base is frozen with the package.
        declareBase(thirdOfficer, alliance, 2061, declaration("400000000.00", statement)).statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Budget already approved"));
        given().auth().oauth2(thirdOfficer).when().delete("/api/v1/budgets/" + alliance + "/2061/declared-base")
                .then().statusCode(409).contentType(PROBLEM_JSON);
        given().auth().oauth2(auditor).when().get("/api/v1/budgets/" + alliance + "/2061/declared-base").then().statusCode(200)
                .body("history.action", equalTo(List.of("DECLARED", "DECLARED")))
                .body("standing.number", equalTo(redrafted.getInt("declaredBase.number")));
    }

    /**
     * A platform draft (2062's one case, ¥1,000.00) is outdated by a base declared after it; the draft on the declared
     * ¥2,000.00 is outdated by its withdrawal (audited); drafted again, it is the platform's ¥1,000.00 × 1.05 − 5 % =
     * ¥997.50 and approved.
     */
    @Test
    void declaring_or_withdrawing_a_base_outdates_the_drafts_computed_before() throws Exception {
        String alliance = "XTX-WDR-" + UUID.randomUUID().toString().substring(0, 8);
        storeCase(XIANGTAN_COUNTY + "108", 2062, "1000.00", false);
        publishAlliance(alliance);
        JsonPath onPlatform = awaitDraft(alliance, 2063, draft("0.00", "0.00"));
        assertThat(onPlatform.getString("baseSource")).isEqualTo("platform");
        assertThat(onPlatform.getString("platformBaseSpend")).isEqualTo("1000.00");
        assertThat(onPlatform.getString("declaredBase")).isNull();

        declareBase(thirdOfficer, alliance, 2063, declaration("2000.00", "legacy statement 2062")).statusCode(200);
        approve(alliance, 2063, onPlatform.getInt("version")).statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Draft outdated")).body("detail", containsString("the platform's base spend"));
        JsonPath onDeclared = given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "0.00"))
                .when().post("/api/v1/budgets/" + alliance + "/2063/draft").then().statusCode(200).extract().jsonPath();
        assertThat(List.of(onDeclared.getString("baseSpend"), onDeclared.getString("platformBaseSpend")))
                .containsExactly("2000.00", "1000.00");

        String declaredBase = "/api/v1/budgets/" + alliance + "/2063/declared-base";
        given().auth().oauth2(officer).when().delete(declaredBase).then().statusCode(200)
                .body("standing", equalTo(null)).body("history.action", equalTo(List.of("DECLARED", "WITHDRAWN")))
                .body("history[1].by", equalTo("xt-insurance-officer"));
        given().auth().oauth2(officer).when().delete(declaredBase).then().statusCode(404).contentType(PROBLEM_JSON);
        approve(alliance, 2063, onDeclared.getInt("version")).statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Draft outdated"));

        JsonPath again = given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "0.00"))
                .when().post("/api/v1/budgets/" + alliance + "/2063/draft").then().statusCode(200).extract().jsonPath();
        assertThat(List.of(again.getString("baseSource"), again.getString("baseSpend"), again.getString("packageTotal")))
                .containsExactly("platform", "1000.00", "997.50");
        approve(alliance, 2063, again.getInt("version")).statusCode(200).body("status", equalTo("APPROVED"));
    }

    /**
     * A base declared for 湘潭县's residents is no base once the matrix gives the alliance 湘乡 too (helper-124): the draft
     * on it, recording the alliance's divisions of the day, would have passed approval's check of the divisions and set
     * a package from one county's spend against two counties' at close. Drafting is refused until the base is declared
     * again for both; then the draft stands on the new figure and is approved.
     */
    @Test
    void a_base_declared_for_the_divisions_of_the_day_is_no_base_once_the_alliance_covers_others() throws Exception {
        String alliance = "XTX-DDV-" + UUID.randomUUID().toString().substring(0, 8);
        publishAlliance(alliance, "湘潭县医共体(测试)", AllianceKind.COUNTY_COMMUNITY, XIANGTAN_COUNTY);
        awaitDeclared(alliance, 2071, declaration("1000.00", "legacy statement 2070, 湘潭县"));
        JsonPath drafted = awaitDraft(alliance, 2071, draft("0.00", "0.00"));
        assertThat(drafted.getList("declaredBase.coveredDivisions")).containsExactly(XIANGTAN_COUNTY);

        publishAlliance(alliance, "湘潭县医共体(测试)", AllianceKind.COUNTY_COMMUNITY, XIANGTAN_COUNTY, XIANGXIANG);
        TestDatabase.awaitCount("SELECT count(*) FROM alliance WHERE id = '" + alliance + "' AND covered_divisions = '"
                + XIANGTAN_COUNTY + "," + XIANGXIANG + "'", 1);
        given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "0.00"))
                .when().post("/api/v1/budgets/" + alliance + "/2071/draft").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Declared base outdated"))
                .body("detail", containsString("[" + XIANGTAN_COUNTY + "]"))
                .body("detail", containsString("[" + XIANGTAN_COUNTY + ", " + XIANGXIANG + "]"));

        declareBase(thirdOfficer, alliance, 2071, declaration("2100.00", "legacy statements 2070, 湘潭县 and 湘乡")).statusCode(200)
                .body("standing.coveredDivisions", equalTo(List.of(XIANGTAN_COUNTY, XIANGXIANG)));
        JsonPath redrafted = given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "0.00"))
                .when().post("/api/v1/budgets/" + alliance + "/2071/draft").then().statusCode(200).extract().jsonPath();
        assertThat(List.of(redrafted.getString("baseSpend"), redrafted.getString("packageTotal"))).containsExactly("2100.00", "2094.75");
        approve(alliance, 2071, redrafted.getInt("version")).statusCode(200).body("status", equalTo("APPROVED"));
    }

    /** A declaration's body is refused naming the field; other areas' officers and auditors declare nothing. */
    @Test
    void a_declared_base_needs_an_amount_and_its_source_from_an_officer_of_the_area() throws Exception {
        String alliance = "XTX-DBB-" + UUID.randomUUID().toString().substring(0, 8);
        publishAlliance(alliance);
        awaitDeclared(alliance, 2065, declaration("1000.00", "legacy"));

        Map<String, String> refused = Map.of(
                "{\"baseSpend\":\"1000.00\"}", "source",
                "{\"baseSpend\":\"1000.00\",\"source\":\"  \"}", "source",
                declaration("1000.00", "x".repeat(501)), "source",
                declaration("-1000.00", "legacy"), "baseSpend",
                declaration("1000.005", "legacy"), "baseSpend",
                declaration("one thousand", "legacy"), "baseSpend",
                declaration("0.00", "legacy"), "baseSpend",
                "{\"source\":\"legacy\"}", "baseSpend");
        refused.forEach((body, field) -> declareBase(officer, alliance, 2065, body).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo(field)));
        declareBase(changshaOfficer, alliance, 2065, declaration("1000.00", "legacy")).statusCode(403).contentType(PROBLEM_JSON);
        declareBase(auditor, alliance, 2065, declaration("1000.00", "legacy")).statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(officer).when().get("/api/v1/budgets/" + alliance + "/2065/declared-base").then().statusCode(200)
                .body("history.size()", equalTo(1)).body("standing.source", equalTo("legacy"));
    }

    /** Declares (PUT) until the alliance has reached the service from the matrix topic. */
    private JsonPath awaitDeclared(String alliance, int year, String body) {
        AtomicReference<JsonPath> declared = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var response = given().auth().oauth2(thirdOfficer).contentType("application/json").body(body)
                    .when().put("/api/v1/budgets/" + alliance + "/" + year + "/declared-base");
            declared.set(response.jsonPath());
            return response.statusCode() == 200;
        });
        return declared.get();
    }

    private static ValidatableResponse declareBase(String caller, String alliance, int year, String body) {
        return given().auth().oauth2(caller).contentType("application/json").body(body)
                .when().put("/api/v1/budgets/" + alliance + "/" + year + "/declared-base").then();
    }

    private static String declaration(String baseSpend, String source) {
        return "{\"baseSpend\":\"" + baseSpend + "\",\"source\":\"" + source + "\"}";
    }

    private static void installCalendarAt(String instant) {
        QuarkusMock.installMockForType(new BudgetCalendar(Clock.fixed(OffsetDateTime.parse(instant).toInstant(), ZoneOffset.UTC),
                Duration.ofDays(15)), BudgetCalendar.class);
    }

    @Test
    void an_approved_budget_is_computed_from_last_years_cases_of_the_covered_population_and_published_once() throws Exception {
        String alliance = "XTX-BGT-" + UUID.randomUUID().toString().substring(0, 8);
        // Budget year 2031 draws on the cases settled in 2030 (no other test settles 2030 cases).
        storeCase(XIANGTAN_COUNTY, 2030, "3000000.00", false);   // treated in the county
        storeCase(XIANGXIANG, 2030, "1500000.00", false);        // out-of-area care, charged to the package
        storeCase(XIANGXIANG + "101", 2030, "1234.56", false);   // a township of a covered county
        storeCase(XIANGTAN_COUNTY, 2030, "500000.00", true);     // superseded by a correction: not counted
        storeCase("430302", 2030, "800000.00", false);          // a resident of another district: not covered
        storeCase(XIANGTAN_COUNTY, 2029, "700000.00", false);    // the wrong year
        publishAlliance(alliance);

        String draftPath = "/api/v1/budgets/" + alliance + "/2031/draft";
        awaitDraft(alliance, 2031, draft("50000.00", "0.00"));
        JsonPath redraft = given().auth().oauth2(officer).contentType("application/json").body(draft("100000.00", "-20000.00"))
                .when().post(draftPath).then().statusCode(200).extract().jsonPath();

        // Hand-worked: base = 3,000,000.00 + 1,500,000.00 + 1,234.56 = 4,501,234.56 over 3 cases;
        // × 1.05 = 4,726,296.288 → 4,726,296.29; reserve 5% = 236,314.8145 → 236,314.81;
        // P = 4,726,296.29 − 236,314.81 − 100,000.00 − 20,000.00 = 4,369,981.48.
        assertThat(redraft.getString("status")).isEqualTo("DRAFT");
        assertThat(redraft.getInt("baseYear")).isEqualTo(2030);
        assertThat(redraft.getLong("settledCases")).isEqualTo(3L);
        assertThat(redraft.getString("baseSpend")).isEqualTo("4501234.56");
        assertThat(redraft.getString("grownSpend")).isEqualTo("4726296.29");
        assertThat(redraft.getString("riskReserve")).isEqualTo("236314.81");
        assertThat(redraft.getString("packageTotal")).isEqualTo("4369981.48");
        assertThat(redraft.getString("parameterVersion")).as("the synthetic province seed").isEqualTo("430000/2000-01-01");
        int reviewed = redraft.getInt("version");

        String approvePath = "/api/v1/budgets/" + alliance + "/2031/approve";
        given().auth().oauth2(secondOfficer).header("If-Match", "\"" + (reviewed - 1) + "\"")
                .when().post(approvePath).then().statusCode(412).contentType(PROBLEM_JSON);
        given().auth().oauth2(auditor).header("If-Match", "\"" + reviewed + "\"")
                .when().post(approvePath).then().statusCode(403).contentType(PROBLEM_JSON);
        // Four eyes: the officer who computed the draft does not approve it (since 2026-11-25 (5)); a second one does.
        given().auth().oauth2(officer).header("If-Match", "\"" + reviewed + "\"")
                .when().post(approvePath).then().statusCode(403).contentType(PROBLEM_JSON)
                .body("detail", containsString("xt-insurance-officer computed this draft"));
        given().auth().oauth2(secondOfficer).header("If-Match", "\"" + reviewed + "\"")
                .when().post(approvePath).then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("approvedBy", equalTo("xt-insurance-officer-2"));
        given().auth().oauth2(officer).header("If-Match", "\"" + reviewed + "\"")
                .when().post(approvePath).then().statusCode(409).contentType(PROBLEM_JSON);
        given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "0.00"))
                .when().post(draftPath).then().statusCode(409).contentType(PROBLEM_JSON);

        // A year-end close without a package total freezes the approved one: actual ¥4,000,000.00 at score 92
        // leaves S = 4,369,981.48 − 4,000,000.00 = ¥369,981.48, all retained.
        given().auth().oauth2(officer).contentType("application/json").body(withoutPackage("4000000.00"))
                .when().post("/api/v1/settlements/" + alliance + "/2031-H1/close").then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(officer).contentType("application/json").body(withoutPackage("4000000.00"))
                .when().post("/api/v1/settlements/" + alliance + "/2031/close").then().statusCode(200)
                .body("result.retained", equalTo("369981.48"));

        ConsumerRecord<String, byte[]> record = awaitBudget(alliance + ":2031");
        AllianceBudgetApproved approved = ContractCodec.standard().decode(record.value(), AllianceBudgetApproved.class).orElseThrow();
        assertThat(approved.allianceId()).isEqualTo(AllianceId.of(alliance));
        assertThat(approved.year()).isEqualTo(2031);
        assertThat(approved.baseSpend().toYuanString()).isEqualTo("4501234.56");
        assertThat(approved.growthRate()).isEqualByComparingTo(new BigDecimal("0.05"));
        assertThat(approved.riskReserve().toYuanString()).isEqualTo("236314.81");
        assertThat(approved.carveOuts().toYuanString()).isEqualTo("100000.00");
        assertThat(approved.factorAdjustment().toYuanString()).isEqualTo("-20000.00");
        assertThat(approved.packageTotal().toYuanString()).isEqualTo("4369981.48");
        assertThat(approved.approvedByRole()).isEqualTo("insurance-officer");
    }

    /**
     * A city medical group covering its whole city (430300, as the registry allows) is based on every resident of
     * the city: a county's, a district's, one registered at city level only, a township's; not 长沙's. Hand-worked:
     * 1,000,000.00 + 200,000.00 + 1,000.00 + 34.56 = 1,201,034.56 over 4 cases; × 1.05 = 1,261,086.288 →
     * 1,261,086.29; reserve 5% = 63,054.3145 → 63,054.31; P = 1,198,031.98. Matched by the covered code as a
     * prefix, the city's residents were worth ¥0.00.
     */
    @Test
    void an_alliance_covering_a_whole_city_is_based_on_every_resident_of_the_city() throws Exception {
        String alliance = "XT-CITY-" + UUID.randomUUID().toString().substring(0, 8);
        // Base year 2045: no other test stores cases in it.
        storeCase(XIANGTAN_COUNTY, "2045-03-01", "1000000.00", false);
        storeCase("430302", "2045-05-01", "200000.00", false);
        storeCase("430300", "2045-07-01", "1000.00", false);
        storeCase(XIANGXIANG + "101", "2045-12-31", "34.56", false);
        storeCase("430102", "2045-06-01", "800000.00", false);
        publishAlliance(alliance, "湘潭市城市医疗集团(测试)", AllianceKind.CITY_GROUP, "430300");

        JsonPath drafted = awaitDraft(alliance, 2046, draft("0.00", "0.00"));

        assertThat(drafted.getString("baseSpend")).isEqualTo("1201034.56");
        assertThat(drafted.getLong("settledCases")).isEqualTo(4L);
        assertThat(drafted.getString("packageTotal")).isEqualTo("1198031.98");
    }

    /** A specialty alliance (专科联盟) links a specialty across regions and holds no budget: nothing to draft or close. */
    @Test
    void a_specialty_alliance_has_no_budget_to_draft_or_close() throws Exception {
        String alliance = "SA-TEST-" + UUID.randomUUID().toString().substring(0, 8);
        publishAlliance(alliance, "心血管专科联盟(测试)", AllianceKind.SPECIALTY_ALLIANCE, "430300");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "0.00"))
                        .when().post("/api/v1/budgets/" + alliance + "/2046/draft").statusCode() == 409);
        given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "0.00"))
                .when().post("/api/v1/budgets/" + alliance + "/2046/draft").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Not a budget-holding alliance"));
        given().auth().oauth2(officer).header("If-Match", "\"1\"")
                .when().post("/api/v1/budgets/" + alliance + "/2046/approve").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Not a budget-holding alliance"));
        declareBase(officer, alliance, 2046, declaration("1000.00", "legacy")).statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Not a budget-holding alliance"));
        given().auth().oauth2(officer).contentType("application/json").body(PeriodCloseApiTest.closeBody("1000.00"))
                .when().post("/api/v1/settlements/" + alliance + "/2046-H1/close").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Not a budget-holding alliance"));
    }

    @Test
    void bad_input_and_other_scopes_are_refused_with_problem_json() throws Exception {
        String alliance = "XTX-BGT-" + UUID.randomUUID().toString().substring(0, 8);
        publishAlliance(alliance);
        String draftPath = "/api/v1/budgets/" + alliance + "/2032/draft";
        awaitDraft(alliance, 2032, draft("0.00", "0.00"));

        given().auth().oauth2(officer).contentType("application/json").body(draft("-5.00", "0.00"))
                .when().post(draftPath).then().statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("carveOuts"));
        given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "1.005"))
                .when().post(draftPath).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("factorAdjustment"));
        given().auth().oauth2(officer).contentType("application/json").body("{\"factorAdjustment\":\"0.00\"}")
                .when().post(draftPath).then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "0.00"))
                .when().post("/api/v1/budgets/" + alliance + "/20x2/draft").then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(officer).when().post("/api/v1/budgets/" + alliance + "/2032/approve")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(changshaOfficer).contentType("application/json").body(draft("0.00", "0.00"))
                .when().post(draftPath).then().statusCode(403).contentType(PROBLEM_JSON);
        // The fund changes a package by area: an officer's token scoped by a member hospital reads it, changes nothing.
        String memberScopedOfficer = TokenMinter.forTests().mint(TokenClaims.forSubject("member-officer", "insurance-officer")
                .atInstitution("430321T0102"));
        given().auth().oauth2(memberScopedOfficer).contentType("application/json").body(draft("0.00", "0.00"))
                .when().post(draftPath).then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(memberScopedOfficer).when().get("/api/v1/budgets/" + alliance + "/2032").then().statusCode(200);
        given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "0.00"))
                .when().post("/api/v1/budgets/NO-SUCH-ALLIANCE/2032/draft").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void an_officer_loads_a_validated_parameter_version_for_the_city_and_later_budgets_use_and_record_it() throws Exception {
        ObjectNode parameters = (ObjectNode) JSON.readTree(SeedParameters.json());
        ((ObjectNode) parameters.get("budget")).put("growthRate", new BigDecimal("0.10"));
        String version = JSON.writeValueAsString(JSON.createObjectNode().put("effectiveFrom", "2033-01-01").set("parameters", parameters));
        ObjectNode badParameters = parameters.deepCopy();
        ((ObjectNode) badParameters.get("budget")).put("riskReserveRate", new BigDecimal("1.5"));
        String bad = JSON.writeValueAsString(JSON.createObjectNode().put("effectiveFrom", "2034-01-01").set("parameters", badParameters));

        given().auth().oauth2(auditor).contentType("application/json").body(version)
                .when().post("/api/v1/parameters/430300").then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(changshaOfficer).contentType("application/json").body(version)
                .when().post("/api/v1/parameters/430300").then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(officer).contentType("application/json").body(bad)
                .when().post("/api/v1/parameters/430300").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("budget"));
        given().auth().oauth2(officer).contentType("application/json").body(version)
                .when().post("/api/v1/parameters/430300").then().statusCode(200).body("versionId", equalTo("430300/2033-01-01"));
        given().auth().oauth2(officer).contentType("application/json").body(version)
                .when().post("/api/v1/parameters/430300").then().statusCode(409).contentType(PROBLEM_JSON);
        List<String> versions = given().auth().oauth2(auditor).when().get("/api/v1/parameters/430300")
                .then().statusCode(200).extract().jsonPath().getList("versionId");
        assertThat(versions).containsExactly("430300/2033-01-01");

        // 1,000.00 × 1.10 = 1,100.00; reserve 5% = 55.00; P = 1,045.00 under the city's version.
        String alliance = "XTX-BGT-" + UUID.randomUUID().toString().substring(0, 8);
        storeCase(XIANGTAN_COUNTY + "102", 2032, "1000.00", false);
        publishAlliance(alliance);
        JsonPath drafted = awaitDraft(alliance, 2033, draft("0.00", "0.00"));
        assertThat(drafted.getString("parameterVersion")).isEqualTo("430300/2033-01-01");
        assertThat(drafted.getString("grownSpend")).isEqualTo("1100.00");
        assertThat(drafted.getString("packageTotal")).isEqualTo("1045.00");
        given().auth().oauth2(officer).contentType("application/json").body(withoutPackage("1000.00"))
                .when().post("/api/v1/settlements/" + alliance + "/2033/close").then().statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void without_a_typed_adjustment_the_draft_computes_it_from_the_alliances_stored_score_by_the_areas_factor_method()
            throws Exception {
        ObjectNode parameters = (ObjectNode) JSON.readTree(SeedParameters.json());
        ((ObjectNode) parameters.get("budget")).putObject("factorMethod").put("ratePerPoint", new BigDecimal("0.001"))
                .put("referenceScore", new BigDecimal("85")).put("capRate", new BigDecimal("0.02"));
        given().auth().oauth2(officer).contentType("application/json")
                .body(JSON.writeValueAsString(JSON.createObjectNode().put("effectiveFrom", "2036-01-01").set("parameters", parameters)))
                .when().post("/api/v1/parameters/" + XIANGTAN_COUNTY).then().statusCode(200);
        String scored = "XTX-FAC-" + UUID.randomUUID().toString().substring(0, 8);
        String unscored = "XTX-FAC-" + UUID.randomUUID().toString().substring(0, 8);
        storeCase(XIANGTAN_COUNTY + "103", 2035, "1000000.00", false);
        TestDatabase.storeComposite("ALLIANCE", scored, "2035", "92");
        publishAlliance(scored);
        publishAlliance(unscored);

        JsonPath drafted = awaitDraft(scored, 2036, "{\"carveOuts\":\"0.00\"}");

        // Hand-worked: grown 1,000,000.00 × 1.05 = 1,050,000.00; score 92 is 7 points over 85 at 0.1% a point:
        // + 1,050,000.00 × 0.007 = 7,350.00 (cap 2% = 21,000.00 not reached); reserve 5% = 52,500.00;
        // P = 1,050,000.00 − 52,500.00 + 7,350.00 = 1,004,850.00.
        assertThat(drafted.getString("parameterVersion")).isEqualTo(XIANGTAN_COUNTY + "/2036-01-01");
        assertThat(drafted.getString("factorAdjustment")).isEqualTo("7350.00");
        assertThat(drafted.getString("packageTotal")).isEqualTo("1004850.00");
        // No score stored for the other alliance (404 until the alliance topic has brought it): nothing to compute from.
        AtomicReference<Integer> unscoredStatus = new AtomicReference<>();
        AtomicReference<String> unscoredTitle = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var response = given().auth().oauth2(officer).contentType("application/json").body("{\"carveOuts\":\"0.00\"}")
                    .when().post("/api/v1/budgets/" + unscored + "/2036/draft");
            unscoredStatus.set(response.statusCode());
            unscoredTitle.set(response.jsonPath().getString("title"));
            return response.statusCode() != 404;
        });
        assertThat(unscoredStatus.get()).isEqualTo(409);
        assertThat(unscoredTitle.get()).isEqualTo("No score yet");
        // A typed adjustment overrides the score's, within the method's cap: 2% of ¥1,050,000.00 = ¥21,000.00 either way.
        given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "-21000.00"))
                .when().post("/api/v1/budgets/" + scored + "/2036/draft").then().statusCode(200)
                .body("factorAdjustment", equalTo("-21000.00")).body("packageTotal", equalTo("976500.00"));
        given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "21000.01"))
                .when().post("/api/v1/budgets/" + scored + "/2036/draft").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", containsString("cap of ±21000.00"));
        // The seed rules of 2035 have no factor method: the adjustment must be typed in.
        given().auth().oauth2(officer).contentType("application/json").body("{\"carveOuts\":\"0.00\"}")
                .when().post("/api/v1/budgets/" + scored + "/2035/draft").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    /**
     * A draft is approved under the rules it was computed with, and within them. 湘潭县's rules from 2038 cap the factor
     * adjustment at 2 % of the grown spend: base 2037 ¥1,000,000.00 → grown ¥1,050,000.00, cap ¥21,000.00. A draft an
     * older build saved with ¥21,000.01 (written here into the table) is refused at approval; drafted again within the
     * cap, it is approved. A 2039 draft computed under the 2038 rules is refused once rules from 2039 are loaded.
     */
    @Test
    void a_draft_is_approved_only_under_the_rules_it_was_computed_with_and_within_their_cap() throws Exception {
        ObjectNode parameters = (ObjectNode) JSON.readTree(SeedParameters.json());
        ((ObjectNode) parameters.get("budget")).putObject("factorMethod").put("ratePerPoint", new BigDecimal("0.001"))
                .put("referenceScore", new BigDecimal("85")).put("capRate", new BigDecimal("0.02"));
        loadVersion("2038-01-01", parameters);
        storeCase(XIANGTAN_COUNTY + "104", 2037, "1000000.00", false);
        storeCase(XIANGTAN_COUNTY + "104", 2038, "1000000.00", false);
        String alliance = "XTX-APR-" + UUID.randomUUID().toString().substring(0, 8);
        publishAlliance(alliance);

        JsonPath drafted = awaitDraft(alliance, 2038, draft("0.00", "21000.00"));
        try (Connection db = TestDatabase.connect(); var legacy = db.prepareStatement("UPDATE alliance_budget "
                + "SET factor_adjustment_fen = 2100001 WHERE alliance_id = ? AND budget_year = 2038")) {
            legacy.setString(1, alliance);
            assertThat(legacy.executeUpdate()).isEqualTo(1);
        }
        approve(alliance, 2038, drafted.getInt("version")).statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Draft outdated")).body("detail", containsString("21000.01"))
                .body("detail", containsString("cap of ±21000.00"));
        int redrafted = given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "21000.00"))
                .when().post("/api/v1/budgets/" + alliance + "/2038/draft").then().statusCode(200)
                .extract().jsonPath().getInt("version");
        approve(alliance, 2038, redrafted).statusCode(200).body("status", equalTo("APPROVED"))
                .body("factorAdjustment", equalTo("21000.00"));

        int under2038 = given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "0.00"))
                .when().post("/api/v1/budgets/" + alliance + "/2039/draft").then().statusCode(200)
                .body("parameterVersion", equalTo(XIANGTAN_COUNTY + "/2038-01-01")).extract().jsonPath().getInt("version");
        loadVersion("2039-01-01", parameters);
        approve(alliance, 2039, under2038).statusCode(409).contentType(PROBLEM_JSON).body("title", equalTo("Draft outdated"))
                .body("detail", containsString(XIANGTAN_COUNTY + "/2039-01-01"));
        int under2039 = given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "0.00"))
                .when().post("/api/v1/budgets/" + alliance + "/2039/draft").then().statusCode(200)
                .body("parameterVersion", equalTo(XIANGTAN_COUNTY + "/2039-01-01")).extract().jsonPath().getInt("version");
        approve(alliance, 2039, under2039).statusCode(200).body("status", equalTo("APPROVED"));
    }

    /**
     * A draft counted the spend of 湘潭县's residents; the matrix then adds 湘乡市 to the alliance. Approved, the package
     * would have been set at close against both counties' spend: the approval is refused, and a draft made again for
     * both is approved.
     */
    @Test
    void a_draft_is_approved_only_for_the_divisions_whose_residents_spend_it_counted() throws Exception {
        String alliance = "XTX-COV-" + UUID.randomUUID().toString().substring(0, 8);
        storeCase(XIANGTAN_COUNTY + "105", 2047, "100000.00", false);
        publishAlliance(alliance, "湘潭县医共体(测试)", AllianceKind.COUNTY_COMMUNITY, XIANGTAN_COUNTY);
        JsonPath drafted = awaitDraft(alliance, 2048, draft("0.00", "0.00"));
        assertThat(drafted.getList("coveredDivisions")).containsExactly(XIANGTAN_COUNTY);

        publishAlliance(alliance, "湘潭县医共体(测试)", AllianceKind.COUNTY_COMMUNITY, XIANGTAN_COUNTY, XIANGXIANG);
        TestDatabase.awaitCount("SELECT count(*) FROM alliance WHERE id = '" + alliance + "' AND covered_divisions = '"
                + XIANGTAN_COUNTY + "," + XIANGXIANG + "'", 1);
        approve(alliance, 2048, drafted.getInt("version")).statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Draft outdated"))
                .body("detail", containsString("[" + XIANGTAN_COUNTY + "]"))
                .body("detail", containsString("[" + XIANGTAN_COUNTY + ", " + XIANGXIANG + "]"));

        JsonPath redrafted = given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "0.00"))
                .when().post("/api/v1/budgets/" + alliance + "/2048/draft").then().statusCode(200).extract().jsonPath();
        assertThat(redrafted.getList("coveredDivisions")).containsExactly(XIANGTAN_COUNTY, XIANGXIANG);
        approve(alliance, 2048, redrafted.getInt("version")).statusCode(200).body("status", equalTo("APPROVED"));
    }

    private void loadVersion(String effectiveFrom, ObjectNode parameters) throws Exception {
        given().auth().oauth2(officer).contentType("application/json")
                .body(JSON.writeValueAsString(JSON.createObjectNode().put("effectiveFrom", effectiveFrom).set("parameters", parameters)))
                .when().post("/api/v1/parameters/" + XIANGTAN_COUNTY).then().statusCode(200);
    }

    /** Approved by the second officer: the first computes the drafts. */
    private ValidatableResponse approve(String alliance, int year, int reviewedVersion) {
        return given().auth().oauth2(secondOfficer).header("If-Match", "\"" + reviewedVersion + "\"")
                .when().post("/api/v1/budgets/" + alliance + "/" + year + "/approve").then();
    }

    /**
     * 湘潭县 has a version from 2090 stored before a check it now fails (a DRG base rate of 0): a budget under it is
     * refused with a 409 naming the version and the check — the officer's fix is a corrected version — not a 500.
     */
    @Test
    void a_budget_under_a_stored_version_that_no_longer_passes_the_checks_is_refused_naming_it() throws Exception {
        try (Connection db = TestDatabase.connect(); var insert = db.prepareStatement("INSERT INTO area_parameters "
                + "(version_id, area, effective_from, parameters_json, loaded_by, loaded_at) "
                + "VALUES ('430321/2090-01-01', '430321', DATE '2090-01-01', ?, 'test', now()) ON CONFLICT DO NOTHING")) {
            insert.setString(1, SeedParameters.json().replace("\"drgBaseRate\":\"10000.00\"", "\"drgBaseRate\":\"0.00\""));
            assertThat(SeedParameters.json()).contains("\"drgBaseRate\":\"10000.00\"");
            insert.executeUpdate();
        }
        String alliance = "XTX-OLD-" + UUID.randomUUID().toString().substring(0, 8);
        publishAlliance(alliance);

        AtomicReference<Integer> status = new AtomicReference<>();
        AtomicReference<JsonPath> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var response = given().auth().oauth2(officer).contentType("application/json").body(draft("0.00", "0.00"))
                    .when().post("/api/v1/budgets/" + alliance + "/2090/draft");
            status.set(response.statusCode());
            answer.set(response.jsonPath());
            return response.statusCode() != 404;   // until the alliance topic has brought it
        });
        assertThat(status.get()).isEqualTo(409);
        assertThat(answer.get().getString("title")).isEqualTo("Parameters not readable");
        assertThat(answer.get().getString("detail")).contains("430321/2090-01-01", "drgBaseRate");
    }

    /**
     * 湘潭县's rules in force on 1 January 2041 (from 1 December 2040) split the annual package 45 / 55 between the half
     * years. Base 2040: ¥1,000,000.00 → × 1.05 = ¥1,050,000.00, reserve 5 % ¥52,500.00, P = ¥997,500.00. H1 closes
     * against 0.45 × P = ¥448,875.00 and H2 against the rest, ¥548,625.00, with no package in either request: both take
     * the share of the rules the budget was approved under, whatever is loaded meanwhile.
     */
    @Test
    void half_year_closes_without_a_package_split_the_approved_budget_by_the_first_half_share_it_was_approved_under()
            throws Exception {
        ObjectNode parameters = (ObjectNode) JSON.readTree(SeedParameters.json());
        ((ObjectNode) parameters.get("budget")).put("firstHalfShare", new BigDecimal("0.45"));
        loadRules(parameters, "2040-12-01");
        // A version from 1 July with another share (say with a new base rate) does not move the split.
        ((ObjectNode) parameters.get("budget")).put("firstHalfShare", new BigDecimal("0.30"));
        loadRules(parameters, "2041-07-01");
        String alliance = "XTX-HLF-" + UUID.randomUUID().toString().substring(0, 8);
        storeCase(XIANGTAN_COUNTY + "104", 2040, "1000000.00", false);
        publishAlliance(alliance);
        JsonPath drafted = awaitDraft(alliance, 2041, draft("0.00", "0.00"));
        assertThat(drafted.getString("packageTotal")).isEqualTo("997500.00");
        given().auth().oauth2(secondOfficer).header("If-Match", "\"" + drafted.getInt("version") + "\"")
                .when().post("/api/v1/budgets/" + alliance + "/2041/approve").then().statusCode(200);

        given().auth().oauth2(officer).contentType("application/json").body(withoutPackage("400000.00"))
                .when().post("/api/v1/settlements/" + alliance + "/2041-H1/close").then().statusCode(200)
                .body("result.snapshot.packageTotal", equalTo("448875.00"));
        // Nor does a version for 1 January loaded after the H1 close (a late correction of the year's rules): before
        // 2026-11-25 (4) H2 took its share, 997,500.00 − 30 % = 698,250.00, and the halves paid out 1,147,125.00.
        loadRules(parameters, "2041-01-01");
        given().auth().oauth2(officer).contentType("application/json").body(withoutPackage("500000.00"))
                .when().post("/api/v1/settlements/" + alliance + "/2041-H2/close").then().statusCode(200)
                .body("result.snapshot.packageTotal", equalTo("548625.00"));
    }

    private void loadRules(ObjectNode parameters, String effectiveFrom) throws Exception {
        given().auth().oauth2(officer).contentType("application/json")
                .body(JSON.writeValueAsString(JSON.createObjectNode().put("effectiveFrom", effectiveFrom).set("parameters", parameters)))
                .when().post("/api/v1/parameters/" + XIANGTAN_COUNTY).then().statusCode(200);
    }

    @Test
    void a_close_without_an_actual_spend_freezes_the_periods_settled_spend_of_the_covered_residents() throws Exception {
        String alliance = "XTX-SPD-" + UUID.randomUUID().toString().substring(0, 8);
        storeCase(XIANGTAN_COUNTY + "101", "2037-01-01", "300000.00", false);   // first day of the half-year
        storeCase(XIANGXIANG, "2037-06-30", "150000.00", false);                // last day, treated anywhere
        storeCase(XIANGTAN_COUNTY, "2037-07-01", "99999.00", false);            // the next half-year
        storeCase(XIANGTAN_COUNTY, "2037-03-01", "70000.00", true);             // superseded
        storeCase("430302", "2037-03-01", "80000.00", false);                  // not a covered resident
        publishAlliance(alliance);
        ObjectNode body = (ObjectNode) JSON.readTree(PeriodCloseApiTest.closeBody("1.00"));
        body.remove("actualSpend");

        AtomicReference<JsonPath> closed = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var response = given().auth().oauth2(officer).contentType("application/json").body(body.toString())
                    .when().post("/api/v1/settlements/" + alliance + "/2037-H1/close");
            closed.set(response.jsonPath());
            return response.statusCode() == 200;
        });

        // 300,000.00 + 150,000.00 = 450,000.00
        assertThat(closed.get().getString("result.snapshot.actualSpend")).isEqualTo("450000.00");
    }

    private static String withoutPackage(String actualSpend) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(PeriodCloseApiTest.closeBody(actualSpend));
        body.remove("packageTotal");
        return body.toString();
    }

    /** Drafts the alliance's budget once the alliance topic has brought the alliance (404 until then): the draft. */
    private JsonPath awaitDraft(String alliance, int year, String body) {
        AtomicReference<JsonPath> drafted = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var response = given().auth().oauth2(officer).contentType("application/json").body(body)
                    .when().post("/api/v1/budgets/" + alliance + "/" + year + "/draft");
            drafted.set(response.jsonPath());
            return response.statusCode() == 200;
        });
        return drafted.get();
    }

    private static String draft(String carveOuts, String factorAdjustment) {
        return "{\"carveOuts\":\"" + carveOuts + "\",\"factorAdjustment\":\"" + factorAdjustment + "\"}";
    }

    private static void publishAlliance(String alliance) throws Exception {
        publishAlliance(alliance, "湘潭县医共体(测试)", AllianceKind.COUNTY_COMMUNITY, XIANGTAN_COUNTY, XIANGXIANG);
    }

    /** An alliance of the two 湘潭 members and partners the tests use, of the kind and covering the divisions given. */
    private static void publishAlliance(String alliance, String name, AllianceKind kind, String... covered) throws Exception {
        publishAlliance(new AllianceSnapshot(EventId.random(), Instant.now(), AllianceId.of(alliance), name, kind,
                InstitutionId.of("430321T0102"),
                XiangtanRequest.members(InstitutionId.of("430321T0102"), InstitutionId.of("430381T0201")),
                Arrays.stream(covered).map(DivisionCode::of).toList(), XiangtanRequest.PARTNERS));
    }

    /** On the alliance topic, as the matrix publishes it. */
    static void publishAlliance(AllianceSnapshot snapshot) throws Exception {
        TestTopics.publish(Topics.ALLIANCES, List.of(snapshot));
    }

    /** A settled case as the case settlement flow stores it; only residence, year, amount and supersession matter here. */
    static void storeCase(String residence, String dischargeDate, String fundPayable, boolean superseded) throws Exception {
        storeCase(residence, LocalDate.parse(dischargeDate).getYear(), fundPayable, superseded, dischargeDate);
    }

    static void storeCase(String residence, int year, String fundPayable, boolean superseded) throws Exception {
        storeCase(residence, year, fundPayable, superseded, null);
    }

    /**
     * A settled stay at a given institution, of a referral episode or none (where it was treated and which stays one
     * episode links matter to the out-of-area referral rate).
     */
    static void storeStay(String institution, String residence, String dischargeDate, boolean superseded, String episode)
            throws Exception {
        storeCase(institution, residence, LocalDate.parse(dischargeDate).getYear(), "1000.00", superseded, dischargeDate, episode);
    }

    /** A DIP stay of a resident, discharged on 1 July, priced under the given parameter version ("area/date"). */
    private static void storeDipCase(String residence, int year, String fundPayable, String ruleVersion) throws Exception {
        storeCase("430102H0001", residence, year, fundPayable, false, year + "-07-01", null, new Pricing("DIP", "I63.9", ruleVersion));
    }

    /** Without a date, discharged on 1 July of the year: a budget counts the base year's cases by discharge date. */
    private static void storeCase(String residence, int year, String fundPayable, boolean superseded, String dischargeDate)
            throws Exception {
        storeCase("430102H0001", residence, year, fundPayable, superseded, dischargeDate == null ? year + "-07-01" : dischargeDate,
                null);
    }

    private static void storeCase(String institution, String residence, int year, String fundPayable, boolean superseded,
                                  String dischargeDate, String episode) throws Exception {
        storeCase(institution, residence, year, fundPayable, superseded, dischargeDate, episode, Pricing.SEED_DRG);
    }

    /** How a stored case was priced: its method, group and parameter version. */
    private record Pricing(String method, String group, String ruleVersion) {
        static final Pricing SEED_DRG = new Pricing("DRG", "BR25", "seed-2025.1");
    }

    private static void storeCase(String institution, String residence, int year, String fundPayable, boolean superseded,
                                  String dischargeDate, String episode, Pricing pricing) throws Exception {
        try (Connection db = TestDatabase.connect();
             PreparedStatement insert = db.prepareStatement("INSERT INTO case_settlement (discharge_event_id, institution_id, "
                     + "settlement_year, method, group_code, standard_fen, actual_fen, deductible_fen, fund_payable_fen, outlier, "
                     + "rule_version, superseded, settled_at, residence_division, discharge_date, episode_id) "
                     + "VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, 'NONE', ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, institution);
            insert.setInt(3, year);
            insert.setString(4, pricing.method());
            insert.setString(5, pricing.group());
            insert.setLong(6, new BigDecimal(fundPayable).movePointRight(2).longValueExact());
            insert.setString(7, pricing.ruleVersion());
            insert.setBoolean(8, superseded);
            insert.setTimestamp(9, Timestamp.from(Instant.now()));
            insert.setString(10, residence);
            insert.setObject(11, dischargeDate == null ? null : LocalDate.parse(dischargeDate));
            insert.setString(12, episode);
            insert.executeUpdate();
        }
    }

    private static ConsumerRecord<String, byte[]> awaitBudget(String key) {
        AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "budget-test-" + UUID.randomUUID()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.BUDGETS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        assertThat(found.get()).as("one approval, one record").isNull();
                        found.set(record);
                    }
                }
                return found.get() != null;
            });
        }
        return found.get();
    }
}
