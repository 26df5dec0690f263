package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.envelope.CloudEventHeaders;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static cn.hunan.mma.navigation.registry.MatrixFixtures.at;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.institution;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.uniqueSuffix;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
    private final String xiangtanOperator = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("xt-operator", "city-operator").inCity("430300"));
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

    @Inject
    Pool pool;

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

    /**
     * A retired institution cannot be named by an alliance formed or revised after its retirement: retiring is refused
     * while an alliance names it, so forming one with it must be too (accepted before 2026-11-25 (4): the retired
     * township centre was republished as the alliance's member; helper-67).
     */
    @Test
    void an_alliance_cannot_be_formed_or_revised_with_a_retired_institution() {
        String townshipVersion = registered(township).extract().header("ETag");
        given().auth().oauth2(provinceAdmin).header("If-Match", townshipVersion)
                .when().delete("/api/v1/registry/institutions/" + township).then().statusCode(200);

        form(provinceAdmin, alliance(List.of(lead, township), List.of(cityPartner))).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("memberIds")).body("errors[0].reason", equalTo("INSTITUTION_RETIRED"));
        registered(township).body("allianceIds", empty()).body("active", equalTo(false));

        String version = form(provinceAdmin, alliance(List.of(lead), List.of(cityPartner))).statusCode(201).extract().header("ETag");
        given().auth().oauth2(provinceAdmin).contentType("application/json").header("If-Match", version)
                .body(alliance(List.of(lead, township), List.of(cityPartner)))
                .when().put(ALLIANCES + "/" + allianceId).then().statusCode(400)
                .body("errors[0].reason", equalTo("INSTITUTION_RETIRED"));
    }

    /**
     * An institution edit that would break an alliance naming it is refused (409), as retiring a member is: before
     * 2026-11-25 (4) the city partner could be demoted to a county hospital, the township centre moved to another city,
     * and a partner retired (helper-67). A rename breaks nothing.
     */
    @Test
    void an_institution_edit_that_would_break_an_alliance_naming_it_is_409() {
        form(provinceAdmin, alliance(List.of(lead, township), List.of(cityPartner))).statusCode(201);

        given().auth().oauth2(provinceAdmin).contentType("application/json").header("If-Match", registered(cityPartner).extract().header("ETag"))
                .body(InstitutionOperatorApiTest.body(cityPartner, "COUNTY", "430302")).when().put("/api/v1/registry/institutions/" + cityPartner)
                .then().statusCode(409).contentType(PROBLEM_JSON).body("detail", containsString("PARTNER_NOT_TERTIARY"));
        given().auth().oauth2(provinceAdmin).contentType("application/json").header("If-Match", registered(township).extract().header("ETag"))
                .body(InstitutionOperatorApiTest.body(township, "TOWNSHIP", "430802100")).when().put("/api/v1/registry/institutions/" + township)
                .then().statusCode(409).body("detail", containsString("OUTSIDE_ALLIANCE_CITY"));
        given().auth().oauth2(provinceAdmin).header("If-Match", registered(cityPartner).extract().header("ETag"))
                .when().delete("/api/v1/registry/institutions/" + cityPartner).then().statusCode(409)
                .body("detail", containsString(allianceId));

        given().auth().oauth2(provinceAdmin).contentType("application/json").header("If-Match", registered(cityPartner).extract().header("ETag"))
                .body(InstitutionOperatorApiTest.body(cityPartner, "CITY", "430302")).when().put("/api/v1/registry/institutions/" + cityPartner)
                .then().statusCode(200);
        registered(cityPartner).body("level", equalTo("CITY"));
    }

    /**
     * A county alliance that takes in every village clinic of a county has thousands of members; joining and
     * leaving republish each of them in one transaction. 6,000 members: the members' republishing once ran as one
     * step nested in the next, and a few thousand of those overflowed the stack before a row was read.
     */
    @Test
    void an_alliance_of_thousands_of_members_forms_revises_and_dissolves() {
        List<InstitutionSnapshot> clinics = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            clinics.add(at("AL" + suffix + "V" + i, Level.VILLAGE, "430321100"));
        }
        Path directory = new MatrixFixtures.Directory(temp.resolve("villages")).institutions(clinics.toArray(InstitutionSnapshot[]::new)).write();
        given().auth().oauth2(provinceAdmin).contentType("application/json").body(Map.of("directory", directory.toString()))
                .when().post("/api/v1/registry/imports").then().statusCode(200).body("inserted", equalTo(clinics.size()));
        List<String> members = new ArrayList<>(List.of(lead, township));
        clinics.forEach(clinic -> members.add(clinic.institutionId().value()));
        String first = clinics.get(0).institutionId().value();
        String last = clinics.get(clinics.size() - 1).institutionId().value();

        String formed = form(provinceAdmin, alliance(members, List.of())).statusCode(201)
                .body("memberIds.size()", equalTo(members.size())).extract().header("ETag");
        registered(first).body("allianceIds", hasItem(allianceId));
        registered(last).body("allianceIds", hasItem(allianceId));

        // Half the clinics leave.
        List<String> kept = members.subList(0, 2 + clinics.size() / 2);
        String revised = given().auth().oauth2(provinceAdmin).contentType("application/json").header("If-Match", formed)
                .body(alliance(kept, List.of())).when().put(ALLIANCES + "/" + allianceId)
                .then().statusCode(200).body("memberIds.size()", equalTo(kept.size())).extract().header("ETag");
        registered(first).body("allianceIds", hasItem(allianceId));
        registered(last).body("allianceIds", empty());

        dissolve(provinceAdmin, revised).statusCode(200).body("dissolved", equalTo(true));
        registered(first).body("allianceIds", empty());
        registered(lead).body("allianceIds", empty());
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

    @Test
    void dissolving_publishes_the_alliance_reduced_to_its_lead_and_members_leave_it() {
        String version = form(provinceAdmin, alliance(List.of(lead, township), List.of(cityPartner))).statusCode(201)
                .extract().header("ETag");

        String dissolved = dissolve(provinceAdmin, version).statusCode(200).body("dissolved", equalTo(true))
                .body("memberIds", equalTo(List.of(lead))).body("coveredDivisions", empty())
                .body("collaboratingTertiaryIds", empty()).extract().header("ETag");

        AllianceSnapshot published = awaitAllianceRecord(dissolved);
        assertThat(published.allianceId().value()).isEqualTo(allianceId);
        assertThat(published.name()).isEqualTo("湘潭县医共体");
        assertThat(published.kind()).isEqualTo(AllianceKind.COUNTY_COMMUNITY);
        assertThat(published.leadInstitutionId().value()).isEqualTo(lead);
        assertThat(published.memberIds()).extracting(InstitutionId::value).containsExactly(lead);
        assertThat(published.coveredDivisions()).isEmpty();
        assertThat(published.collaboratingTertiaryIds()).isEmpty();
        // Both members, the lead included, are republished without the alliance.
        registered(township).body("allianceIds", empty());
        String leadVersion = registered(lead).body("allianceIds", empty()).extract().header("ETag");

        alliance().body("dissolved", equalTo(true)).body("memberIds", equalTo(List.of(lead)))
                .body("coveredDivisions", empty()).header("ETag", equalTo(dissolved));
        // As for retiring a retired institution: 200 with the current state, nothing new published.
        dissolve(provinceAdmin, dissolved).statusCode(200).body("dissolved", equalTo(true)).header("ETag", equalTo(dissolved));
        // The dissolved alliance no longer holds its former lead back from retirement.
        given().auth().oauth2(provinceAdmin).header("If-Match", leadVersion)
                .when().delete("/api/v1/registry/institutions/" + lead).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void a_stale_version_is_412_and_publishes_nothing() {
        String formed = form(provinceAdmin, alliance(List.of(lead, township), List.of(cityPartner))).statusCode(201)
                .extract().header("ETag");
        String revised = given().auth().oauth2(provinceAdmin).contentType("application/json").header("If-Match", formed)
                .body(alliance(List.of(lead, township), List.of())).when().put(ALLIANCES + "/" + allianceId)
                .then().statusCode(200).extract().header("ETag");

        dissolve(provinceAdmin, formed).statusCode(412).contentType(PROBLEM_JSON);
        alliance().body("dissolved", equalTo(false)).header("ETag", equalTo(revised));

        // Nothing was published in between: the key's records are exactly form, revision, dissolution.
        String dissolved = dissolve(provinceAdmin, revised).statusCode(200).extract().header("ETag");
        awaitAllianceRecord(dissolved);
        assertThat(eventIdsOnTheTopic()).containsExactly(unquoted(formed), unquoted(revised), unquoted(dissolved));
    }

    /**
     * {@code If-Match: *} is true for an alliance that exists (RFC 9110 §13.1.1): revising and dissolving apply to
     * whatever version is current (before 2026-11-25 (5) they were 412). A missing alliance is 404, as with any If-Match.
     */
    @Test
    void if_match_star_revises_and_dissolves_the_current_version() {
        form(provinceAdmin, alliance(List.of(lead, township), List.of(cityPartner))).statusCode(201);

        given().auth().oauth2(provinceAdmin).contentType("application/json").header("If-Match", "*")
                .body(alliance(List.of(lead), List.of(cityPartner)))
                .when().put(ALLIANCES + "/" + allianceId).then().statusCode(200).body("memberIds", equalTo(List.of(lead)));
        registered(township).body("allianceIds", empty());
        dissolve(provinceAdmin, "*").statusCode(200).body("dissolved", equalTo(true));

        given().auth().oauth2(provinceAdmin).header("If-Match", "*").when().delete(ALLIANCES + "/NOPE" + suffix)
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void a_city_operator_of_another_city_cannot_dissolve_and_nothing_is_published() {
        String formed = form(provinceAdmin, alliance(List.of(lead, township), List.of())).statusCode(201)
                .extract().header("ETag");

        dissolve(zhangjiajieOperator, formed).statusCode(403).contentType(PROBLEM_JSON);
        registered(township).body("allianceIds", hasItem(allianceId));

        // The version is still the formed one (nothing was written), and the key holds no other record.
        String dissolved = dissolve(xiangtanOperator, formed).statusCode(200).extract().header("ETag");
        awaitAllianceRecord(dissolved);
        assertThat(eventIdsOnTheTopic()).containsExactly(unquoted(formed), unquoted(dissolved));
    }

    @Test
    void dissolving_needs_a_version_and_a_known_alliance() {
        given().auth().oauth2(provinceAdmin).when().delete(ALLIANCES + "/" + allianceId)
                .then().statusCode(428).contentType(PROBLEM_JSON);
        dissolve(provinceAdmin, "\"" + UUID.randomUUID() + "\"").statusCode(404).contentType(PROBLEM_JSON);
        // The dissolution's shape is reserved, so a consumer can tell it from a live alliance.
        Map<String, Object> leadAlone = alliance(List.of(lead), List.of());
        leadAlone.put("coveredDivisions", List.of());
        form(provinceAdmin, leadAlone).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].reason", equalTo("RESERVED_FOR_DISSOLUTION"));
    }

    private ValidatableResponse dissolve(String token, String version) {
        return given().auth().oauth2(token).header("If-Match", version).when().delete(ALLIANCES + "/" + allianceId).then();
    }

    private ValidatableResponse alliance() {
        return given().auth().oauth2(provinceAdmin).when().get(ALLIANCES + "/" + allianceId).then().statusCode(200);
    }

    /** Waits for the record the outbox relay publishes for that version, and decodes it. */
    private AllianceSnapshot awaitAllianceRecord(String etag) {
        TopicRecords.awaitRecord(Topics.ALLIANCES.name(), record -> allianceId.equals(record.key())
                && CloudEventHeaders.eventId(record.headers()).filter(unquoted(etag)::equals).isPresent());
        ConsumerRecord<String, byte[]> last = TopicRecords.all(Topics.ALLIANCES.name()).stream()
                .filter(record -> allianceId.equals(record.key())).reduce((first, second) -> second).orElseThrow();
        assertThat(CloudEventHeaders.eventId(last.headers())).contains(unquoted(etag));
        return ContractCodec.standard().decode(last.value(), AllianceSnapshot.class).orElseThrow();
    }

    private List<String> eventIdsOnTheTopic() {
        return TopicRecords.all(Topics.ALLIANCES.name()).stream().filter(record -> allianceId.equals(record.key()))
                .map(record -> CloudEventHeaders.eventId(record.headers()).orElseThrow()).toList();
    }

    private static String unquoted(String etag) {
        return etag.replace("\"", "");
    }

    /**
     * An institution edit moving a member to 张家界 holds the member's row when the alliance is formed: the alliance's
     * check waits for it and sees where the member stands once it committed. Before 2026-11-25 (6) the check read the
     * placement without a lock, passed, and waited only later (to republish the member): the alliance was formed with
     * a member outside its lead's city. The move is a bare update in the test's transaction, holding the row as the
     * institution edit's {@code SELECT … FOR UPDATE} does.
     */
    @Test
    void an_alliance_formed_while_a_member_is_being_moved_out_of_the_city_is_checked_where_the_member_ends_up() throws Exception {
        whileTheTownshipIsMovedTo张家界(() -> form(provinceAdmin, alliance(List.of(lead, township), List.of(cityPartner)))
                .extract().response())
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("memberIds")).body("errors[0].reason", equalTo("OUTSIDE_ALLIANCE_CITY"));
        given().auth().oauth2(provinceAdmin).when().get(ALLIANCES + "/" + allianceId).then().statusCode(404);
        registered(township).body("allianceIds", empty());
    }

    /**
     * A 湘潭 operator drops the township member while a province edit is moving it to 张家界: the operator's reach is
     * judged where the member ends up — 403, as the two edits one after the other give. Judged where it stood before
     * the move committed, the operator changed an institution of another city (helper-85).
     */
    @Test
    void an_operator_revising_an_alliance_is_judged_by_where_its_members_end_up() throws Exception {
        String version = form(provinceAdmin, alliance(List.of(lead, township), List.of(cityPartner))).statusCode(201)
                .extract().header("ETag");

        whileTheTownshipIsMovedTo张家界(() -> given().auth().oauth2(xiangtanOperator).contentType("application/json")
                .header("If-Match", version).body(alliance(List.of(lead), List.of(cityPartner)))
                .when().put(ALLIANCES + "/" + allianceId).then().extract().response())
                .then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(provinceAdmin).when().get(ALLIANCES + "/" + allianceId).then().statusCode(200)
                .body("memberIds", equalTo(List.of(lead, township)));
    }

    /**
     * The edit's answer, sent while another transaction holds the township's row with a move to 张家界 (as the
     * institution edit's {@code SELECT … FOR UPDATE} does): the move commits once the edit is seen waiting for it.
     */
    private Response whileTheTownshipIsMovedTo张家界(Supplier<Response> edit) throws Exception {
        return HeldRows.whileHeld(pool, "UPDATE institution SET division_code = $1 WHERE id = $2", Tuple.of("430802100", township),
                List.of(edit)).get(0);
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
}
