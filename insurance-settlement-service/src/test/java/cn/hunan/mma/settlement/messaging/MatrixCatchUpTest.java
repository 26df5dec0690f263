package cn.hunan.mma.settlement.messaging;

import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.settlement.rest.TestDatabase;
import cn.hunan.mma.settlement.rest.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fresh settlement database starting on a backlog: the matrix topic holds thousands of institutions, and the
 * inpatient topic a discharge at the last of them. The inpatient channel waits until the matrix is read, so the
 * discharge is settled. Without the wait its consumer read the one discharge long before the institution consumer
 * reached the last institution, and the discharge went to the DLT as "not in the matrix".
 *
 * <p>The profile points the institutions and inpatient channels at topics and groups of their own, filled before the
 * application starts ({@link Backlog}).
 */
@QuarkusTest
@TestProfile(MatrixCatchUpTest.FreshStart.class)
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class MatrixCatchUpTest {

    static final String INSTITUTIONS = "catch-up.matrix.institutions";
    static final String INPATIENT = "catch-up.care.inpatient";
    static final String INPATIENT_DLT = "catch-up.care.inpatient.dlt";
    /** Enough that reading them takes the institution consumer seconds: one transaction each. */
    static final int INSTITUTION_COUNT = 4_000;
    static final InstitutionId LAST = institutionId(INSTITUTION_COUNT - 1);
    static final EventId DISCHARGE = EventId.random();

    public static class FreshStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.incoming.institutions.topic", INSTITUTIONS,
                    "mp.messaging.incoming.institutions.group.id", "catch-up-matrix",
                    "mp.messaging.incoming.inpatient.topic", INPATIENT,
                    "mp.messaging.incoming.inpatient.group.id", "catch-up-cases",
                    "mp.messaging.incoming.inpatient.dead-letter-queue.topic", INPATIENT_DLT);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Backlog.class));
        }
    }

    /** Fills the profile's topics before the application starts, as a backlog waiting for a fresh deployment. */
    public static class Backlog implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            RealKafkaTestResource.createTopics(List.of(new NewTopic(INSTITUTIONS, 1, (short) 1),
                    new NewTopic(INPATIENT, 1, (short) 1), new NewTopic(INPATIENT_DLT, 1, (short) 1)));
            InstitutionSnapshot golden = GoldenFixtures.record(InstitutionSnapshot.class);
            InpatientDischarged discharge = GoldenFixtures.record(InpatientDischarged.class);
            try (KafkaProducer<String, byte[]> producer = TestTopics.producer()) {
                for (int i = 0; i < INSTITUTION_COUNT; i++) {
                    InstitutionSnapshot institution = new InstitutionSnapshot(EventId.random(), golden.occurredAt(),
                            institutionId(i), "追赶测试医院 " + i, golden.level(), golden.kind(), golden.divisionCode(),
                            golden.latitude(), golden.longitude(), List.of(), true);
                    producer.send(new ProducerRecord<>(INSTITUTIONS, institution.institutionId().value(),
                            ContractCodec.standard().encode(institution)));
                }
                InpatientDischarged atTheLast = new InpatientDischarged(DISCHARGE, discharge.occurredAt(), LAST,
                        discharge.departmentId(), discharge.patient(), discharge.residenceDivision(),
                        discharge.insuredAreaDivision(), discharge.principalDiagnosis(), discharge.procedures(),
                        discharge.drgGroup(), discharge.charges(), discharge.dischargeMode(), discharge.admissionDate(),
                        discharge.dischargeDate(), discharge.lengthOfStayDays(), null, null);
                producer.send(new ProducerRecord<>(INPATIENT, LAST.value(), ContractCodec.standard().encode(atTheLast))).get();
                producer.flush();
            } catch (Exception e) {
                throw new IllegalStateException("could not fill the backlog", e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void a_discharge_behind_a_matrix_backlog_waits_for_its_institution_and_is_settled() throws Exception {
        // Read from the table, not the case-settlements topic: after a test profile restarts the application, the
        // outbox relay's Debezium engine meets classes of the previous class loader (README, "Not done yet").
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> settledAt(DISCHARGE).isPresent() || !deadLettered().isEmpty());

        assertThat(deadLettered()).as("dead-lettered discharges, with their reasons").isEmpty();
        assertThat(settledAt(DISCHARGE)).contains(LAST.value());
    }

    /** The institution of the discharge's stored settlement, if it has one. */
    private static Optional<String> settledAt(EventId discharge) throws Exception {
        try (Connection db = TestDatabase.connect();
             var query = db.prepareStatement("SELECT institution_id FROM case_settlement WHERE discharge_event_id = ?")) {
            query.setObject(1, discharge.asUuid());
            try (var rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The reasons of every record on the profile's inpatient DLT. */
    private static List<String> deadLettered() {
        List<String> reasons = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealKafkaTestResource.bootstrapServers(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(INPATIENT_DLT, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    var reason = record.headers().lastHeader("dead-letter-reason");
                    reasons.add(reason == null ? "(no reason)" : new String(reason.value(), StandardCharsets.UTF_8));
                }
                return consumer.position(partition) >= end;
            });
        }
        return reasons;
    }

    private static InstitutionId institutionId(int i) {
        return InstitutionId.of(String.format("CATCHUP-H%04d", i));
    }
}
