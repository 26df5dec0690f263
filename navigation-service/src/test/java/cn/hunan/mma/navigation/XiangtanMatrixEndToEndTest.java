package cn.hunan.mma.navigation;

import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import cn.hunan.mma.navigation.capacity.rest.CapacityTopicProducer;
import cn.hunan.mma.navigation.registry.TopicRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The must-show of issue 4 against the real application, PostgreSQL and Kafka: the simulator's
 * 湘潭 (430300, seed 42) matrix is imported, every institution, alliance, specialty and catalogue
 * entry is then on its compacted matrix topic under its id with the imported content, and capacity
 * events for one of its departments show in the capacity API and the recommendation API within 1 s.
 * Shares the application of the other {@code @QuarkusTest}s; its ids are the simulator's real-shaped
 * ones ({@code 4303…}), which the hand-built fixtures of the other tests never use.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "navigation"))
@QuarkusTestResource(RealJwtTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XiangtanMatrixEndToEndTest {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** 湘潭县人民医院: a county hospital of the generated matrix. */
    private static final String COUNTY_HOSPITAL = "430321H0001";

    @TempDir
    static Path temp;
    private static Path matrix;
    private static JsonPath firstImport;

    private final String provinceAdmin = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("hn-admin", "province-admin").inProvince("430000"));

    /**
     * {@code deploy/simulate matrix --area 430300 --seed 42}, in a child JVM on the classpath the
     * build wrote (system property {@code simulator.classpath.file}): loaded in this JVM, the simulator's
     * shared-events classes would clash with the Quarkus test class loader's.
     */
    @BeforeAll
    static void generate_the_xiangtan_matrix() throws Exception {
        matrix = temp.resolve("xiangtan");
        String classpath = Files.readString(Path.of(System.getProperty("simulator.classpath.file"))).strip();
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", classpath, "cn.hunan.mma.simulator.SimulatorCommand",
                "matrix", "--area", "430300", "--seed", "42", "--out", matrix.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("simulator.log").toFile()).start();
        assertThat(simulator.waitFor(120, TimeUnit.SECONDS)).as("simulator finished").isTrue();
        assertThat(simulator.exitValue()).as(Files.readString(temp.resolve("simulator.log"))).isZero();
    }

    @Test
    @Order(1)
    void the_imported_matrix_is_on_the_compacted_matrix_topics_keyed_by_id() {
        Map<String, ContractRecord> institutions = byKey(Topics.INSTITUTIONS, read("institutions.jsonl", InstitutionSnapshot.class));
        Map<String, ContractRecord> alliances = byKey(Topics.ALLIANCES, read("alliances.jsonl", AllianceSnapshot.class));
        Map<String, ContractRecord> specialties = byKey(Topics.SPECIALTIES, read("specialties.jsonl", SpecialtySnapshot.class));
        Map<String, ContractRecord> catalogue = byKey(Topics.GUIDANCE_CATALOGUE, read("guidance-catalogue.jsonl", GuidanceCatalogueEntry.class));
        int records = institutions.size() + alliances.size() + specialties.size() + catalogue.size();

        JsonPath report = importXiangtan();

        // 1,074 institutions, 38 alliances, 2,345 specialties, 1,586 entries (the simulator's README).
        assertThat(records).isEqualTo(5_043);
        assertThat(report.getList("rejectedRows")).isEmpty();
        assertThat(report.getInt("inserted") + report.getInt("updated") + report.getInt("unchanged")).isEqualTo(records);
        assertTopicHolds(Topics.INSTITUTIONS, institutions);
        assertTopicHolds(Topics.ALLIANCES, alliances);
        assertTopicHolds(Topics.SPECIALTIES, specialties);
        assertTopicHolds(Topics.GUIDANCE_CATALOGUE, catalogue);
    }

    @Test
    @Order(2)
    void capacity_events_are_visible_in_the_capacity_and_recommendation_apis_within_a_second() throws Exception {
        importXiangtan();
        SpecialtySnapshot department = read("specialties.jsonl", SpecialtySnapshot.class).stream()
                .filter(specialty -> specialty.institutionId().value().equals(COUNTY_HOSPITAL))
                .findFirst().orElseThrow();
        String departmentId = department.departmentId().value();
        LocalDate today = LocalDate.now(CHINA);
        // The recommender counts the slots of the next 7 days (mma.navigation.slot-horizon-days).
        LocalDate horizonEnd = today.plusDays(6);
        String doctor = TokenMinter.forTests().mint(TokenClaims.forSubject("doctor", "institution-user")
                .atInstitution("430321T0100"));
        int referralBefore = referralSlots(departmentId, today, horizonEnd);
        // Also loads the registry snapshot (the import invalidated it), so the measurement below
        // is of capacity freshness, not of the first load of 5,000 registry rows.
        assertThat(Objects.requireNonNullElse(recommendedOpenSlots(doctor, departmentId), 0)).isEqualTo(referralBefore);

        try (CapacityTopicProducer hospital = new CapacityTopicProducer()) {
            hospital.send(new SlotsPublished(EventId.random(), java.time.Instant.now(), InstitutionId.of(COUNTY_HOSPITAL),
                    new ClinicSession(department.departmentId(), today.plusDays(1), SessionPeriod.AM, true), 30, 7, null));
            long acknowledgedAt = System.nanoTime();

            // Each API is polled from the acknowledgement on its own, the slower (recommendations) first.
            await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(10))
                    .until(() -> Objects.equals(recommendedOpenSlots(doctor, departmentId), referralBefore + 7));
            long inRecommendations = millisSince(acknowledgedAt);
            await().atMost(Duration.ofMillis(Math.max(1, VISIBLE_WITHIN.toMillis() - inRecommendations))).pollInterval(Duration.ofMillis(10))
                    .until(() -> referralSlots(departmentId, today, horizonEnd) == referralBefore + 7);
            long inCapacityApi = millisSince(acknowledgedAt);
            System.out.printf("湘潭 capacity visible: recommendation API %d ms, capacity API by %d ms after the broker's ack%n",
                    inRecommendations, inCapacityApi);
            assertThat(inCapacityApi).isLessThanOrEqualTo(VISIBLE_WITHIN.toMillis());
        }
    }

    @Test
    @Order(3)
    void a_diagnosis_alone_finds_the_departments_the_registry_maps_it_to() {
        importXiangtan();
        String doctor = TokenMinter.forTests().mint(TokenClaims.forSubject("doctor", "institution-user")
                .atInstitution("430321T0100"));

        // I63 cerebral infarction: I60–I69 → neurology in the seeded diagnosis_department table.
        List<String> departments = given().auth().oauth2(doctor).queryParam("diagnosis", "I63.9").queryParam("division", "430321")
                .when().get("/api/v1/navigation/referral-recommendations")
                .then().statusCode(200).extract().jsonPath().getList("departmentId", String.class);

        assertThat(departments).isNotEmpty().containsOnly("neurology");
        given().auth().oauth2(doctor).queryParam("diagnosis", "W99.9").queryParam("division", "430321")
                .when().get("/api/v1/navigation/referral-recommendations")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** Imports the directory; the first call's report is kept, so each test may rely on the import. */
    private JsonPath importXiangtan() {
        synchronized (XiangtanMatrixEndToEndTest.class) {
            if (firstImport == null) {
                firstImport = given().auth().oauth2(provinceAdmin).contentType("application/json")
                        .body(Map.of("directory", matrix.toString()))
                        .when().post("/api/v1/registry/imports")
                        .then().statusCode(200).extract().jsonPath();
            }
            return firstImport;
        }
    }

    private int referralSlots(String departmentId, LocalDate from, LocalDate to) {
        var response = given().auth().oauth2(provinceAdmin).queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get("/api/v1/capacity/institutions/{institution}/departments/{department}", COUNTY_HOSPITAL, departmentId)
                .then().extract();
        if (response.statusCode() == 404) {
            return 0;
        }
        assertThat(response.statusCode()).isEqualTo(200);
        return response.jsonPath().getInt("slots.referralSlots.available");
    }

    private Integer recommendedOpenSlots(String doctor, String departmentId) {
        List<Map<String, Object>> candidates = given().auth().oauth2(doctor)
                .queryParam("department", departmentId).queryParam("division", "430321")
                .when().get("/api/v1/navigation/referral-recommendations")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return candidates.stream().filter(candidate -> COUNTY_HOSPITAL.equals(candidate.get("institutionId")))
                .map(candidate -> (Integer) candidate.get("openSlots"))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static <V extends ContractRecord> Map<String, ContractRecord> byKey(Topic<?, V> topic, List<V> records) {
        Map<String, ContractRecord> keyed = new LinkedHashMap<>();
        records.forEach(record -> keyed.put(keyText(topic, record), record));
        return keyed;
    }

    private static <K, V extends ContractRecord> String keyText(Topic<K, V> topic, V record) {
        return topic.keyText(topic.keyOf(record));
    }

    /** Every key is on the topic, and the latest record under it decodes to what was imported. */
    private static void assertTopicHolds(Topic<?, ? extends ContractRecord> topic, Map<String, ContractRecord> imported) {
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.awaitKeys(topic.name(), imported.keySet());
        Map<String, byte[]> latest = new HashMap<>();
        records.forEach(record -> latest.put(record.key(), record.value()));
        Function<byte[], ContractRecord> decode = bytes -> ContractCodec.standard().decode(bytes, topic.valueType()).orElseThrow();

        assertThat(imported.keySet().stream().filter(latest::containsKey).count()).as(topic.name()).isEqualTo(imported.size());
        imported.forEach((key, record) -> assertThat(decode.apply(latest.get(key))).as(topic.name() + " " + key).isEqualTo(record));
    }

    private static <R extends ContractRecord> List<R> read(String file, Class<R> type) {
        try {
            return Files.readAllLines(matrix.resolve(file), StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                    .map(line -> ContractCodec.standard().decode(line.getBytes(StandardCharsets.UTF_8), type).orElseThrow())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
