package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.envelope.CloudEventHeaders;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.hunan.mma.navigation.registry.MatrixFixtures.alliance;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.institution;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.uniqueSuffix;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The operator API for institutions against the real application, PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "navigation"))
@QuarkusTestResource(RealJwtTestResource.class)
class InstitutionOperatorApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String INSTITUTIONS = "/api/v1/registry/institutions";

    private final String provinceAdmin = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("hn-admin", "province-admin").inProvince("430000"));
    private final String xiangtanOperator = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("xt-operator", "city-operator").inCity("430300"));
    private final String suffix = uniqueSuffix();
    private final String id = "OP" + suffix + "H1";

    @TempDir
    Path temp;

    @Test
    void a_registered_institution_is_published_and_each_revision_needs_the_current_version() {
        String created = register(xiangtanOperator, body(id, "COUNTY", "430321"))
                .statusCode(201).header("ETag", notNullValue())
                .body("institutionId", equalTo(id)).body("active", equalTo(true))
                .extract().header("ETag");

        ValidatableResponse revised = given().auth().oauth2(xiangtanOperator).contentType("application/json")
                .header("If-Match", created).body(renamed(body(id, "COUNTY", "430321"), "湘潭县第二人民医院"))
                .when().put(INSTITUTIONS + "/" + id).then().statusCode(200).body("name", equalTo("湘潭县第二人民医院"));
        String revision = revised.extract().header("ETag");
        assertThat(revision).isNotEqualTo(created);

        // A second operator still holding the first version cannot overwrite the revision.
        given().auth().oauth2(provinceAdmin).contentType("application/json")
                .header("If-Match", created).body(renamed(body(id, "COUNTY", "430321"), "别的名字"))
                .when().put(INSTITUTIONS + "/" + id)
                .then().statusCode(412).contentType(PROBLEM_JSON);
        given().auth().oauth2(provinceAdmin).contentType("application/json")
                .body(body(id, "COUNTY", "430321"))
                .when().put(INSTITUTIONS + "/" + id)
                .then().statusCode(428).contentType(PROBLEM_JSON);

        String revisionEventId = revision.replace("\"", "");
        TopicRecords.awaitRecord(Topics.INSTITUTIONS.name(), record -> id.equals(record.key())
                && CloudEventHeaders.eventId(record.headers()).filter(revisionEventId::equals).isPresent());
        assertThat(latest(id).name()).isEqualTo("湘潭县第二人民医院");
        given().auth().oauth2(provinceAdmin).when().get(INSTITUTIONS + "/" + id)
                .then().statusCode(200).header("ETag", equalTo(revision)).body("name", equalTo("湘潭县第二人民医院"));
    }

    /**
     * {@code If-Match: *} is true for an institution that exists (RFC 9110 §13.1.1): the edit applies to whatever
     * version is current (before 2026-11-25 (5) it was 412). An institution that does not exist is 404 as with any
     * If-Match: PUT never registers one, and that answer comes before preconditions (§13.2.1).
     */
    @Test
    void if_match_star_revises_and_retires_the_current_version_and_a_missing_institution_stays_404() {
        String created = register(xiangtanOperator, body(id, "COUNTY", "430321")).statusCode(201).extract().header("ETag");

        String revised = given().auth().oauth2(xiangtanOperator).contentType("application/json").header("If-Match", "*")
                .body(renamed(body(id, "COUNTY", "430321"), "湘潭县第二人民医院"))
                .when().put(INSTITUTIONS + "/" + id).then().statusCode(200).body("name", equalTo("湘潭县第二人民医院"))
                .extract().header("ETag");
        assertThat(revised).isNotEqualTo(created);
        given().auth().oauth2(provinceAdmin).header("If-Match", "*").when().delete(INSTITUTIONS + "/" + id)
                .then().statusCode(200).body("active", equalTo(false));

        given().auth().oauth2(provinceAdmin).contentType("application/json").header("If-Match", "*")
                .body(body("NOPE" + suffix, "COUNTY", "430321"))
                .when().put(INSTITUTIONS + "/NOPE" + suffix)
                .then().statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(provinceAdmin).header("If-Match", "*").when().delete(INSTITUTIONS + "/NOPE" + suffix)
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    /**
     * If-Match is {@code *} or a list of entity-tags, true when any listed tag matches the current ETag by strong
     * comparison (RFC 9110 §13.1.1). It was read as one tag with the quotes and {@code W/} dropped: a list matched
     * nothing and a weak tag matched as if strong.
     */
    @Test
    void if_match_holds_for_any_listed_version_and_never_for_a_weak_tag() {
        String first = register(provinceAdmin, body(id, "COUNTY", "430321")).statusCode(201).extract().header("ETag");
        String second = revise(first, "湘潭县第二人民医院").statusCode(200).extract().header("ETag");

        // An operator who saw both versions lists them: the current one (the second) matches.
        String third = revise(first + ", " + second, "湘潭县第三人民医院").statusCode(200)
                .body("name", equalTo("湘潭县第三人民医院")).extract().header("ETag");
        assertThat(third).isNotIn(first, second);

        // The current version, but weak: never equal under strong comparison, alone or beside a stale strong tag.
        revise("W/" + third, "弱标签").statusCode(412).contentType(PROBLEM_JSON);
        revise(second + ", W/" + third, "弱标签").statusCode(412).contentType(PROBLEM_JSON);
        given().auth().oauth2(provinceAdmin).header("If-Match", "W/" + third).when().delete(INSTITUTIONS + "/" + id)
                .then().statusCode(412).contentType(PROBLEM_JSON);

        // Nothing was published by the refusals: after a valid edit, the key's records are exactly the four edits. That
        // edit sends its list as two If-Match lines, which are one field (RFC 9110 §5.3): the stale first line must not
        // hide the current second.
        String fourth = given().auth().oauth2(provinceAdmin).contentType("application/json")
                .header("If-Match", first).header("If-Match", third).body(renamed(body(id, "COUNTY", "430321"), "湘潭县第四人民医院"))
                .when().put(INSTITUTIONS + "/" + id).then().statusCode(200).extract().header("ETag");
        awaitPublished(fourth);
        assertThat(eventIdsOnTheTopic()).containsExactly(unquoted(first), unquoted(second), unquoted(third), unquoted(fourth));
        given().auth().oauth2(provinceAdmin).when().get(INSTITUTIONS + "/" + id)
                .then().statusCode(200).header("ETag", equalTo(fourth)).body("name", equalTo("湘潭县第四人民医院"));
    }

    /**
     * A field that is neither {@code *} nor a list of quoted entity-tags is the client's mistake: 400 problem+json
     * naming If-Match, and nothing changes. The unquoted ETag and the unterminated quote matched as the tag before.
     */
    @Test
    void a_malformed_if_match_is_400_naming_the_header_and_changes_nothing() {
        String version = register(provinceAdmin, body(id, "COUNTY", "430321")).statusCode(201).extract().header("ETag");
        String bare = unquoted(version);

        for (String malformed : new String[] {bare, "\"" + bare, version + " " + version, "*, " + version, ",", "W/" + bare}) {
            revise(malformed, "不该改名").statusCode(400).contentType(PROBLEM_JSON)
                    .body("errors[0].field", equalTo("If-Match")).body("errors[0].reason", equalTo("MALFORMED_IF_MATCH"));
        }
        given().auth().oauth2(provinceAdmin).header("If-Match", bare).when().delete(INSTITUTIONS + "/" + id)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("If-Match"));

        // Still the registered version: the refusals changed and published nothing.
        given().auth().oauth2(provinceAdmin).when().get(INSTITUTIONS + "/" + id)
                .then().statusCode(200).header("ETag", equalTo(version)).body("active", equalTo(true));
        String revised = revise(" " + version + " ,, ", "湘潭县第二人民医院").statusCode(200).extract().header("ETag");
        awaitPublished(revised);
        assertThat(eventIdsOnTheTopic()).containsExactly(bare, unquoted(revised));
    }

    @Test
    void retiring_publishes_the_institution_inactive() {
        String version = register(provinceAdmin, body(id, "TOWNSHIP", "430321100")).statusCode(201).extract().header("ETag");

        String retired = given().auth().oauth2(provinceAdmin).header("If-Match", version)
                .when().delete(INSTITUTIONS + "/" + id)
                .then().statusCode(200).body("active", equalTo(false)).extract().header("ETag");

        String retiredEventId = retired.replace("\"", "");
        TopicRecords.awaitRecord(Topics.INSTITUTIONS.name(), record -> id.equals(record.key())
                && CloudEventHeaders.eventId(record.headers()).filter(retiredEventId::equals).isPresent());
        assertThat(latest(id).active()).isFalse();
    }

    @Test
    void an_institution_an_alliance_names_cannot_be_retired() {
        InstitutionSnapshot lead = institution(id, "430321", "CC-" + suffix);
        new MatrixFixtures.Directory(temp.resolve("m")).institutions(lead).alliances(alliance("CC-" + suffix, id)).write();
        given().auth().oauth2(provinceAdmin).contentType("application/json")
                .body(Map.of("directory", temp.resolve("m").toString()))
                .when().post("/api/v1/registry/imports").then().statusCode(200).body("inserted", equalTo(2));
        String version = given().auth().oauth2(provinceAdmin).when().get(INSTITUTIONS + "/" + id).then().extract().header("ETag");

        given().auth().oauth2(provinceAdmin).header("If-Match", version)
                .when().delete(INSTITUTIONS + "/" + id)
                .then().statusCode(409).contentType(PROBLEM_JSON).body("detail", containsString("CC-" + suffix));
    }

    @Test
    void a_city_operator_cannot_register_or_move_an_institution_outside_its_city() {
        register(xiangtanOperator, body(id, "COUNTY", "430802")).statusCode(403).contentType(PROBLEM_JSON);

        String version = register(xiangtanOperator, body(id, "COUNTY", "430321")).statusCode(201).extract().header("ETag");
        given().auth().oauth2(xiangtanOperator).contentType("application/json").header("If-Match", version)
                .body(body(id, "COUNTY", "430802"))
                .when().put(INSTITUTIONS + "/" + id)
                .then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void a_malformed_division_code_is_400_naming_the_field() {
        register(provinceAdmin, body(id, "COUNTY", "43-321")).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("divisionCode")).body("errors[0].reason", equalTo("MALFORMED_DIVISION_CODE"));
    }

    @Test
    void broken_rules_are_400_naming_the_field_and_the_rule() {
        register(provinceAdmin, body(id, "COUNTY", "430300")).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("divisionCode")).body("errors[0].reason", equalTo("DIVISION_TOO_COARSE"));
        register(provinceAdmin, body(id, "CITY", "430321100201")).statusCode(400)
                .body("errors[0].field", equalTo("level")).body("errors[0].reason", equalTo("LEVEL_DIVISION_MISMATCH"));
        register(provinceAdmin, body(id, "VILLAGE", "430321")).statusCode(400)
                .body("errors[0].reason", equalTo("LEVEL_DIVISION_MISMATCH"));
        register(provinceAdmin, body(id, "COUNTY", "110101")).statusCode(400)
                .body("errors[0].reason", equalTo("OUTSIDE_HUNAN"));
        register(provinceAdmin, body(id, "COUNTY", "43032")).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", notNullValue());
    }

    /**
     * Coordinates outside Hunan are refused naming the field; a swapped pair, which the contract alone refused as
     * "latitude must be between -90 and 90", is named as swapped. A revision is checked as a registration is.
     */
    @Test
    void implausible_coordinates_are_400_naming_the_field_and_a_swapped_pair_says_so() {
        register(provinceAdmin, at(body(id, "COUNTY", "430321"), 112.95, 27.78)).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("latitude")).body("errors[0].reason", equalTo("IMPLAUSIBLE_COORDINATES"))
                .body("detail", containsString("swapped"));
        register(provinceAdmin, at(body(id, "COUNTY", "430321"), 0, 0)).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("latitude")).body("errors[0].reason", equalTo("IMPLAUSIBLE_COORDINATES"));
        // 南昌: a Hunan latitude, east of Hunan.
        register(provinceAdmin, at(body(id, "COUNTY", "430321"), 28.68, 115.86)).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("longitude")).body("errors[0].reason", equalTo("IMPLAUSIBLE_COORDINATES"));

        String version = register(provinceAdmin, body(id, "COUNTY", "430321")).statusCode(201).extract().header("ETag");
        given().auth().oauth2(provinceAdmin).contentType("application/json").header("If-Match", version)
                .body(at(body(id, "COUNTY", "430321"), 112.95, 27.78)).when().put(INSTITUTIONS + "/" + id)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("latitude"))
                .body("detail", containsString("swapped"));
        given().auth().oauth2(provinceAdmin).when().get(INSTITUTIONS + "/" + id)
                .then().statusCode(200).header("ETag", equalTo(version));
    }

    @Test
    void a_value_the_body_cannot_hold_is_a_problem_naming_the_field_not_a_bare_json_error() {
        // Jackson refuses an unknown enum name and a text in a number field before any rule runs; the
        // platform's problem mapper must answer, not the REST layer's built-in JSON error.
        register(provinceAdmin, body(id, "GOLD", "430321")).statusCode(400).contentType(PROBLEM_JSON)
                .body("title", equalTo("Malformed request body"))
                .body("errors[0].field", equalTo("level")).body("errors[0].reason", equalTo("expected one of VILLAGE, TOWNSHIP, COUNTY, CITY, PROVINCE"));
        Map<String, Object> textLatitude = body(id, "COUNTY", "430321");
        textLatitude.put("latitude", "north");
        register(provinceAdmin, textLatitude).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("latitude"));
    }

    @Test
    void registering_a_taken_id_is_409_and_editing_a_missing_one_404() {
        register(provinceAdmin, body(id, "COUNTY", "430321")).statusCode(201);
        register(provinceAdmin, body(id, "COUNTY", "430321")).statusCode(409).contentType(PROBLEM_JSON);
        given().auth().oauth2(provinceAdmin).contentType("application/json").header("If-Match", "\"x\"")
                .body(body("NOPE" + suffix, "COUNTY", "430321"))
                .when().put(INSTITUTIONS + "/NOPE" + suffix)
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void readers_may_not_edit() {
        String auditor = TokenMinter.forTests().mint(TokenClaims.forSubject("auditor", "auditor").inProvince("430000"));
        register(auditor, body(id, "COUNTY", "430321")).statusCode(403).contentType(PROBLEM_JSON);
    }

    private ValidatableResponse revise(String ifMatch, String name) {
        return given().auth().oauth2(provinceAdmin).contentType("application/json").header("If-Match", ifMatch)
                .body(renamed(body(id, "COUNTY", "430321"), name)).when().put(INSTITUTIONS + "/" + id).then();
    }

    private void awaitPublished(String etag) {
        TopicRecords.awaitRecord(Topics.INSTITUTIONS.name(), record -> id.equals(record.key())
                && CloudEventHeaders.eventId(record.headers()).filter(unquoted(etag)::equals).isPresent());
    }

    private List<String> eventIdsOnTheTopic() {
        return TopicRecords.all(Topics.INSTITUTIONS.name()).stream().filter(record -> id.equals(record.key()))
                .map(record -> CloudEventHeaders.eventId(record.headers()).orElseThrow()).toList();
    }

    private static String unquoted(String etag) {
        return etag.replace("\"", "");
    }

    private static ValidatableResponse register(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post(INSTITUTIONS).then();
    }

    /** An institution statement as the operator API takes it (also for the alliance tests' edits). */
    static Map<String, Object> body(String id, String level, String division) {
        Map<String, Object> body = new HashMap<>();
        body.put("institutionId", id);
        body.put("name", "湘潭县人民医院");
        body.put("level", level);
        body.put("kind", "GENERAL");
        body.put("divisionCode", division);
        body.put("latitude", 27.78);
        body.put("longitude", 112.95);
        return body;
    }

    private static Map<String, Object> at(Map<String, Object> body, double latitude, double longitude) {
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        return body;
    }

    private static Map<String, Object> renamed(Map<String, Object> body, String name) {
        body.put("name", name);
        return body;
    }

    private static InstitutionSnapshot latest(String key) {
        ConsumerRecord<String, byte[]> last = TopicRecords.all(Topics.INSTITUTIONS.name()).stream()
                .filter(record -> key.equals(record.key())).reduce((first, second) -> second).orElseThrow();
        return ContractCodec.standard().decode(last.value(), InstitutionSnapshot.class).orElseThrow();
    }
}
