package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.envelope.CloudEventHeaders;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.matrix.SpecialtyTag;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.hunan.mma.navigation.registry.MatrixFixtures.uniqueSuffix;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * The operator API for specialties against the real application, PostgreSQL and Kafka: a county
 * hospital in 湘潭县 (430321, city 湘潭 430300) and one in 张家界 (430802, city 430800).
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "navigation"))
@QuarkusTestResource(RealJwtTestResource.class)
class SpecialtyOperatorApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String INSTITUTIONS = "/api/v1/registry/institutions";

    private final String provinceAdmin = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("hn-admin", "province-admin").inProvince("430000"));
    private final String xiangtanOperator = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("xt-operator", "city-operator").inCity("430300"));
    private final String suffix = uniqueSuffix();
    private final String xiangtanHospital = "SP" + suffix + "H1";
    private final String zhangjiajieHospital = "SP" + suffix + "Z1";

    @Test
    void a_created_specialty_is_published_keyed_institution_colon_department_and_revisions_need_the_current_version() {
        registerInstitution(xiangtanHospital, "430321");
        String path = specialties(xiangtanHospital) + "/cardiology";

        String created = put(xiangtanOperator, path, null, body("心血管内科", "KEY"))
                .statusCode(201).header("Location", endsWith(path))
                .body("institutionId", equalTo(xiangtanHospital)).body("departmentId", equalTo("cardiology"))
                .body("name", equalTo("心血管内科")).body("tag", equalTo("KEY"))
                .extract().header("ETag");

        String key = xiangtanHospital + ":cardiology";
        awaitEvent(key, created);
        SpecialtySnapshot published = latest(key);
        assertThat(published.institutionId().value()).isEqualTo(xiangtanHospital);
        assertThat(published.departmentId().value()).isEqualTo("cardiology");
        assertThat(published.name()).isEqualTo("心血管内科");
        assertThat(published.tag()).isEqualTo(SpecialtyTag.KEY);
        assertThat(published.eventId().asUuid().toString()).isEqualTo(created.replace("\"", ""));

        String revised = put(provinceAdmin, path, created, body("心血管内科", "ADVANTAGE"))
                .statusCode(200).body("tag", equalTo("ADVANTAGE")).extract().header("ETag");
        assertThat(revised).isNotEqualTo(created);
        awaitEvent(key, revised);
        assertThat(latest(key).tag()).isEqualTo(SpecialtyTag.ADVANTAGE);

        // Another operator still holding the first version cannot overwrite the revision.
        put(xiangtanOperator, path, created, body("心内科", "ORDINARY")).statusCode(412).contentType(PROBLEM_JSON);
        // An existing specialty is never overwritten blindly.
        put(xiangtanOperator, path, null, body("心内科", "ORDINARY")).statusCode(428).contentType(PROBLEM_JSON);
        // If-Match on a specialty that does not exist cannot match.
        put(xiangtanOperator, specialties(xiangtanHospital) + "/neurology", revised, body("神经内科", "KEY"))
                .statusCode(412).contentType(PROBLEM_JSON);
        // The same statement again publishes nothing and keeps the version.
        put(xiangtanOperator, path, revised, body("心血管内科", "ADVANTAGE"))
                .statusCode(200).header("ETag", equalTo(revised));

        given().auth().oauth2(xiangtanOperator).when().get(path)
                .then().statusCode(200).header("ETag", equalTo(revised))
                .body("name", equalTo("心血管内科")).body("tag", equalTo("ADVANTAGE"));
        assertThat(TopicRecords.all(Topics.SPECIALTIES.name()).stream().filter(record -> key.equals(record.key())))
                .as("created and revised once; the 412, 428 and unchanged puts published nothing").hasSize(2);
    }

    /**
     * {@code If-Match: *} is true for a specialty that exists (RFC 9110 §13.1.1): the put revises whatever is current.
     * It is false for one that does not, so it never creates one (412). Before 2026-11-25 (5) both were 412.
     */
    @Test
    void if_match_star_revises_the_current_specialty_and_never_creates_one() {
        registerInstitution(xiangtanHospital, "430321");
        String path = specialties(xiangtanHospital) + "/cardiology";
        put(xiangtanOperator, path, "*", body("心血管内科", "KEY")).statusCode(412).contentType(PROBLEM_JSON);
        given().auth().oauth2(provinceAdmin).when().get(path).then().statusCode(404);

        String created = put(xiangtanOperator, path, null, body("心血管内科", "KEY")).statusCode(201).extract().header("ETag");
        String revised = put(xiangtanOperator, path, "*", body("心血管内科", "ADVANTAGE"))
                .statusCode(200).body("tag", equalTo("ADVANTAGE")).extract().header("ETag");

        assertThat(revised).isNotEqualTo(created);
        String key = xiangtanHospital + ":cardiology";
        awaitEvent(key, revised);
        assertThat(latest(key).tag()).isEqualTo(SpecialtyTag.ADVANTAGE);
    }

    @Test
    void a_city_operator_cannot_state_specialties_outside_its_city_and_nothing_is_published() {
        registerInstitution(zhangjiajieHospital, "430802");
        String refusedKey = zhangjiajieHospital + ":cardiology";

        put(xiangtanOperator, specialties(zhangjiajieHospital) + "/cardiology", null, body("心血管内科", "KEY"))
                .statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(xiangtanOperator).when().get(specialties(zhangjiajieHospital) + "/cardiology")
                .then().statusCode(403).contentType(PROBLEM_JSON);

        // A later change at the same institution reaching the topic shows the relay has passed the refusal.
        String marker = put(provinceAdmin, specialties(zhangjiajieHospital) + "/orthopedics", null, body("骨科", "ORDINARY"))
                .statusCode(201).extract().header("ETag");
        awaitEvent(zhangjiajieHospital + ":orthopedics", marker);
        assertThat(TopicRecords.all(Topics.SPECIALTIES.name())).extracting(ConsumerRecord::key).doesNotContain(refusedKey);
        given().auth().oauth2(provinceAdmin).when().get(specialties(zhangjiajieHospital) + "/cardiology")
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void bad_fields_are_400_naming_the_field() {
        registerInstitution(xiangtanHospital, "430321");
        String path = specialties(xiangtanHospital) + "/cardiology";

        put(provinceAdmin, path, null, body(" ", "KEY")).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("name")).body("errors[0].reason", equalTo("INVALID_VALUE"));
        put(provinceAdmin, path, null, body("心血管内科", null)).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("tag")).body("errors[0].reason", equalTo("MISSING_FIELD"));
        put(provinceAdmin, path, null, body("心血管内科", "GOLD")).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("tag")).body("errors[0].reason", equalTo("INVALID_VALUE"));
        put(provinceAdmin, specialties(xiangtanHospital) + "/心内科", null, body("心血管内科", "KEY"))
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("departmentId")).body("errors[0].reason", equalTo("MALFORMED_ID"));
        Map<String, Object> otherDepartment = body("心血管内科", "KEY");
        otherDepartment.put("departmentId", "neurology");
        put(provinceAdmin, path, null, otherDepartment).statusCode(400).contentType(PROBLEM_JSON);

        given().auth().oauth2(provinceAdmin).when().get(path).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void the_institution_must_be_registered_and_active() {
        put(provinceAdmin, specialties("NOPE" + suffix) + "/cardiology", null, body("心血管内科", "KEY"))
                .statusCode(404).contentType(PROBLEM_JSON);

        String version = registerInstitution(xiangtanHospital, "430321");
        given().auth().oauth2(provinceAdmin).header("If-Match", version)
                .when().delete(INSTITUTIONS + "/" + xiangtanHospital).then().statusCode(200);
        put(provinceAdmin, specialties(xiangtanHospital) + "/cardiology", null, body("心血管内科", "KEY"))
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("institutionId")).body("errors[0].reason", equalTo("INSTITUTION_RETIRED"));
    }

    @Test
    void readers_may_read_but_not_edit() {
        registerInstitution(xiangtanHospital, "430321");
        String path = specialties(xiangtanHospital) + "/cardiology";
        put(provinceAdmin, path, null, body("心血管内科", "KEY")).statusCode(201);

        String auditor = TokenMinter.forTests().mint(TokenClaims.forSubject("auditor", "auditor").inProvince("430000"));
        put(auditor, path, null, body("心血管内科", "ORDINARY")).statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(auditor).when().get(path).then().statusCode(200).body("tag", equalTo("KEY"));
    }

    private String registerInstitution(String id, String division) {
        Map<String, Object> body = new HashMap<>();
        body.put("institutionId", id);
        body.put("name", "县人民医院 " + id);
        body.put("level", "COUNTY");
        body.put("kind", "GENERAL");
        body.put("divisionCode", division);
        return given().auth().oauth2(provinceAdmin).contentType("application/json").body(body)
                .when().post(INSTITUTIONS).then().statusCode(201).extract().header("ETag");
    }

    private static String specialties(String institutionId) {
        return INSTITUTIONS + "/" + institutionId + "/specialties";
    }

    private static ValidatableResponse put(String token, String path, String ifMatch, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType("application/json").body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put(path).then();
    }

    private static Map<String, Object> body(String name, String tag) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("tag", tag);
        return body;
    }

    private static void awaitEvent(String key, String etag) {
        String eventId = etag.replace("\"", "");
        TopicRecords.awaitRecord(Topics.SPECIALTIES.name(), record -> key.equals(record.key())
                && CloudEventHeaders.eventId(record.headers()).filter(eventId::equals).isPresent());
    }

    private static SpecialtySnapshot latest(String key) {
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.all(Topics.SPECIALTIES.name()).stream()
                .filter(record -> key.equals(record.key())).toList();
        return ContractCodec.standard().decode(records.get(records.size() - 1).value(), SpecialtySnapshot.class).orElseThrow();
    }
}
