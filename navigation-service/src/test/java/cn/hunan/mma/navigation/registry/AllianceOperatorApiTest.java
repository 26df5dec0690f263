package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.hunan.mma.navigation.registry.MatrixFixtures.institution;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.uniqueSuffix;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The operator API for alliances against the real application: in 湘潭县 a county hospital (lead)
 * and a township centre, a city hospital of 湘潭 as collaborating partner, and a 张家界 hospital.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "navigation"))
@QuarkusTestResource(RealJwtTestResource.class)
class AllianceOperatorApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String ALLIANCES = "/api/v1/registry/alliances";

    private final String provinceAdmin = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("hn-admin", "province-admin").inProvince("430000"));
    private final String zhangjiajieOperator = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("zjj-operator", "city-operator").inCity("430800"));
    private final String suffix = uniqueSuffix();
    private final String lead = "AL" + suffix + "H1";
    private final String township = "AL" + suffix + "T1";
    private final String cityPartner = "AL" + suffix + "C1";
    private final String elsewhere = "AL" + suffix + "Z1";
    private final String allianceId = "CC-AL" + suffix;

    @TempDir
    Path temp;

    @BeforeEach
    void register_the_institutions() {
        Path directory = new MatrixFixtures.Directory(temp.resolve("m")).institutions(institution(lead, "430321"),
                at(township, Level.TOWNSHIP, "430321100"), at(cityPartner, Level.CITY, "430302"),
                institution(elsewhere, "430802")).write();
        given().auth().oauth2(provinceAdmin).contentType("application/json").body(Map.of("directory", directory.toString()))
                .when().post("/api/v1/registry/imports").then().statusCode(200).body("inserted", equalTo(4));
    }

    @Test
    void forming_and_revising_an_alliance_keeps_both_sides_of_membership_in_step() {
        String version = form(provinceAdmin, alliance(List.of(lead, township), List.of(cityPartner)))
                .statusCode(201).body("memberIds", equalTo(List.of(lead, township))).extract().header("ETag");
        registered(township).body("allianceIds", hasItem(allianceId));

        given().auth().oauth2(provinceAdmin).contentType("application/json").header("If-Match", version)
                .body(alliance(List.of(lead), List.of(cityPartner)))
                .when().put(ALLIANCES + "/" + allianceId).then().statusCode(200).body("memberIds", equalTo(List.of(lead)));
        registered(township).body("allianceIds", empty());
        registered(lead).body("allianceIds", hasItem(allianceId));

        // The first version is gone: an operator still holding it cannot overwrite.
        given().auth().oauth2(provinceAdmin).contentType("application/json").header("If-Match", version)
                .body(alliance(List.of(lead, township), List.of(cityPartner)))
                .when().put(ALLIANCES + "/" + allianceId).then().statusCode(412).contentType(PROBLEM_JSON);
    }

    @Test
    void an_alliance_breaking_a_rule_is_400_naming_the_rule() {
        form(provinceAdmin, alliance(List.of(lead, "AL" + suffix + "NOBODY"), List.of())).statusCode(400)
                .contentType(PROBLEM_JSON).body("errors[0].reason", equalTo("UNKNOWN_INSTITUTION"))
                .body("detail", containsString("AL" + suffix + "NOBODY"));
        form(provinceAdmin, alliance(List.of(lead, elsewhere), List.of())).statusCode(400)
                .body("errors[0].reason", equalTo("OUTSIDE_ALLIANCE_CITY"));
        form(provinceAdmin, alliance(List.of(lead), List.of(township))).statusCode(400)
                .body("errors[0].reason", equalTo("PARTNER_NOT_TERTIARY"));
    }

    @Test
    void a_city_operator_cannot_form_an_alliance_in_another_city() {
        form(zhangjiajieOperator, alliance(List.of(lead, township), List.of())).statusCode(403).contentType(PROBLEM_JSON);
    }

    private ValidatableResponse form(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).when().post(ALLIANCES).then();
    }

    private ValidatableResponse registered(String id) {
        return given().auth().oauth2(provinceAdmin).when().get("/api/v1/registry/institutions/" + id).then().statusCode(200);
    }

    private Map<String, Object> alliance(List<String> members, List<String> partners) {
        Map<String, Object> body = new HashMap<>();
        body.put("allianceId", allianceId);
        body.put("name", "湘潭县医共体");
        body.put("kind", "COUNTY_COMMUNITY");
        body.put("leadInstitutionId", lead);
        body.put("memberIds", members);
        body.put("coveredDivisions", List.of("430321"));
        body.put("collaboratingTertiaryIds", partners);
        return body;
    }

    private static InstitutionSnapshot at(String id, Level level, String division) {
        InstitutionSnapshot county = institution(id, division);
        return new InstitutionSnapshot(county.eventId(), county.occurredAt(), county.institutionId(), county.name(), level,
                county.kind(), county.divisionCode(), county.latitude(), county.longitude(), county.allianceIds(), true);
    }
}
