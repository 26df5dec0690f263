package cn.hunan.mma.referral.rest;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.envelope.DeadLetterHeaders;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.topic.SpecialtyKey;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Reason;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.referral.messaging.MatrixView;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A referral names a receiving department the matrix states for its receiver (mma.matrix.specialties, 2026-11-25 (9)):
 * against the real broker and database, as navigation publishes the departments.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@QuarkusTestResource(RealJwtTestResource.class)
class ReceivingDepartmentsApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    /** Not among {@link TestMatrix#DEPARTMENTS}: the county hospital has no paediatrics until a test states it. */
    private static final String PAEDIATRICS = "PAEDS";

    @Inject
    MatrixView matrixView;

    private final TestMatrix matrix = new TestMatrix();
    private final String township = TestMatrix.userAt(matrix.township);

    @BeforeEach
    void the_matrix_and_its_departments_are_known() throws Exception {
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            matrix.publish(producer, matrixView);
        }
    }

    @Test
    void a_department_the_receiver_is_stated_to_have_is_referred_to_and_one_it_is_not_is_422_naming_the_field() {
        refer(matrix.county, "CARDIO").statusCode(201);

        refer(matrix.county, PAEDIATRICS).statusCode(422).contentType(PROBLEM_JSON)
                .body("title", equalTo("Unknown department"))
                .body("refusal", equalTo("UNKNOWN_DEPARTMENT"))
                .body("errors[0].field", equalTo("receiverDepartmentId"))
                .body("detail", equalTo("the matrix states no department PAEDS of " + matrix.county.value()));
    }

    @Test
    void a_department_stated_later_is_referred_to_and_one_withdrawn_by_a_tombstone_no_longer_is() throws Exception {
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            producer.send(Topics.SPECIALTIES, TestMatrix.specialty(matrix.county, PAEDIATRICS));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> refer(matrix.county, PAEDIATRICS).statusCode(201));

        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            producer.sendTombstone(Topics.SPECIALTIES, new SpecialtyKey(matrix.county, DepartmentId.of(PAEDIATRICS)).toString());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> refer(matrix.county, PAEDIATRICS).statusCode(422)
                .body("errors[0].field", equalTo("receiverDepartmentId")));
        refer(matrix.county, "CARDIO").statusCode(201);
    }

    /** The rule for an institution whose departments the matrix has not stated (yet): any department is taken. */
    @Test
    void any_department_is_taken_at_an_institution_the_matrix_states_no_department_of() throws Exception {
        InstitutionId newHospital = InstitutionId.of("430321N" + matrix.suffix);
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            producer.send(Topics.INSTITUTIONS, new InstitutionSnapshot(EventId.random(), now(), newHospital, "湘潭县新院",
                    Level.COUNTY, InstitutionKind.GENERAL, DivisionCode.of("430321"), null, null, List.of(), true));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> matrixView.institution(newHospital).isPresent());

        refer(newHospital, PAEDIATRICS).statusCode(201);
    }

    /**
     * A refused restatement of a department the receiver has is dead-lettered and withdraws nothing: it never reaches the
     * consumer, which would read a record without a value as a tombstone (helper-124: the test below could not see that,
     * its department being one not stated).
     */
    @Test
    void a_refused_restatement_of_a_stated_department_withdraws_nothing() throws Exception {
        String cardiology = "CARDIO";
        String key = new SpecialtyKey(matrix.county, DepartmentId.of(cardiology)).toString();
        String nameless = new String(ContractCodec.standard().encode(TestMatrix.specialty(matrix.county, cardiology)),
                StandardCharsets.UTF_8).replaceFirst("\"name\":\"[^\"]*\",?", "");
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            producer.sendBytes(Topics.SPECIALTIES, key, nameless.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(header(awaitDeadLetter(key), DeadLetterHeaders.REASON)).isEqualTo(Reason.MISSING_FIELD.name());
        refer(matrix.county, cardiology).statusCode(201);
    }

    /** A record the contract refuses goes to the topic's dead-letter topic with the reason; the next one is applied. */
    @Test
    void a_specialty_record_breaking_the_contract_is_dead_lettered_with_the_reason() throws Exception {
        String key = new SpecialtyKey(matrix.county, DepartmentId.of(PAEDIATRICS)).toString();
        String nameless = new String(ContractCodec.standard().encode(TestMatrix.specialty(matrix.county, PAEDIATRICS)),
                StandardCharsets.UTF_8).replaceFirst("\"name\":\"[^\"]*\",?", "");
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            producer.sendBytes(Topics.SPECIALTIES, key, nameless.getBytes(StandardCharsets.UTF_8));
        }

        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(key);
        assertThat(header(deadLetter, DeadLetterHeaders.REASON)).isEqualTo(Reason.MISSING_FIELD.name());
        assertThat(header(deadLetter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.SPECIALTIES.name());
        refer(matrix.county, PAEDIATRICS).statusCode(422);
        try (ContractTopicProducer producer = new ContractTopicProducer()) {
            producer.send(Topics.SPECIALTIES, TestMatrix.specialty(matrix.county, PAEDIATRICS));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> refer(matrix.county, PAEDIATRICS).statusCode(201));
    }

    private ValidatableResponse refer(InstitutionId receiver, String department) {
        return given().auth().oauth2(township).contentType("application/json")
                .body(ReferralApiTest.body(matrix.township, receiver, department, "J18.9"))
                .post("/api/v1/referrals").then();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    // The rejection handler cannot know the record's partition and offset, so DeadLetterHeaders.readFrom does not apply.
    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                if (consumer.assignment().isEmpty()) {
                    List<TopicPartition> partitions = consumer.partitionsFor(Topics.SPECIALTIES.deadLetter().name()).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                    if (partitions.isEmpty()) {
                        return false; // the DLT is created with its first record
                    }
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (key.equals(record.key())) {
                        found.set(record);
                    }
                }
                return found.get() != null;
            });
        }
        return found.get();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
