package cn.hunan.mma.infra.testing;

import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

/**
 * What every service must do from day one: probes, metrics and API docs open; every API behind a
 * bearer token, 401 without one, 403 outside the caller's scope, errors as problem+json. Each
 * service's {@code @QuarkusTest} extends this, so the rule is checked against the real application.
 */
public abstract class ServiceBaselineContract {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final TokenClaims XIANGTAN_OPERATOR =
            TokenClaims.forSubject("xt-operator", "city-operator").inCity("430300");

    @Test
    void liveness_and_readiness_answer_up() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheus_metrics_are_served_without_a_token() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void the_openapi_document_describes_the_caller_endpoint() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).body("paths", hasKey("/api/v1/me"));
    }

    @Test
    void swagger_ui_is_served() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void an_api_call_without_a_token_is_401_problem_json() {
        given().when().get("/api/v1/me")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void a_token_signed_by_another_key_is_401() throws NoSuchAlgorithmException {
        String forged = new TokenMinter(anotherPrivateKey(), TokenMinter.DEFAULT_ISSUER, Clock.systemUTC())
                .mint(XIANGTAN_OPERATOR);

        given().auth().oauth2(forged).when().get("/api/v1/me").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    private static RSAPrivateKey anotherPrivateKey() throws NoSuchAlgorithmException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        return (RSAPrivateKey) rsa.generateKeyPair().getPrivate();
    }

    @Test
    void a_token_for_another_audience_is_401() {
        String foreign = TokenMinter.forTests().withAudience("another-application").mint(XIANGTAN_OPERATOR);

        given().auth().oauth2(foreign).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void an_expired_token_is_401() {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String expired = TokenMinter.forTests().withClock(twoHoursAgo).mint(XIANGTAN_OPERATOR);

        given().auth().oauth2(expired).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void a_valid_token_gets_its_roles_and_scope_back() {
        given().auth().oauth2(TokenMinter.forTests().mint(XIANGTAN_OPERATOR))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("subject", equalTo("xt-operator"))
                .body("roles", hasItem("city-operator"))
                .body("city", equalTo("430300"));
    }

    @Test
    void a_division_inside_the_callers_city_is_visible() {
        given().auth().oauth2(TokenMinter.forTests().mint(XIANGTAN_OPERATOR))
                .when().get("/api/v1/me/divisions/430321")
                .then().statusCode(200).body("visible", equalTo(true));
    }

    @Test
    void a_division_outside_the_callers_city_is_403_problem_json() {
        // 永定区 430802 belongs to 张家界市, not 湘潭市.
        given().auth().oauth2(TokenMinter.forTests().mint(XIANGTAN_OPERATOR))
                .when().get("/api/v1/me/divisions/430802")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("430802"));
    }

    @Test
    void a_malformed_division_code_is_400_problem_json_not_500() {
        given().auth().oauth2(TokenMinter.forTests().mint(XIANGTAN_OPERATOR))
                .when().get("/api/v1/me/divisions/hunan")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("hunan"));
    }
}
