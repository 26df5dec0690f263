package cn.hunan.mma.scoring.rest;

import cn.hunan.mma.events.care.Charges;
import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.care.VisitKind;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.matrix.AllianceDissolution;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import cn.hunan.mma.scoring.streams.MatrixArrival;
import cn.hunan.mma.scoring.streams.ScoringTopology;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Rankings against the running application fed through the real broker: two county medical
 * communities in 湘潭县 (430321) and 湘乡市 (430381), each with a village clinic and a county
 * hospital. Visits: 湘潭县 village 1, county hospital 3; 湘乡 village 1, county hospital 1 — so the
 * primary-level share (target 0.65) is 1/4 → 0.25/0.65 = 38.46 for 湘潭县's community and 2/4 →
 * 76.92 for 湘乡's; each village clinic has 1.00 → 100.00 and each county hospital 0 → 0.00.
 */
@org.junit.jupiter.api.Tag("own-broker")
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(RealJwtTestResource.class)
class RankingsApiTest {

    private static final String PROVINCE_ADMIN = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("hn-admin", "province-admin").inProvince("430000"));
    private static final String SHARE = "indicator:outpatient.primary-level-share";
    private static final InstitutionId XIANGTAN_VILLAGE = InstitutionId.of("430321V100901");
    private static final InstitutionId XIANGTAN_COUNTY = InstitutionId.of("430321H0901");
    private static final InstitutionId XIANGXIANG_VILLAGE = InstitutionId.of("430381V100902");
    private static final InstitutionId XIANGXIANG_COUNTY = InstitutionId.of("430381H0902");
    private static final Instant MARCH = Instant.parse("2025-03-12T02:00:00Z");
    private static final Instant APRIL = Instant.parse("2025-04-12T02:00:00Z");
    private static final Instant JUNE = Instant.parse("2025-06-12T02:00:00Z");
    private static final Instant JULY = Instant.parse("2025-07-12T02:00:00Z");
    private static final String ZHUZHOU_OPERATOR = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("zz-operator", "city-operator").inCity("430200"));
    private static final String XIANGTAN_OPERATOR = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("xt-operator", "city-operator").inCity("430300"));
    private static final String CHANGSHA_OPERATOR = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("cs-operator", "city-operator").inCity("430100"));
    private static final ContractCodec CODEC = ContractCodec.standard();

    private static boolean visitsPublished;

    @Inject
    KafkaStreams streams;

    @BeforeAll
    static void publishTheMatrix() {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (InstitutionSnapshot institution : List.of(
                    institution(XIANGTAN_VILLAGE, Level.VILLAGE, "430321100901", "CC-430321"),
                    institution(XIANGTAN_COUNTY, Level.COUNTY, "430321", "CC-430321"),
                    institution(XIANGXIANG_VILLAGE, Level.VILLAGE, "430381100902", "CC-430381"),
                    institution(XIANGXIANG_COUNTY, Level.COUNTY, "430381", "CC-430381"))) {
                send(producer, Topics.INSTITUTIONS.name(), institution.institutionId().value(), CODEC.encode(institution));
            }
            send(producer, Topics.ALLIANCES.name(), "CC-430321", CODEC.encode(alliance("CC-430321", "湘潭县医共体", XIANGTAN_COUNTY, XIANGTAN_VILLAGE, "430321")));
            send(producer, Topics.ALLIANCES.name(), "CC-430381", CODEC.encode(alliance("CC-430381", "湘乡市医共体", XIANGXIANG_COUNTY, XIANGXIANG_VILLAGE, "430381")));
        }
    }

    /**
     * The visits go out once the scorer holds the matrix (see {@link MatrixArrival}: a visit processed before
     * its alliance arrived would count for no alliance); until the scorer is RUNNING every ranking is 503.
     */
    @BeforeEach
    void the_visits_are_published_once_the_matrix_is_in() {
        if (!visitsPublished) {
            MatrixArrival.waitFor(streams,
                    List.of(XIANGTAN_VILLAGE.value(), XIANGTAN_COUNTY.value(), XIANGXIANG_VILLAGE.value(), XIANGXIANG_COUNTY.value()),
                    List.of("CC-430321", "CC-430381"));
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                for (InstitutionId at : List.of(XIANGTAN_VILLAGE, XIANGTAN_COUNTY, XIANGTAN_COUNTY, XIANGTAN_COUNTY, XIANGXIANG_VILLAGE, XIANGXIANG_COUNTY)) {
                    send(producer, Topics.OUTPATIENT_VISITS.name(), at.value(), CODEC.encode(visit(at)));
                }
            }
            visitsPublished = true;
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(PROVINCE_ADMIN)
                .get("/api/v1/rankings/alliance/2025-03").statusCode() == 200);
    }

    @Test
    void alliances_rank_by_one_indicator() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(PROVINCE_ADMIN).queryParam("by", SHARE).queryParam("area", "430300")
                        .when().get("/api/v1/rankings/alliance/2025-03")
                        .then().statusCode(200)
                        .body("ruleVersion", equalTo("seed-2025.4"))
                        .body("entries.id", contains("CC-430381", "CC-430321"))
                        .body("entries.value", contains(76.92f, 38.46f))
                        .body("entries.rank", contains(1, 2)));
    }

    @Test
    void institutions_with_equal_scores_share_a_rank_and_pages_continue_the_ranks() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(PROVINCE_ADMIN).queryParam("by", SHARE).queryParam("area", "430300")
                        .queryParam("size", 2).queryParam("page", 1)
                        .when().get("/api/v1/rankings/institution/2025-03")
                        .then().statusCode(200)
                        .body("total", equalTo(4))
                        .body("entries.id", contains(XIANGTAN_COUNTY.value(), XIANGXIANG_COUNTY.value()))
                        .body("entries.rank", contains(3, 3))
                        .body("entries.value", contains(0.0f, 0.0f)));
    }

    @Test
    void institutions_filter_by_alliance_and_level() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(PROVINCE_ADMIN).queryParam("by", SHARE).queryParam("alliance", "CC-430381")
                        .when().get("/api/v1/rankings/institution/2025-03")
                        .then().statusCode(200)
                        .body("entries.id", contains(XIANGXIANG_VILLAGE.value(), XIANGXIANG_COUNTY.value()))
                        .body("entries.value", contains(100.0f, 0.0f)));
        given().auth().oauth2(PROVINCE_ADMIN).queryParam("by", SHARE).queryParam("level", "village").queryParam("area", "430300")
                .when().get("/api/v1/rankings/institution/2025-03")
                .then().statusCode(200)
                .body("entries.id", contains(XIANGTAN_VILLAGE.value(), XIANGXIANG_VILLAGE.value()))
                .body("entries.rank", contains(1, 1));
    }

    /**
     * No discharges anywhere in 湘乡's community: no institution has an INPATIENT score, so a ranking by that factor lists
     * none of them (until 2026-11-25 (9) both at 0.00, as if measured and failed), and the score shows the factor as
     * null; OUTPATIENT, which their visits score, ranks both.
     */
    @Test
    void a_ranking_by_a_factor_leaves_out_the_institutions_with_no_data_for_it() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(PROVINCE_ADMIN).queryParam("by", "factor:OUTPATIENT").queryParam("alliance", "CC-430381")
                        .when().get("/api/v1/rankings/institution/2025-03")
                        .then().statusCode(200)
                        .body("entries.id", containsInAnyOrder(XIANGXIANG_VILLAGE.value(), XIANGXIANG_COUNTY.value())));
        given().auth().oauth2(PROVINCE_ADMIN).queryParam("by", "factor:INPATIENT").queryParam("alliance", "CC-430381")
                .when().get("/api/v1/rankings/institution/2025-03")
                .then().statusCode(200)
                .body("total", equalTo(0))
                .body("entries", empty());
        given().auth().oauth2(PROVINCE_ADMIN).when().get("/api/v1/scores/institution/" + XIANGXIANG_VILLAGE.value() + "/2025-03")
                .then().statusCode(200)
                .body("factors", hasKey("INPATIENT"))
                .body("factors.INPATIENT", nullValue())
                .body("factors.OUTPATIENT", notNullValue());
    }

    /**
     * 醴陵市's community (430281, city 株洲 430200) counts visits in March and April, then the matrix states it dissolved
     * on 1 April (Beijing time) — its lead alone covering nothing. Its March totals stay: it still ranks in March and a
     * city operator of 株洲 still reads its score (before 2026-11-25 (5): missing from the ranking, 404); April, which
     * began after the dissolution, does not show it although it counted April visits before the dissolution arrived.
     */
    @Test
    void a_dissolved_alliance_still_ranks_in_the_periods_it_was_live_in_and_its_scores_stay_readable() {
        InstitutionId village = InstitutionId.of("430281V100903");
        InstitutionId county = InstitutionId.of("430281H0903");
        AllianceSnapshot liling = alliance("CC-430281", "醴陵市医共体", county, village, "430281");
        stated(liling, institution(village, Level.VILLAGE, "430281100903", "CC-430281"),
                institution(county, Level.COUNTY, "430281", "CC-430281"));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (Instant when : List.of(MARCH, APRIL)) {
                send(producer, Topics.OUTPATIENT_VISITS.name(), village.value(), CODEC.encode(visit(village, when)));
                send(producer, Topics.OUTPATIENT_VISITS.name(), county.value(), CODEC.encode(visit(county, when)));
            }
        }
        // Counted while live: 1 of 2 visits at primary level → 0.5 / 0.65 = 76.92 in either month.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                zhuzhouRanking("2025-04").body("entries.id", contains("CC-430281")));

        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, Topics.ALLIANCES.name(), "CC-430281", CODEC.encode(
                    AllianceDissolution.of(liling, EventId.of(UUID.randomUUID()), Instant.parse("2025-03-31T16:00:00Z"))));
        }
        // The kept make-up reaches the stores with the scorer's next commit (up to a second), the dissolution at once.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            zhuzhouRanking("2025-04").body("entries", empty());
            zhuzhouRanking("2025-03").body("entries.id", contains("CC-430281")).body("entries.value", contains(76.92f));
        });
        given().auth().oauth2(ZHUZHOU_OPERATOR).when().get("/api/v1/scores/alliance/CC-430281/2025-03")
                .then().statusCode(200).body("scope", equalTo("ALLIANCE:CC-430281"));
        // Scoped by the division it covered: 湘潭's operator is refused, as while it was live.
        given().auth().oauth2(XIANGTAN_OPERATOR).when().get("/api/v1/scores/alliance/CC-430281/2025-03")
                .then().statusCode(403);
    }

    /**
     * A specialty alliance covers 岳塘区 (430302, city 湘潭 430300) first and 荷塘区 (430202, city 株洲 430200) second: its
     * lead hospital in 岳塘区 and a village clinic in 荷塘区 each see one visit in June — 1 of 2 at primary level, 0.5 /
     * 0.65 = 76.92. The city operators of both cities read its score and see it in their city's ranking; 长沙's (430100)
     * is refused and does not see it ranked. Before 2026-11-25 (6) it sat in its first covered division only: 株洲's
     * operator was refused (403) and found it missing from 株洲's ranking.
     */
    @Test
    void an_alliance_covering_two_cities_is_reached_by_the_operators_of_both() {
        InstitutionId hospital = InstitutionId.of("430302H0904");
        InstitutionId village = InstitutionId.of("430202V100904");
        AllianceSnapshot acrossCities = new AllianceSnapshot(EventId.of(UUID.randomUUID()), Instant.parse("2025-01-01T00:00:00Z"),
                AllianceId.of("SA-0904"), "湘潭株洲心血管专科联盟", AllianceKind.SPECIALTY_ALLIANCE, hospital, List.of(hospital, village),
                List.of(DivisionCode.of("430302"), DivisionCode.of("430202")), List.of());
        stated(acrossCities, institution(hospital, Level.COUNTY, "430302", "SA-0904"),
                institution(village, Level.VILLAGE, "430202100904", "SA-0904"));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, Topics.OUTPATIENT_VISITS.name(), hospital.value(), CODEC.encode(visit(hospital, JUNE)));
            send(producer, Topics.OUTPATIENT_VISITS.name(), village.value(), CODEC.encode(visit(village, JUNE)));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                cityRanking(XIANGTAN_OPERATOR, "430300", "2025-06").body("entries.id", contains("SA-0904")).body("entries.value", contains(76.92f)));

        cityRanking(ZHUZHOU_OPERATOR, "430200", "2025-06").body("entries.id", contains("SA-0904")).body("entries.value", contains(76.92f));
        for (String operator : List.of(XIANGTAN_OPERATOR, ZHUZHOU_OPERATOR)) {
            given().auth().oauth2(operator).when().get("/api/v1/scores/alliance/SA-0904/2025-06")
                    .then().statusCode(200).body("scope", equalTo("ALLIANCE:SA-0904"));
        }
        given().auth().oauth2(CHANGSHA_OPERATOR).when().get("/api/v1/scores/alliance/SA-0904/2025-06")
                .then().statusCode(403).contentType("application/problem+json");
        cityRanking(CHANGSHA_OPERATOR, "430100", "2025-06").body("entries", empty());
    }

    /**
     * The user of 湘潭县's village clinic, a member of CC-430321, reads as a member reads its alliance's budget and close in
     * the settlement service: its clinic's score, its alliance's score and surplus projection (404 here: no budget is
     * published, where a non-member is refused), and its alliance in the alliance ranking — 38.46, 1 of 4 visits at primary
     * level. Not 湘乡's community (403), not the county hospital of its own alliance (403), which is also left out of the
     * institution ranking of its alliance: its clinic alone, 100.00. Before 2026-11-25 (7) it was refused its own
     * alliance (403) and found the alliance ranking empty.
     */
    @Test
    void an_institution_user_reads_its_own_alliance_but_no_other_alliance_or_institution() {
        String villageUser = institutionUser(XIANGTAN_VILLAGE);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(villageUser).queryParam("by", SHARE).when().get("/api/v1/rankings/alliance/2025-03")
                        .then().statusCode(200).body("entries.id", contains("CC-430321")).body("entries.value", contains(38.46f)));
        given().auth().oauth2(villageUser).when().get("/api/v1/scores/alliance/CC-430321/2025-03")
                .then().statusCode(200).body("scope", equalTo("ALLIANCE:CC-430321"));
        given().auth().oauth2(villageUser).when().get("/api/v1/scores/institution/" + XIANGTAN_VILLAGE.value() + "/2025-03")
                .then().statusCode(200).body("scope", equalTo("INSTITUTION:" + XIANGTAN_VILLAGE.value()));
        given().auth().oauth2(villageUser).when().get("/api/v1/surplus/CC-430321/2025")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(villageUser).queryParam("by", SHARE).queryParam("alliance", "CC-430321")
                .when().get("/api/v1/rankings/institution/2025-03")
                .then().statusCode(200).body("entries.id", contains(XIANGTAN_VILLAGE.value())).body("entries.value", contains(100.0f));

        for (String refused : List.of("/api/v1/scores/alliance/CC-430381/2025-03", "/api/v1/surplus/CC-430381/2025",
                "/api/v1/scores/institution/" + XIANGTAN_COUNTY.value() + "/2025-03")) {
            given().auth().oauth2(villageUser).when().get(refused)
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    /**
     * 衡阳县's community (430421, outside the areas the other tests rank) counts a July visit at each of its two members:
     * 1 of 2 at primary level → 76.92. Its village clinic's user reads the alliance's score and sees it ranked; then the
     * matrix restates the community without the clinic on 1 August (it left; the community goes on with its hospital)
     * and the clinic's user is refused the alliance's score — also of July, when it was a member — and no longer sees it
     * ranked: membership is judged by the make-up the matrix states now, as the settlement service judges it. Only the
     * alliance is restated: the clinic's own record still names CC-430421, so the alliance's {@code memberIds} decide.
     * Then the community is dissolved on 1 September with no event counted since the restatement: the clinic's user is
     * still refused its score, history, surplus projection and ranking, while the hospital's user still reads July.
     * Before 2026-11-25 (7) the dissolved alliance was read by the make-up it had last counted under, which still listed
     * the clinic: 200 again.
     */
    @Test
    void an_institution_that_left_its_alliance_no_longer_reads_the_alliance() {
        InstitutionId hospital = InstitutionId.of("430421H0905");
        InstitutionId village = InstitutionId.of("430421V100905");
        AllianceSnapshot hengyang = alliance("CC-430421", "衡阳县医共体", hospital, village, "430421");
        stated(hengyang, institution(hospital, Level.COUNTY, "430421", "CC-430421"),
                institution(village, Level.VILLAGE, "430421100905", "CC-430421"));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, Topics.OUTPATIENT_VISITS.name(), hospital.value(), CODEC.encode(visit(hospital, JULY)));
            send(producer, Topics.OUTPATIENT_VISITS.name(), village.value(), CODEC.encode(visit(village, JULY)));
        }
        String villageUser = institutionUser(village);
        String hospitalUser = institutionUser(hospital);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(villageUser).queryParam("by", SHARE).when().get("/api/v1/rankings/alliance/2025-07")
                        .then().statusCode(200).body("entries.id", contains("CC-430421")).body("entries.value", contains(76.92f)));
        given().auth().oauth2(villageUser).when().get("/api/v1/scores/alliance/CC-430421/2025-07")
                .then().statusCode(200).body("scope", equalTo("ALLIANCE:CC-430421"));

        AllianceSnapshot withoutTheClinic = new AllianceSnapshot(EventId.of(UUID.randomUUID()), Instant.parse("2025-07-31T16:00:00Z"),
                hengyang.allianceId(), hengyang.name(), hengyang.kind(), hospital, List.of(hospital), hengyang.coveredDivisions(), List.of());
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, Topics.ALLIANCES.name(), "CC-430421", CODEC.encode(withoutTheClinic));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(villageUser).when().get("/api/v1/scores/alliance/CC-430421/2025-07")
                        .then().statusCode(403).contentType("application/problem+json"));
        thenTheClinicIsRefusedAndTheHospitalReads(villageUser, hospitalUser);

        // The scorer keeps the restatement as the alliance's last live make-up (within a restatement check and a commit);
        // a dissolution arriving before that would have replaced it in the matrix store unseen (README, "Dissolved alliances").
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                allianceIn(ScoringTopology.ALLIANCE_MAKEUPS_STORE, "CC-430421").eventId().equals(withoutTheClinic.eventId()));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, Topics.ALLIANCES.name(), "CC-430421", CODEC.encode(
                    AllianceDissolution.of(withoutTheClinic, EventId.of(UUID.randomUUID()), Instant.parse("2025-08-31T16:00:00Z"))));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                AllianceDissolution.isDissolved(allianceIn(ScoringTopology.ALLIANCES_STORE, "CC-430421")));
        thenTheClinicIsRefusedAndTheHospitalReads(villageUser, hospitalUser);
    }

    /** The clinic that left: refused the alliance everywhere, its own clinic still read; the hospital, still a member, reads July. */
    private static void thenTheClinicIsRefusedAndTheHospitalReads(String villageUser, String hospitalUser) {
        for (String refused : List.of("/api/v1/scores/alliance/CC-430421/2025-07", "/api/v1/scores/alliance/CC-430421/history?year=2025",
                "/api/v1/surplus/CC-430421/2025")) {
            given().auth().oauth2(villageUser).when().get(refused)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(villageUser).queryParam("by", SHARE).when().get("/api/v1/rankings/alliance/2025-07")
                .then().statusCode(200).body("entries", empty());
        given().auth().oauth2(villageUser).when().get("/api/v1/scores/institution/430421V100905/2025-07")
                .then().statusCode(200);
        given().auth().oauth2(hospitalUser).when().get("/api/v1/scores/alliance/CC-430421/2025-07")
                .then().statusCode(200).body("scope", equalTo("ALLIANCE:CC-430421"));
        given().auth().oauth2(hospitalUser).queryParam("by", SHARE).when().get("/api/v1/rankings/alliance/2025-07")
                .then().statusCode(200).body("entries.id", contains("CC-430421")).body("entries.value", contains(76.92f));
    }

    private AllianceSnapshot allianceIn(String store, String allianceId) {
        return streams.store(org.apache.kafka.streams.StoreQueryParameters.fromNameAndType(store,
                org.apache.kafka.streams.state.QueryableStoreTypes.<String, AllianceSnapshot>keyValueStore())).get(allianceId);
    }

    private static String institutionUser(InstitutionId at) {
        return TokenMinter.forTests().mint(TokenClaims.forSubject("user-" + at.value(), "institution-user").atInstitution(at.value()));
    }

    private static io.restassured.response.ValidatableResponse cityRanking(String operator, String city, String period) {
        return given().auth().oauth2(operator).queryParam("by", SHARE).queryParam("area", city)
                .when().get("/api/v1/rankings/alliance/" + period)
                .then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse zhuzhouRanking(String period) {
        return cityRanking(ZHUZHOU_OPERATOR, "430200", period);
    }

    @Test
    void an_unknown_factor_indicator_or_period_is_400_problem_json() {
        given().auth().oauth2(PROVINCE_ADMIN).queryParam("by", "factor:HAPPINESS")
                .when().get("/api/v1/rankings/institution/2025-03")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("HAPPINESS"));
        given().auth().oauth2(PROVINCE_ADMIN).queryParam("by", "indicator:no.such-indicator")
                .when().get("/api/v1/rankings/alliance/2025-03")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("no.such-indicator"));
        given().auth().oauth2(PROVINCE_ADMIN)
                .when().get("/api/v1/rankings/institution/2025-13")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value));
    }

    /** The alliance and its institutions stated on the matrix topics, and in the scorer's global stores. */
    private void stated(AllianceSnapshot alliance, InstitutionSnapshot... institutions) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (InstitutionSnapshot institution : institutions) {
                send(producer, Topics.INSTITUTIONS.name(), institution.institutionId().value(), CODEC.encode(institution));
            }
            send(producer, Topics.ALLIANCES.name(), alliance.allianceId().value(), CODEC.encode(alliance));
        }
        MatrixArrival.waitFor(streams, Arrays.stream(institutions).map(one -> one.institutionId().value()).toList(),
                List.of(alliance.allianceId().value()));
    }

    private static InstitutionSnapshot institution(InstitutionId id, Level level, String division, String alliance) {
        return new InstitutionSnapshot(EventId.of(UUID.randomUUID()), Instant.parse("2025-01-01T00:00:00Z"), id, "机构 " + id.value(), level,
                level == Level.VILLAGE ? InstitutionKind.CLINIC : InstitutionKind.GENERAL, DivisionCode.of(division), null, null,
                List.of(AllianceId.of(alliance)), true);
    }

    private static AllianceSnapshot alliance(String id, String name, InstitutionId lead, InstitutionId village, String county) {
        return new AllianceSnapshot(EventId.of(UUID.randomUUID()), Instant.parse("2025-01-01T00:00:00Z"), AllianceId.of(id), name,
                AllianceKind.COUNTY_COMMUNITY, lead, List.of(lead, village), List.of(DivisionCode.of(county)), List.of());
    }

    private static OutpatientVisitRecorded visit(InstitutionId at) {
        return visit(at, MARCH);
    }

    private static OutpatientVisitRecorded visit(InstitutionId at, Instant when) {
        return new OutpatientVisitRecorded(EventId.of(UUID.randomUUID()), when, at, DepartmentId.of("internal"), VisitKind.OUTPATIENT,
                PatientPseudonym.of("cd".repeat(32)), DivisionCode.of("430321100901"), Icd10Code.of("I10"),
                new Charges(Money.ofYuan("20.00"), Money.ofYuan("0.00"), Money.ofYuan("0.00")), false, null, null);
    }
}
