package cn.hunan.mma.navigation.capacity.rest;

import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.ReservedBedsReported;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.envelope.DeadLetterHeaders;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
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
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import cn.hunan.mma.navigation.capacity.messaging.CapacityEventsConsumer;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Capacity events on the real broker become visible through the API: the must-show of issue 4.
 * Each test uses institutions of its own, so the view's earlier contents do not matter.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "navigation"))
@QuarkusTestResource(RealJwtTestResource.class)
class LiveCapacityApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    /** The freshness requirement, measured by the first test only. */
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);
    /**
     * For the tests about what is applied (duplicates, dead letters, scopes), not how fast: a deadline that a slow,
     * shared 2-core machine cannot miss while the application works, so that they fail only when it does not.
     */
    private static final Duration APPLIED_WITHIN = Duration.ofSeconds(30);
    // Only for the consumer's first group join after the application starts, never for a measurement.
    private static final Duration CONSUMER_START = Duration.ofSeconds(30);
    private static final DepartmentId CARDIOLOGY = DepartmentId.of("CARDIO");

    private final String provinceAdmin = TokenMinter.forTests()
            .mint(TokenClaims.forSubject("hn-admin", "province-admin").inProvince("430000"));
    private final LocalDate sessionDay = LocalDate.now(ZoneOffset.UTC).plusDays(3);
    private CapacityTopicProducer hospital;

    @Inject
    KafkaClientService kafkaClients;

    @TempDir
    Path temp;

    @BeforeEach
    void consumer_is_reading() throws Exception {
        hospital = new CapacityTopicProducer();
        InstitutionId probe = newCountyHospital();
        hospital.send(published(probe, 1, 0));
        await().atMost(CONSUMER_START).until(() -> capacity(probe, provinceAdmin).extract().statusCode() == 200);
    }

    @AfterEach
    void close() {
        hospital.close();
    }

    @Test
    void public_and_referral_slots_and_beds_are_visible_within_a_second_of_the_send() throws Exception {
        InstitutionId countyHospital = newCountyHospital();
        hospital.send(published(countyHospital, 20, 5));
        hospital.send(booked(countyHospital, SlotChannel.PUBLIC, 3));
        hospital.send(booked(countyHospital, SlotChannel.REFERRAL, 1));
        hospital.send(beds(countyHospital, 40, 35, 2));
        long sentAt = System.nanoTime();

        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                capacity(countyHospital, provinceAdmin).statusCode(200)
                        .body("slots.publicSlots.published", equalTo(20))
                        .body("slots.publicSlots.booked", equalTo(3))
                        .body("slots.referralSlots.booked", equalTo(1))
                        .body("beds.occupied", equalTo(35)));
        long visibleAfterMillis = Duration.ofNanos(System.nanoTime() - sentAt).toMillis();
        System.out.printf("capacity send-to-API visibility: %d ms%n", visibleAfterMillis);

        capacity(countyHospital, provinceAdmin)
                .body("institutionId", equalTo(countyHospital.value()))
                .body("departmentId", equalTo("CARDIO"))
                .body("from", equalTo(sessionDay.toString()))
                .body("slots.publicSlots.available", equalTo(17))
                .body("slots.referralSlots.published", equalTo(5))
                .body("slots.referralSlots.available", equalTo(4))
                .body("slots.freshness.updatedAt", notNullValue())
                .body("slots.freshness.stale", equalTo(false))
                .body("beds.total", equalTo(40))
                .body("beds.reserved", equalTo(2))
                .body("beds.freeForPublic", equalTo(3))
                .body("beds.freshness.stale", equalTo(false));
    }

    @Test
    void the_referral_bed_pool_referral_service_states_shows_beside_the_hospital_s_beds() throws Exception {
        InstitutionId countyHospital = newCountyHospital();
        hospital.send(published(countyHospital, 10, 2));
        hospital.send(beds(countyHospital, 40, 26, 2));
        // As referral-service announces it: the city's share keeps 8 beds for referrals, 3 of them held.
        hospital.send(new ReservedBedsReported(EventId.random(), now(), countyHospital, CARDIOLOGY, 8, 3, null));

        await().atMost(APPLIED_WITHIN).untilAsserted(() -> capacity(countyHospital, provinceAdmin).statusCode(200)
                .body("beds.reserved", equalTo(2))
                .body("beds.referralReserved", equalTo(8))
                .body("beds.referralHeld", equalTo(3))
                .body("beds.openForReferral", equalTo(5))
                .body("beds.freeForPublic", equalTo(6)));
    }

    @Test
    void a_redelivered_event_is_applied_once_and_counted_as_a_duplicate() throws Exception {
        InstitutionId countyHospital = newCountyHospital();
        SlotsPublished publication = published(countyHospital, 10, 0);
        double duplicatesBefore = appliedCounter("DUPLICATE");
        hospital.send(publication);
        hospital.send(publication);
        // Same key, same partition: once this booking shows, both copies have been consumed.
        hospital.send(booked(countyHospital, SlotChannel.PUBLIC, 1));

        await().atMost(APPLIED_WITHIN).untilAsserted(() ->
                capacity(countyHospital, provinceAdmin).statusCode(200).body("slots.publicSlots.booked", equalTo(1)));
        capacity(countyHospital, provinceAdmin).body("slots.publicSlots.published", equalTo(10));
        assertThat(appliedCounter("DUPLICATE")).isEqualTo(duplicatesBefore + 1);
    }

    /**
     * The view commits no offsets, so a rebalance sends the consumer back to the start of the topic. 600 events of one
     * department are more than its duplicate window remembers: before 2026-11-25 (4) the older ones were applied a
     * second time and the department's published slots grew. Now every record read again is skipped as replayed.
     */
    @Test
    void a_rebalance_that_reads_the_topic_again_changes_no_figure() throws Exception {
        InstitutionId countyHospital = newCountyHospital();
        for (int i = 0; i < 600; i++) {
            hospital.send(published(countyHospital, 1, 0));
        }
        await().atMost(APPLIED_WITHIN).untilAsserted(() ->
                capacity(countyHospital, provinceAdmin).statusCode(200).body("slots.publicSlots.published", equalTo(600)));
        double replayedBefore = appliedCounter("REPLAYED");

        kafkaClients.getConsumer(CapacityEventsConsumer.CHANNEL)
                .runOnPollingThread(consumer -> {
                    consumer.enforceRebalance();
                    return true;
                }).await().atMost(Duration.ofSeconds(30));

        // Read again from the earliest offset: at least this test's 600 records come back, and are skipped.
        await().atMost(APPLIED_WITHIN).until(() -> appliedCounter("REPLAYED") >= replayedBefore + 600);
        capacity(countyHospital, provinceAdmin).body("slots.publicSlots.published", equalTo(600));
    }

    /**
     * referral-service opens a session's unused reserved slots to the public the afternoon before: they leave the
     * referral channel and join the public one. Before 2026-11-25 (8) the opening lowered the public booked figure
     * instead and the referral channel kept offering the slots (helper-104 saw them offered twice).
     */
    @Test
    void unused_referral_slots_opened_to_the_public_are_offered_by_the_public_channel_only() throws Exception {
        InstitutionId countyHospital = newCountyHospital();
        hospital.send(published(countyHospital, 20, 5));
        hospital.send(openedToPublic(countyHospital, 3));

        await().atMost(APPLIED_WITHIN).untilAsserted(() -> capacity(countyHospital, provinceAdmin).statusCode(200)
                .body("slots.referralSlots.published", equalTo(2)));
        capacity(countyHospital, provinceAdmin)
                .body("slots.referralSlots.booked", equalTo(0))
                .body("slots.referralSlots.available", equalTo(2))
                .body("slots.publicSlots.published", equalTo(23))
                .body("slots.publicSlots.booked", equalTo(0))
                .body("slots.publicSlots.available", equalTo(23));
    }

    /**
     * A release without openedFrom is a booking given back, on either channel: a referral slot (a cancel) and a public
     * booking a hospital's system gives back; neither touches the other channel.
     */
    @Test
    void a_booking_given_back_returns_to_its_own_channel_and_leaves_the_other_alone() throws Exception {
        InstitutionId countyHospital = newCountyHospital();
        hospital.send(published(countyHospital, 20, 5));
        hospital.send(booked(countyHospital, SlotChannel.REFERRAL, 2));
        hospital.send(booked(countyHospital, SlotChannel.PUBLIC, 3));
        hospital.send(new SlotsReleased(EventId.random(), now(), countyHospital, session(), SlotChannel.REFERRAL, 1, null));

        await().atMost(APPLIED_WITHIN).untilAsserted(() -> capacity(countyHospital, provinceAdmin).statusCode(200)
                .body("slots.referralSlots.booked", equalTo(1))
                .body("slots.publicSlots.booked", equalTo(3)));
        capacity(countyHospital, provinceAdmin)
                .body("slots.referralSlots.published", equalTo(5))
                .body("slots.referralSlots.available", equalTo(4))
                .body("slots.publicSlots.available", equalTo(17));

        // 3 public bookings less 2 given back = 1 booked; the referral channel keeps its 5 published, 1 booked.
        hospital.send(new SlotsReleased(EventId.random(), now(), countyHospital, session(), SlotChannel.PUBLIC, 2, null));

        await().atMost(APPLIED_WITHIN).untilAsserted(() -> capacity(countyHospital, provinceAdmin).statusCode(200)
                .body("slots.publicSlots.booked", equalTo(1)));
        capacity(countyHospital, provinceAdmin)
                .body("slots.publicSlots.published", equalTo(20))
                .body("slots.publicSlots.available", equalTo(19))
                .body("slots.referralSlots.published", equalTo(5))
                .body("slots.referralSlots.booked", equalTo(1))
                .body("slots.referralSlots.available", equalTo(4));
    }

    @Test
    void a_malformed_record_goes_to_the_dead_letter_topic_and_the_next_record_is_still_applied() throws Exception {
        InstitutionId countyHospital = newCountyHospital();
        byte[] malformed = "{\"type\":\"SlotsPublished\",".getBytes(StandardCharsets.UTF_8);
        hospital.sendRaw(countyHospital.value(), malformed);
        // Same key, so same partition, after the malformed record.
        hospital.send(published(countyHospital, 12, 4));

        await().atMost(APPLIED_WITHIN).untilAsserted(() ->
                capacity(countyHospital, provinceAdmin).statusCode(200).body("slots.publicSlots.published", equalTo(12)));
        ConsumerRecord<String, byte[]> dead = DeadLetters.awaitRecordWithKey(Topics.CAPACITY.deadLetter().name(),
                countyHospital.value(), APPLIED_WITHIN);
        assertThat(dead.value()).isEqualTo(malformed);
        assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo("MALFORMED_JSON");
        assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.CAPACITY.name());
        assertThat(header(dead, "dead-letter-offset")).isNotBlank();
    }

    @Test
    void a_city_operator_sees_capacity_in_its_city_only() throws Exception {
        InstitutionId countyHospital = newCountyHospital();
        hospital.send(published(countyHospital, 8, 2));
        await().atMost(APPLIED_WITHIN).until(() -> capacity(countyHospital, provinceAdmin).extract().statusCode() == 200);

        String xiangtan = TokenMinter.forTests().mint(TokenClaims.forSubject("xt-operator", "city-operator").inCity("430300"));
        String changsha = TokenMinter.forTests().mint(TokenClaims.forSubject("cs-operator", "city-operator").inCity("430100"));

        capacity(countyHospital, xiangtan).statusCode(200).body("slots.referralSlots.published", equalTo(2));
        capacity(countyHospital, changsha).statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void a_registered_institution_is_placed_by_the_registry_so_its_alliance_reaches_it() throws Exception {
        // An id that says nothing about where the hospital is: only the registry can place it.
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        InstitutionId townshipCentre = InstitutionId.of("XTCAP" + suffix + "T1");
        String alliance = "CC-CAP-" + suffix;
        importInstitution(new InstitutionSnapshot(EventId.random(), now(), townshipCentre, "射埠镇卫生院",
                Level.TOWNSHIP, InstitutionKind.GENERAL, DivisionCode.of("430321100"),
                new BigDecimal("27.70"), new BigDecimal("112.80"), List.of(AllianceId.of(alliance)), true));
        hospital.send(published(townshipCentre, 6, 2));

        String allianceOperator = TokenMinter.forTests()
                .mint(TokenClaims.forSubject("cc-operator", "alliance-operator").inAlliance(alliance));
        String otherAlliance = TokenMinter.forTests()
                .mint(TokenClaims.forSubject("other-operator", "alliance-operator").inAlliance(alliance + "-X"));
        await().atMost(APPLIED_WITHIN).untilAsserted(() ->
                capacity(townshipCentre, allianceOperator).statusCode(200).body("slots.publicSlots.published", equalTo(6)));
        capacity(townshipCentre, otherAlliance).statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void a_department_without_capacity_is_not_found() {
        InstitutionId quietHospital = newCountyHospital();

        capacity(quietHospital, provinceAdmin).statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void malformed_dates_and_reversed_ranges_are_bad_requests() {
        InstitutionId countyHospital = newCountyHospital();
        String path = "/api/v1/capacity/institutions/" + countyHospital.value() + "/departments/CARDIO";

        given().auth().oauth2(provinceAdmin).queryParam("from", "2025-13-01").queryParam("to", "2025-12-31")
                .get(path).then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(provinceAdmin).queryParam("from", "2025-03-18").queryParam("to", "2025-03-17")
                .get(path).then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(provinceAdmin).queryParam("to", "2025-03-17")
                .get(path).then().statusCode(400).contentType(PROBLEM_JSON);
    }

    private static double appliedCounter(String outcome) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher counter = Pattern.compile("^mma_capacity_events_applied_total\\{[^}]*outcome=\"" + outcome
                + "\"[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        assertThat(counter.find()).as("counter for " + outcome + " in /q/metrics").isTrue();
        return Double.parseDouble(counter.group(1));
    }

    private void importInstitution(InstitutionSnapshot institution) throws IOException {
        Path directory = Files.createDirectories(temp.resolve("matrix"));
        Files.write(directory.resolve("institutions.jsonl"), ContractCodec.standard().encode(institution));
        given().auth().oauth2(provinceAdmin).contentType("application/json")
                .body(Map.of("directory", directory.toString()))
                .post("/api/v1/registry/imports")
                .then().statusCode(200).body("inserted", equalTo(1));
    }

    private ValidatableResponse capacity(InstitutionId institution, String token) {
        return given().auth().oauth2(token)
                .queryParam("from", sessionDay.toString()).queryParam("to", sessionDay.plusDays(1).toString())
                .get("/api/v1/capacity/institutions/" + institution.value() + "/departments/" + CARDIOLOGY.value())
                .then();
    }

    /** A hospital in 湘潭县 (430321) that no other test has reported for. */
    private static InstitutionId newCountyHospital() {
        return InstitutionId.of("430321H" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
    }

    private SlotsPublished published(InstitutionId institution, int publicCount, int referralCount) {
        return new SlotsPublished(EventId.random(), now(), institution, session(), publicCount, referralCount, null);
    }

    private SlotsBooked booked(InstitutionId institution, SlotChannel channel, int count) {
        return new SlotsBooked(EventId.random(), now(), institution, session(), channel, count, null);
    }

    private SlotsReleased openedToPublic(InstitutionId institution, int count) {
        return new SlotsReleased(EventId.random(), now(), institution, session(), SlotChannel.PUBLIC, count,
                SlotChannel.REFERRAL, null);
    }

    private static BedStatusReported beds(InstitutionId institution, int total, int occupied, int reserved) {
        return new BedStatusReported(EventId.random(), now(), institution, CARDIOLOGY, total, occupied, reserved, null);
    }

    private ClinicSession session() {
        return new ClinicSession(CARDIOLOGY, sessionDay, SessionPeriod.AM, false);
    }

    // Whole milliseconds: the wire format carries no finer precision.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
