package cn.hunan.mma.scoring.rest;

import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The HTTP API against the running application (same resources as the baseline test: one app start). */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(RealJwtTestResource.class)
class ScoringApiTest {

    private static final String PROVINCE_ADMIN = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("hn-admin", "province-admin").inProvince("430000"));
    private static final String CITY_OPERATOR = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("xt-operator", "city-operator").inCity("430300"));

    @BeforeEach
    void streams_are_running() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(PROVINCE_ADMIN)
                .get("/api/v1/rule-sets").statusCode() == 200);
    }

    @Test
    void a_province_admin_sees_the_seed_rule_set() {
        given().auth().oauth2(PROVINCE_ADMIN).when().get("/api/v1/rule-sets")
                .then().statusCode(200).body("version", hasItem("seed-2025.4"));
        given().auth().oauth2(PROVINCE_ADMIN).when().get("/api/v1/rule-sets/seed-2025.4")
                .then().statusCode(200).body("factorWeights.OUTPATIENT", equalTo(0.15f));
    }

    @Test
    void a_rule_set_with_an_unknown_event_field_is_400_problem_json_naming_it() {
        String body = """
                {"version":"bad-1","effectiveFrom":"2025-01-01","factorWeights":{"OUTPATIENT":1},
                 "measures":[{"id":"v","eventTypes":["OutpatientVisitRecorded"],"where":[{"field":"colour","anyOf":["red"]}]}],
                 "indicators":[]}""";
        given().auth().oauth2(PROVINCE_ADMIN).contentType("application/json").body(body)
                .when().post("/api/v1/rule-sets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("OutpatientVisitRecorded has no field colour"));
    }

    @Test
    void a_city_operator_may_not_load_a_rule_set() {
        given().auth().oauth2(CITY_OPERATOR).contentType("application/json").body("{}")
                .when().post("/api/v1/rule-sets")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void a_county_score_carries_its_rule_version_and_lineage() {
        given().auth().oauth2(CITY_OPERATOR).when().get("/api/v1/scores/county/430321/2025-03")
                .then().statusCode(200)
                .body("scope", equalTo("COUNTY:430321"))
                .body("ruleVersion", equalTo("seed-2025.4"))
                .body("indicators.indicatorId", hasItem("outpatient.primary-level-share"));
    }

    @Test
    void a_county_outside_the_callers_city_is_403() {
        given().auth().oauth2(CITY_OPERATOR).when().get("/api/v1/scores/county/430802/2025-03")
                .then().statusCode(403).contentType("application/problem+json");
    }

    /**
     * A query parameter its type cannot hold is the caller's mistake, not a missing endpoint: JAX-RS answers 404, the
     * platform's mapper 400 naming the parameter (platform-common README, 2026-11-25 (8)).
     */
    @Test
    void a_year_that_is_not_a_number_is_400_problem_json_naming_the_parameter() {
        given().auth().oauth2(CITY_OPERATOR).queryParam("year", "abc")
                .when().get("/api/v1/scores/county/430321/history")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("year: expected a whole number"))
                .body("errors[0].field", equalTo("year"))
                .body("toString()", not(containsString("abc")));
    }

    @Test
    void of_two_number_parameters_the_one_that_is_not_a_number_is_named() {
        given().auth().oauth2(PROVINCE_ADMIN).queryParam("page", "1").queryParam("size", "twenty")
                .when().get("/api/v1/rankings/county/2025-03")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("size: expected a whole number"))
                .body("errors.field", contains("size"));
    }

    @Test
    void an_unknown_version_and_an_unknown_path_stay_404() {
        given().auth().oauth2(PROVINCE_ADMIN).when().get("/api/v1/rule-sets/seed-1999.1")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no rule set version seed-1999.1"));
        given().auth().oauth2(CITY_OPERATOR).when().get("/api/v1/scores/county/430321/2025-03/extra")
                .then().statusCode(404);
    }

    /** The dashboard's address without its slash (a 404 before) leads to the dashboard, query kept; deeper paths do not. */
    @Test
    void the_dashboard_address_without_its_slash_redirects_to_the_dashboard() {
        given().redirects().follow(false).queryParam("period", "2025-03").when().get("/dashboard")
                .then().statusCode(301).header("Location", equalTo("dashboard/?period=2025-03"));
        given().redirects().follow(false).when().head("/dashboard")
                .then().statusCode(301).header("Location", equalTo("dashboard/"));
        given().redirects().follow(false).when().get("/dashboard/nothing-here")
                .then().statusCode(404);
        given().redirects().follow(false).when().get("/dashboards")
                .then().statusCode(404);
    }

    /**
     * The scorer's dead letters on the meter every service reports (root README), on the Quarkus registry that
     * /q/metrics serves: a truncated conduct incident is refused by the decoder and counted under its topic.
     */
    @Test
    void a_record_the_scorer_dead_letters_is_counted_on_the_metrics_endpoint() throws Exception {
        String series = "mma_contract_rejections_total{reason=\"MALFORMED_JSON\",topic=\"" + Topics.CONDUCT.name() + "\"}";
        double before = metric(series);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CONDUCT.name(), "430321H0001", "{\"type\":\"ConductIncidentRecorded\",")).get();
        }

        // At least: a task retried under exactly-once may count its dead letter twice (DeadLetterCount).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(metric(series)).isGreaterThanOrEqualTo(before + 1));
    }

    /** A sample's value on /q/metrics (Prometheus text), 0 when the series is not there yet. */
    private static double metric(String series) {
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).orElse(0.0);
    }
}
