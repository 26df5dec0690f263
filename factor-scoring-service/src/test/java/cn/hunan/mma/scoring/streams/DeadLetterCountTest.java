package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.RejectedRecordException;
import cn.hunan.mma.events.envelope.DeadLetterHeaders;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Reason;
import cn.hunan.mma.platform.messaging.ContractRecordRejections;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static cn.hunan.mma.scoring.streams.ScoringWorld.COUNTY_HOSPITAL;
import static cn.hunan.mma.scoring.streams.ScoringWorld.discharge;
import static cn.hunan.mma.scoring.streams.ScoringWorld.visit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorer's dead letters on {@code mma_contract_rejections_total{topic, reason}}, the meter an operator's alert
 * reads for every service (root README); before 2026-11-25 the scorer dead-lettered without counting.
 */
class DeadLetterCountTest {

    private static final Instant MARCH_10 = Instant.parse("2025-03-10T02:00:00Z");
    private static final byte[] TRUNCATED_VISIT = "{\"type\":\"OutpatientVisitRecorded\",\"eventId\":".getBytes(StandardCharsets.UTF_8);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ScoringWorld world = new ScoringWorld(meters);

    @AfterEach
    void close() {
        world.close();
    }

    /**
     * Two truncated visits (refused by the decoder) and a discharge of a hospital the matrix does not hold (turned away
     * by the matrix gate) are counted under their input topic and the reason their dead letter carries; the visit
     * that counts is not a rejection.
     */
    @Test
    void every_dead_letter_is_counted_by_its_input_topic_and_the_reason_it_carries() {
        byte[] key = COUNTY_HOSPITAL.value().getBytes(StandardCharsets.UTF_8);
        world.sendRaw(Topics.OUTPATIENT_VISITS.name(), key, TRUNCATED_VISIT);
        world.sendRaw(Topics.OUTPATIENT_VISITS.name(), key, TRUNCATED_VISIT);
        world.send(Topics.INPATIENT, discharge(InstitutionId.of("430321H0099"), MARCH_10));
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, MARCH_10));

        assertThat(rejections("mma.care.outpatient-visits", "MALFORMED_JSON").count()).isEqualTo(2.0);
        assertThat(rejections("mma.care.inpatient", "INVALID_VALUE").count()).isEqualTo(1.0);
        assertThat(meters.find("mma.contract.rejections").counters()).hasSize(2);
        // The tags name what the dead-letter records say.
        assertThat(DeadLetterHeaders.readFrom(world.deadLetters(Topics.INPATIENT).readRecord().headers()).orElseThrow().reason())
                .isEqualTo(Reason.INVALID_VALUE);
        assertThat(world.deadLetters(Topics.OUTPATIENT_VISITS).readRecordsToList()).hasSize(2)
                .allSatisfy(dead -> assertThat(DeadLetterHeaders.readFrom(dead.headers()).orElseThrow().reason())
                        .isEqualTo(Reason.MALFORMED_JSON));
    }

    /** A consumer's rejection counted by platform-common and the scorer's dead letter of the same topic and reason: one counter. */
    @Test
    void the_scorer_counts_on_the_same_counter_as_platform_commons_consumers() {
        ContractRecordRejections consumers = new ContractRecordRejections(meters);
        consumers.handleDeserializationFailure(Topics.OUTPATIENT_VISITS.name(), false, "deserializer", TRUNCATED_VISIT,
                new RejectedRecordException(Reason.MALFORMED_JSON, "$", "a JSON object"), new RecordHeaders());
        consumers.handleDeserializationFailure(Topics.OUTPATIENT_VISITS.name(), false, "deserializer", new byte[0],
                new IllegalStateException("not a contract rejection"), new RecordHeaders());

        world.sendRaw(Topics.OUTPATIENT_VISITS.name(), COUNTY_HOSPITAL.value().getBytes(StandardCharsets.UTF_8), TRUNCATED_VISIT);

        assertThat(rejections("mma.care.outpatient-visits", "MALFORMED_JSON").count()).isEqualTo(2.0);
        assertThat(rejections("mma.care.outpatient-visits", "UNREADABLE").count()).isEqualTo(1.0);
    }

    private Counter rejections(String topic, String reason) {
        Counter counter = meters.find("mma.contract.rejections").tags("topic", topic, "reason", reason).counter();
        assertThat(counter).as("mma.contract.rejections{topic=%s, reason=%s}", topic, reason).isNotNull();
        return counter;
    }
}
