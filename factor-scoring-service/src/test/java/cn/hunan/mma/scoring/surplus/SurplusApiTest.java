package cn.hunan.mma.scoring.surplus;

import cn.hunan.mma.events.care.Charges;
import cn.hunan.mma.events.care.DischargeMode;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.insurance.AllianceBudgetApproved;
import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.DrgCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.events.value.SignedMoney;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import cn.hunan.mma.scoring.streams.MatrixArrival;
import cn.hunan.mma.scoring.streams.TopicToItsEnd;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The surplus API against the running application fed through the real broker: 慈利县 (430821, 张家界 — outside
 * the 湘潭 area the rankings test ranks) with a county hospital and a township centre, a package of ¥1,000,000.00
 * and two residents' discharges, ¥450,000.00 in the county and ¥150,000.00 at a Changsha hospital (out of area):
 * spend to date ¥600,000.00, surplus ¥400,000.00. The member scores are the scorer's own, so the test checks the
 * arithmetic that does not depend on them (spend, surplus, members adding up to the pool) and that the GET returns
 * the bytes published on the compacted topic.
 */
@Tag("own-broker")
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(RealJwtTestResource.class)
class SurplusApiTest {

    private static final String ALLIANCE = "CC-430821";
    private static final String PROVINCE_ADMIN = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("hn-admin", "province-admin").inProvince("430000"));
    private static final String OTHER_ALLIANCE_OPERATOR = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("xt-operator", "alliance-operator").inCity("430300").inAlliance("CC-430321"));
    private static final InstitutionId COUNTY = InstitutionId.of("430821H0001");
    private static final InstitutionId TOWNSHIP = InstitutionId.of("430821T0100");
    private static final InstitutionId CHANGSHA = InstitutionId.of("430105H0801");
    private static final Instant APRIL = Instant.parse("2025-04-08T02:00:00Z");

    private static boolean dischargesPublished;

    @Inject
    KafkaStreams streams;

    @BeforeAll
    static void publishTheMatrixAndTheBudget() {
        ContractCodec codec = ContractCodec.standard();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            send(producer, Topics.INSTITUTIONS.name(), COUNTY.value(), codec.encode(institution(COUNTY, Level.COUNTY, "430821")));
            send(producer, Topics.INSTITUTIONS.name(), TOWNSHIP.value(), codec.encode(institution(TOWNSHIP, Level.TOWNSHIP, "430821100")));
            send(producer, Topics.INSTITUTIONS.name(), CHANGSHA.value(), codec.encode(institution(CHANGSHA, Level.PROVINCE, "430105")));
            send(producer, Topics.ALLIANCES.name(), ALLIANCE, codec.encode(new AllianceSnapshot(EventId.of(UUID.randomUUID()),
                    Instant.parse("2025-01-01T00:00:00Z"), AllianceId.of(ALLIANCE), "慈利县医共体", AllianceKind.COUNTY_COMMUNITY,
                    COUNTY, List.of(COUNTY, TOWNSHIP), List.of(DivisionCode.of("430821")), List.of())));
            send(producer, Topics.BUDGETS.name(), ALLIANCE + ":2025", codec.encode(new AllianceBudgetApproved(
                    EventId.of(UUID.randomUUID()), Instant.parse("2025-01-05T00:00:00Z"), AllianceId.of(ALLIANCE), 2025,
                    Money.ofYuan("1000000.00"), BigDecimal.ZERO, Money.ZERO, Money.ZERO, SignedMoney.ZERO,
                    Money.ofYuan("1000000.00"), "zjj-2025.1", "insurance-bureau")));
        }
    }

    /** The discharges go out once the scorer holds the matrix ({@link MatrixArrival}): one counted before would count for no alliance. */
    @BeforeEach
    void the_discharges_are_published_once_the_matrix_is_in() {
        if (dischargesPublished) {
            return;
        }
        MatrixArrival.waitFor(streams, List.of(COUNTY.value(), TOWNSHIP.value(), CHANGSHA.value()), List.of(ALLIANCE));
        ContractCodec codec = ContractCodec.standard();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            send(producer, Topics.INPATIENT.name(), COUNTY.value(), codec.encode(discharge(COUNTY, "450000.00")));
            send(producer, Topics.INPATIENT.name(), CHANGSHA.value(), codec.encode(discharge(CHANGSHA, "150000.00")));
        }
        dischargesPublished = true;
    }

    /**
     * The GET and the topic are compared until they agree: the projection is recomputed every interval, and the
     * member composites it uses arrive with the scorer's next emission, so a projection that already shows the
     * whole spend can still be followed by one with the members' new scores — a single GET and a later read of
     * the topic may see two successive projections.
     */
    @Test
    void the_projection_is_served_as_published_and_adds_up() {
        String[] served = new String[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String onTheTopic = published().get(ALLIANCE + "|2025");
            var response = given().auth().oauth2(PROVINCE_ADMIN).get("/api/v1/surplus/" + ALLIANCE + "/2025");
            assertThat(response.statusCode()).isEqualTo(200);
            String json = response.asString();
            assertThat(SurplusJson.read(json).spendToDateFen()).isEqualTo(60_000_000L);
            assertThat(onTheTopic).isEqualTo(json);
            served[0] = json;
        });
        SurplusView view = SurplusJson.read(served[0]);
        assertThat(view.budgetFen()).isEqualTo(100_000_000L);
        assertThat(view.spendOutOfAreaFen()).isEqualTo(15_000_000L);
        assertThat(view.outcome()).isEqualTo("SURPLUS");
        assertThat(view.surplusFen()).isEqualTo(40_000_000L);
        assertThat(view.members()).extracting(SurplusView.MemberShare::institutionId)
                .containsExactly(COUNTY.value(), TOWNSHIP.value());
        assertThat(view.members().stream().mapToLong(SurplusView.MemberShare::projectedFen).sum())
                .isEqualTo(view.memberPoolFen());
        assertThat(view.retainedFen()).isEqualTo(view.reserveFen() + view.tertiaryPoolFen() + view.memberPoolFen());
    }

    /**
     * A member's institution user reads its alliance's projection — the same bytes as the province admin — as it reads the
     * alliance's budget in the settlement service; the Changsha hospital, whose ¥150,000.00 of care is in the spend but
     * which is no member, is refused. Before 2026-11-25 (7) the member was refused too (403).
     */
    @Test
    void a_member_reads_its_alliances_projection_and_a_hospital_outside_it_does_not() {
        String townshipUser = institutionUser(TOWNSHIP);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var asMember = given().auth().oauth2(townshipUser).get("/api/v1/surplus/" + ALLIANCE + "/2025");
            assertThat(asMember.statusCode()).isEqualTo(200);
            assertThat(SurplusJson.read(asMember.asString()).spendToDateFen()).isEqualTo(60_000_000L);
            assertThat(asMember.asString()).isEqualTo(given().auth().oauth2(PROVINCE_ADMIN).get("/api/v1/surplus/" + ALLIANCE + "/2025").asString());
        });
        given().auth().oauth2(institutionUser(CHANGSHA)).get("/api/v1/surplus/" + ALLIANCE + "/2025")
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static String institutionUser(InstitutionId at) {
        return TokenMinter.forTests().mint(TokenClaims.forSubject("user-" + at.value(), "institution-user").atInstitution(at.value()));
    }

    @Test
    void mistakes_are_problem_json() {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                given().auth().oauth2(PROVINCE_ADMIN).get("/api/v1/surplus/" + ALLIANCE + "/2025").statusCode() != 503);
        given().auth().oauth2(PROVINCE_ADMIN).get("/api/v1/surplus/" + ALLIANCE + "/2025-03")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(PROVINCE_ADMIN).get("/api/v1/surplus/CC-439999/2025")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(OTHER_ALLIANCE_OPERATOR).get("/api/v1/surplus/" + ALLIANCE + "/2025")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/surplus/" + ALLIANCE + "/2025").then().statusCode(401);
    }

    /** The latest committed value per key on the compacted topic, read from the start to its present end. */
    private static Map<String, String> published() {
        Map<String, String> latest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : TopicToItsEnd.read(RealKafkaTestResource.bootstrapServers(),
                SurplusProjection.TOPIC, true)) {
            latest.put(record.key(), record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
        }
        return latest;
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value));
    }

    private static InstitutionSnapshot institution(InstitutionId id, Level level, String division) {
        return new InstitutionSnapshot(EventId.of(UUID.randomUUID()), Instant.parse("2025-01-01T00:00:00Z"), id,
                "机构 " + id.value(), level, InstitutionKind.GENERAL, DivisionCode.of(division), null, null,
                level == Level.PROVINCE ? List.of() : List.of(AllianceId.of(ALLIANCE)), true);
    }

    private static InpatientDischarged discharge(InstitutionId at, String fundPaid) {
        LocalDate day = APRIL.atZone(cn.hunan.mma.events.value.Period.ZONE).toLocalDate();
        return new InpatientDischarged(EventId.of(UUID.randomUUID()), APRIL, at, DepartmentId.of("internal"),
                PatientPseudonym.of("ef".repeat(32)), DivisionCode.of("430821100001"), DivisionCode.of("430821"),
                Icd10Code.of("J18.9"), List.of(), DrgCode.of("ES21"),
                new Charges(Money.ofYuan(fundPaid), Money.ofYuan(fundPaid), Money.ofYuan("0.00")),
                DischargeMode.ON_MEDICAL_ADVICE, day.minusDays(4), day, 4, null, null);
    }
}
