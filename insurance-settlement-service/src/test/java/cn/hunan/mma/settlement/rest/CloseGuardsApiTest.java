package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.settlement.domain.parameters.SeedParameters;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static cn.hunan.mma.settlement.rest.TestCallers.CHANGSHA_OFFICER;
import static cn.hunan.mma.settlement.rest.TestCallers.XIANGTAN_OFFICER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Closes that would settle what is not the caller's, or settle a package twice, are refused (real PostgreSQL and
 * Kafka; the alliances come through the matrix topic). Year 2015: no other test closes it.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class CloseGuardsApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";


    /**
     * The request names 湘潭县 (430321), which the 湘潭 officer may close under; the alliance covers 长沙 天心区
     * (430103). Without the check the close would read 长沙 residents' figures and settle them under 湘潭's rules.
     */
    @Test
    void an_officer_cannot_close_another_area_s_alliance_by_naming_their_own_division() throws Exception {
        String changsha = ReferralRateCloseApiTest.alliance(List.of("430103"));
        close(changsha, "2015-H1").then().statusCode(403).contentType(PROBLEM_JSON)
                .body("detail", containsString(changsha));

        String xiangtan = ReferralRateCloseApiTest.alliance(List.of("430321", "430381"));
        close(xiangtan, "2015-H1").then().statusCode(200);
    }

    /**
     * Whether another area's alliance has closed a period is that area's business: before 2026-11-25 (5) the ledger,
     * audit and export reads answered 404 "Not closed" to anyone, and 403 only once there was a close to scope.
     */
    @Test
    void a_caller_outside_an_alliance_learns_nothing_of_whether_its_period_is_closed() throws Exception {
        String changsha = ReferralRateCloseApiTest.alliance(List.of("430103"));
        for (String read : List.of("ledger", "audit", "export.csv")) {
            String path = "/api/v1/settlements/" + changsha + "/2015-H2/" + read;
            given().auth().oauth2(XIANGTAN_OFFICER).when().get(path).then().statusCode(403).contentType(PROBLEM_JSON)
                    .body("detail", containsString(changsha));
            given().auth().oauth2(CHANGSHA_OFFICER).when().get(path).then().statusCode(404).contentType(PROBLEM_JSON)
                    .body("title", equalTo("Not closed"));
        }
    }

    /** An alliance the matrix never stated has no make-up to scope the close or gather its figures by. */
    @Test
    void an_alliance_the_matrix_never_stated_cannot_be_closed() throws Exception {
        close("XTX-NONE-" + UUID.randomUUID().toString().substring(0, 8), "2015-H1").then().statusCode(404)
                .contentType(PROBLEM_JSON).body("title", equalTo("Unknown alliance"));
    }

    /**
     * A city officer may close the county's alliance naming the city (430300), but the rules are the alliance's own
     * area's, as its budget's are: 湘潭县 (430321) has a version of its own from 2043, the city one from 2033 (if
     * another test loaded it) or the province's seed; the close must freeze 430321's.
     */
    @Test
    void a_close_named_by_the_city_applies_the_alliance_s_own_rules() throws Exception {
        given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json")
                .body("{\"effectiveFrom\":\"2043-01-01\",\"parameters\":" + SeedParameters.json() + "}")
                .when().post("/api/v1/parameters/430321").then().statusCode(200);
        String alliance = ReferralRateCloseApiTest.alliance(List.of("430321"));
        ObjectNode body = (ObjectNode) new ObjectMapper().readTree(PeriodCloseApiTest.closeBody("1.00"));
        body.put("divisionCode", "430300");
        body.remove("rules");
        body.remove("ruleVersion");
        given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json").body(body.toString())
                .when().post("/api/v1/settlements/" + alliance + "/2043-H1/close").then().statusCode(200)
                .body("ruleVersion", equalTo("430321/2043-01-01"));
    }

    /** A year-end close settles the whole package: beside a standing half it would pay that half again. */
    @Test
    void a_year_and_its_halves_cannot_stand_together() throws Exception {
        String halves = ReferralRateCloseApiTest.alliance(List.of("430321"));
        close(halves, "2015-H2").then().statusCode(200);
        close(halves, "2015").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", allOf(containsString("2015-H2 stands"), containsString("reopen")));
        given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json").body("{\"reason\":\"the year is closed whole\"}")
                .when().post("/api/v1/settlements/" + halves + "/2015-H2/reopen").then().statusCode(200);
        close(halves, "2015").then().statusCode(200);

        close(halves, "2015-H1").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString("2015 stands"));
    }

    private io.restassured.response.Response close(String alliance, String period) throws Exception {
        return given().auth().oauth2(XIANGTAN_OFFICER).contentType("application/json").body(PeriodCloseApiTest.closeBody("1.00"))
                .when().post("/api/v1/settlements/" + alliance + "/" + period + "/close");
    }
}
