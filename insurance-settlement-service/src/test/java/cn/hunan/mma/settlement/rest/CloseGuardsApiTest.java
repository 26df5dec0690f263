package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

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

    private final String xiangtanOfficer = TokenMinter.forTests().mint(
            TokenClaims.forSubject("xt-insurance-officer", "insurance-officer").inCity("430300"));

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

    /** A year-end close settles the whole package: beside a standing half it would pay that half again. */
    @Test
    void a_year_and_its_halves_cannot_stand_together() throws Exception {
        String halves = ReferralRateCloseApiTest.alliance(List.of("430321"));
        close(halves, "2015-H2").then().statusCode(200);
        close(halves, "2015").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", allOf(containsString("2015-H2 stands"), containsString("reopen")));
        given().auth().oauth2(xiangtanOfficer).contentType("application/json").body("{\"reason\":\"the year is closed whole\"}")
                .when().post("/api/v1/settlements/" + halves + "/2015-H2/reopen").then().statusCode(200);
        close(halves, "2015").then().statusCode(200);

        close(halves, "2015-H1").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString("2015 stands"));
    }

    private io.restassured.response.Response close(String alliance, String period) throws Exception {
        return given().auth().oauth2(xiangtanOfficer).contentType("application/json").body(PeriodCloseApiTest.closeBody("1.00"))
                .when().post("/api/v1/settlements/" + alliance + "/" + period + "/close");
    }
}
