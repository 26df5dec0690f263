package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.envelope.CloudEventHeaders;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.topic.Topics;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.hunan.mma.navigation.registry.MatrixFixtures.uniqueSuffix;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * The operator API for the provincial guidance catalogue against the real application,
 * PostgreSQL and Kafka. Each test uses ICD-10 prefixes of its own (Q99.nnnxnnn, a valid national
 * edition form no import uses), since the catalogue is one table for the whole province.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "navigation"))
@QuarkusTestResource(RealJwtTestResource.class)
class CatalogueOperatorApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String CATALOGUE = "/api/v1/registry/catalogue";

    private final String provinceAdmin = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("hn-admin", "province-admin").inProvince("430000"));
    private final String xiangtanOperator = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("xt-operator", "city-operator").inCity("430300"));
    private final String suffix = uniqueSuffix();
    private final String code = "Q99." + suffix.substring(0, 3) + "x" + suffix.substring(3);
    private final String otherCode = "Q98." + suffix.substring(0, 3) + "x" + suffix.substring(3);

    @Test
    void a_created_entry_is_published_keyed_by_its_prefix_and_revisions_need_the_current_version() {
        String created = put(provinceAdmin, code, null, body("COUNTY", true, "HN-2026-op"))
                .statusCode(201).header("Location", endsWith(CATALOGUE + "/" + code))
                .body("icd10Prefix", equalTo(code)).body("lowestInpatientLevel", equalTo("COUNTY"))
                .body("primaryLevelDisease", equalTo(true)).body("catalogueVersion", equalTo("HN-2026-op"))
                .extract().header("ETag");

        awaitEvent(code, created);
        GuidanceCatalogueEntry published = latest(code);
        assertThat(published.icd10Prefix().value()).isEqualTo(code);
        assertThat(published.lowestInpatientLevel()).isEqualTo(Level.COUNTY);
        assertThat(published.primaryLevelDisease()).isTrue();
        assertThat(published.catalogueVersion()).isEqualTo("HN-2026-op");

        String revised = put(provinceAdmin, code, created, body("TOWNSHIP", true, "HN-2026-op"))
                .statusCode(200).body("lowestInpatientLevel", equalTo("TOWNSHIP")).extract().header("ETag");
        assertThat(revised).isNotEqualTo(created);
        awaitEvent(code, revised);
        assertThat(latest(code).lowestInpatientLevel()).isEqualTo(Level.TOWNSHIP);

        put(provinceAdmin, code, created, body("CITY", false, "HN-2026-op")).statusCode(412).contentType(PROBLEM_JSON);
        put(provinceAdmin, code, null, body("CITY", false, "HN-2026-op")).statusCode(428).contentType(PROBLEM_JSON);

        // Every platform role reads the provincial catalogue, a city operator included.
        given().auth().oauth2(xiangtanOperator).when().get(CATALOGUE + "/" + code)
                .then().statusCode(200).header("ETag", equalTo(revised)).body("lowestInpatientLevel", equalTo("TOWNSHIP"));
        assertThat(TopicRecords.all(Topics.GUIDANCE_CATALOGUE.name()).stream().filter(record -> code.equals(record.key())))
                .as("created and revised once; the refused puts published nothing").hasSize(2);
    }

    /**
     * {@code If-Match: *} is true for an entry that exists (RFC 9110 §13.1.1): the put revises whatever is current. It
     * is false for one that does not, so it never creates one (412). Before 2026-11-25 (5) both were 412.
     */
    @Test
    void if_match_star_revises_the_current_entry_and_never_creates_one() {
        put(provinceAdmin, code, "*", body("COUNTY", true, "HN-2026-op")).statusCode(412).contentType(PROBLEM_JSON);
        given().auth().oauth2(provinceAdmin).when().get(CATALOGUE + "/" + code).then().statusCode(404);

        String created = put(provinceAdmin, code, null, body("COUNTY", true, "HN-2026-op")).statusCode(201).extract().header("ETag");
        String revised = put(provinceAdmin, code, "*", body("TOWNSHIP", true, "HN-2026-op"))
                .statusCode(200).body("lowestInpatientLevel", equalTo("TOWNSHIP")).extract().header("ETag");

        assertThat(revised).isNotEqualTo(created);
        awaitEvent(code, revised);
        assertThat(latest(code).lowestInpatientLevel()).isEqualTo(Level.TOWNSHIP);
    }

    @Test
    void a_city_operator_may_not_edit_the_catalogue_and_nothing_is_published() {
        put(xiangtanOperator, code, null, body("COUNTY", false, "HN-2026-op")).statusCode(403).contentType(PROBLEM_JSON);

        // A later entry reaching the topic shows the relay has passed the refusal.
        String marker = put(provinceAdmin, otherCode, null, body("COUNTY", false, "HN-2026-op"))
                .statusCode(201).extract().header("ETag");
        awaitEvent(otherCode, marker);
        assertThat(TopicRecords.all(Topics.GUIDANCE_CATALOGUE.name())).extracting(ConsumerRecord::key).doesNotContain(code);
        given().auth().oauth2(provinceAdmin).when().get(CATALOGUE + "/" + code).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void bad_fields_are_400_naming_the_field() {
        put(provinceAdmin, "I1", null, body("COUNTY", false, "HN-2026-op")).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("icd10Prefix")).body("errors[0].reason", equalTo("MALFORMED_ICD10"));
        put(provinceAdmin, code, null, body("HOSPITAL", false, "HN-2026-op")).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("lowestInpatientLevel")).body("errors[0].reason", equalTo("INVALID_VALUE"));
        put(provinceAdmin, code, null, body(null, false, "HN-2026-op")).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("lowestInpatientLevel")).body("errors[0].reason", equalTo("MISSING_FIELD"));
        put(provinceAdmin, code, null, body("COUNTY", null, "HN-2026-op")).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("primaryLevelDisease")).body("errors[0].reason", equalTo("MISSING_FIELD"));
        put(provinceAdmin, code, null, body("COUNTY", false, "")).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("catalogueVersion")).body("errors[0].reason", equalTo("INVALID_VALUE"));
        Map<String, Object> otherPrefix = body("COUNTY", false, "HN-2026-op");
        otherPrefix.put("icd10Prefix", otherCode);
        put(provinceAdmin, code, null, otherPrefix).statusCode(400).contentType(PROBLEM_JSON);

        given().auth().oauth2(provinceAdmin).when().get(CATALOGUE + "/" + code).then().statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(provinceAdmin).when().get(CATALOGUE + "/I1").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    private static ValidatableResponse put(String token, String code, String ifMatch, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType("application/json").body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put(CATALOGUE + "/" + code).then();
    }

    private static Map<String, Object> body(String level, Boolean primary, String version) {
        Map<String, Object> body = new HashMap<>();
        body.put("lowestInpatientLevel", level);
        body.put("primaryLevelDisease", primary);
        body.put("catalogueVersion", version);
        return body;
    }

    private static void awaitEvent(String key, String etag) {
        String eventId = etag.replace("\"", "");
        TopicRecords.awaitRecord(Topics.GUIDANCE_CATALOGUE.name(), record -> key.equals(record.key())
                && CloudEventHeaders.eventId(record.headers()).filter(eventId::equals).isPresent());
    }

    private static GuidanceCatalogueEntry latest(String key) {
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.all(Topics.GUIDANCE_CATALOGUE.name()).stream()
                .filter(record -> key.equals(record.key())).toList();
        return ContractCodec.standard().decode(records.get(records.size() - 1).value(), GuidanceCatalogueEntry.class)
                .orElseThrow();
    }
}
