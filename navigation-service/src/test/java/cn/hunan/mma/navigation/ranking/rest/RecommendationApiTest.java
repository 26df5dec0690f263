package cn.hunan.mma.navigation.ranking.rest;

import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static cn.hunan.mma.events.matrix.SpecialtyTag.KEY;
import static cn.hunan.mma.events.matrix.SpecialtyTag.ORDINARY;
import static cn.hunan.mma.events.value.Level.CITY;
import static cn.hunan.mma.events.value.Level.COUNTY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The recommendation endpoints against the real application, PostgreSQL and Kafka, on a matrix
 * imported through the registry. Per test, in 湘潭县 (430321): county hospitals A (ordinary) and
 * B (key specialty) and, in 雨湖区, city hospital C (key), all with one department; the catalogue
 * sends the test's diagnosis to COUNTY. So the rules give B (target level, key), then A (target
 * level, ordinary), then C (a level above the target).
 *
 * <p>The public endpoint's bucket holds 5 tokens in tests; the rate-limit test drains it, so it runs last.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "navigation"))
@QuarkusTestResource(RealJwtTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecommendationApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PUBLIC = "/api/v1/navigation/recommendations";
    private static final String REFERRAL = "/api/v1/navigation/referral-recommendations";

    private final String suffix = String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
    private final String department = "NAV" + suffix;
    private final String diagnosis = "U" + suffix.substring(0, 2) + "." + suffix.substring(2);
    private final String countyOrdinary = "NV" + suffix + "A";
    private final String countyKey = "NV" + suffix + "B";
    private final String cityKey = "NV" + suffix + "C";

    private final String provinceAdmin = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("hn-admin", "province-admin").inProvince("430000"));
    private final String doctorAtCountyKey = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("doctor-b", "institution-user").atInstitution(countyKey));

    @TempDir
    Path temp;

    @BeforeEach
    void import_the_matrix() {
        Path directory = new NavigationMatrixDirectory()
                .hospital(countyOrdinary, COUNTY, "430321", "27.7790", "112.9520", department, ORDINARY)
                .hospital(countyKey, COUNTY, "430321", "27.7800", "112.9600", department, KEY)
                .hospital(cityKey, CITY, "430302", "27.8560", "112.9040", department, KEY)
                .catalogue(diagnosis, COUNTY)
                .writeTo(temp.resolve("matrix"));
        given().auth().oauth2(provinceAdmin).contentType("application/json")
                .body(Map.of("directory", directory.toString()))
                .when().post("/api/v1/registry/imports")
                .then().statusCode(200).body("rejected", equalTo(0));
    }

    @Test
    @Order(1)
    void public_call_without_token_ranks_the_key_department_at_the_target_level_first() {
        given().queryParam("diagnosis", diagnosis).queryParam("department", department).queryParam("division", "430321")
                .when().get(PUBLIC)
                .then().statusCode(200)
                .body("institutionId", contains(countyKey, countyOrdinary, cityKey))
                .body("[0].tag", equalTo("KEY"))
                .body("[0].level", equalTo("COUNTY"))
                .body("[0].departmentId", equalTo(department));
    }

    @Test
    @Order(2)
    void an_urgent_case_is_sent_one_level_up_so_county_hospitals_drop_out() {
        given().queryParam("diagnosis", diagnosis).queryParam("department", department)
                .queryParam("lat", "27.78").queryParam("lng", "112.95").queryParam("urgency", "URGENT")
                .when().get(PUBLIC)
                .then().statusCode(200)
                .body("institutionId", contains(cityKey));
    }

    @Test
    @Order(3)
    void referral_call_without_token_is_unauthorized() {
        given().queryParam("diagnosis", diagnosis).queryParam("division", "430321")
                .when().get(REFERRAL)
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    @Order(4)
    void referral_call_with_token_does_not_offer_the_patient_back_to_the_current_institution() {
        given().auth().oauth2(doctorAtCountyKey)
                .queryParam("diagnosis", diagnosis).queryParam("department", department)
                .queryParam("division", "430321").queryParam("currentInstitution", countyKey)
                .when().get(REFERRAL)
                .then().statusCode(200)
                .body("institutionId", contains(countyOrdinary, cityKey));
    }

    @Test
    @Order(5)
    void a_diagnosis_no_catalogue_entry_covers_is_refused_naming_the_field() {
        given().auth().oauth2(doctorAtCountyKey)
                .queryParam("diagnosis", "W99.9").queryParam("division", "430321")
                .when().get(REFERRAL)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("diagnosis"))
                .body("errors[0].reason", equalTo("UNKNOWN_DIAGNOSIS"));
    }

    @Test
    @Order(6)
    void a_location_outside_hunan_is_refused() {
        given().auth().oauth2(doctorAtCountyKey)
                .queryParam("department", department).queryParam("lat", "39.90").queryParam("lng", "116.40")
                .when().get(REFERRAL)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("lat", "lng"))
                .body("errors[0].reason", equalTo("LOCATION_OUTSIDE_HUNAN"));
    }

    @Test
    @Order(7)
    void a_request_without_diagnosis_or_department_is_refused() {
        given().auth().oauth2(doctorAtCountyKey).queryParam("division", "430321")
                .when().get(REFERRAL)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("diagnosis"))
                .body("errors[0].reason", equalTo("MISSING_FIELD"));
    }

    @Test
    @Order(8)
    void limit_keeps_the_best_candidates_and_is_refused_outside_one_to_fifty() {
        given().auth().oauth2(doctorAtCountyKey)
                .queryParam("diagnosis", diagnosis).queryParam("department", department)
                .queryParam("division", "430321").queryParam("limit", "2")
                .when().get(REFERRAL)
                .then().statusCode(200)
                .body("institutionId", contains(countyKey, countyOrdinary));
        for (String outOfRange : List.of("0", "51", "ten")) {
            given().auth().oauth2(doctorAtCountyKey)
                    .queryParam("department", department).queryParam("division", "430321")
                    .queryParam("limit", outOfRange)
                    .when().get(REFERRAL)
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
    }

    @Test
    @Order(9)
    void referral_call_with_a_token_that_fails_verification_is_unauthorized() {
        // The doctor's token with its signature cut off: not verifiable.
        String tampered = doctorAtCountyKey.substring(0, doctorAtCountyKey.lastIndexOf('.') + 1) + "AAAA";
        given().auth().oauth2(tampered)
                .queryParam("department", department).queryParam("division", "430321")
                .when().get(REFERRAL)
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    @Order(10)
    void referral_call_by_a_role_that_does_not_refer_is_forbidden() {
        String auditor = TokenMinter.forTests().mint(TokenClaims.forSubject("auditor-1", "auditor").inProvince("430000"));
        given().auth().oauth2(auditor)
                .queryParam("department", department).queryParam("division", "430321")
                .when().get(REFERRAL)
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("status", equalTo(403));
    }

    @Test
    @Order(11)
    void a_malformed_escape_in_the_query_string_is_refused_as_the_callers_mistake() throws IOException {
        // "%E" is an unterminated escape. HTTP clients refuse to send such a target, so it goes raw.
        // Vert.x refuses it before any route (400, empty body); the route would answer 400 too.
        String target = REFERRAL + "?department=" + department + "&division=430321&diagnosis=%E";
        String response = rawGet(target, doctorAtCountyKey);

        assertThat(response).startsWith("HTTP/1.1 400");
    }

    /** One GET over a plain socket, as sent; the whole response as text (the server closes after it). */
    private static String rawGet(String target, String bearerToken) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + bearerToken
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @Order(100)
    void public_calls_beyond_the_burst_are_told_when_to_retry() {
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            responses.add(given().queryParam("department", department).queryParam("division", "430321")
                    .when().get(PUBLIC));
        }

        List<Response> limited = responses.stream().filter(response -> response.statusCode() == 429).toList();
        assertThat(limited).isNotEmpty();
        assertThat(limited.get(0).contentType()).startsWith(PROBLEM_JSON);
        assertThat(Long.parseLong(limited.get(0).header("Retry-After"))).isPositive();
    }
}
