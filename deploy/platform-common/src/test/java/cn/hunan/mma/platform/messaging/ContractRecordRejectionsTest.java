package cn.hunan.mma.platform.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import cn.hunan.mma.events.codec.RejectedRecordException;
import cn.hunan.mma.events.envelope.DeadLetterHeaders;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.Reason;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ContractRecordRejectionsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ContractRecordRejections rejections = new ContractRecordRejections(meters);

    @Test
    void counts_the_rejections_by_topic_and_reason() {
        for (int i = 0; i < 2; i++) {
            rejections.handleDeserializationFailure(Topics.CAPACITY.name(), false, "deserializer", new byte[] {'{'},
                    new RejectedRecordException(Reason.MISSING_FIELD, "$.session", "a clinic session"), new RecordHeaders());
        }
        rejections.handleDeserializationFailure(Topics.CAPACITY.name(), false, "deserializer", new byte[0],
                new IllegalStateException("not a contract rejection"), new RecordHeaders());

        assertThat(meters.get(ContractRecordRejections.REJECTIONS).tags("topic", "mma.capacity.events", "reason", "MISSING_FIELD")
                .counter().count()).isEqualTo(2.0);
        assertThat(meters.get(ContractRecordRejections.REJECTIONS).tags("topic", "mma.capacity.events", "reason", "UNREADABLE")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void names_the_contracts_reason_path_and_source_topic_in_the_headers() {
        Headers headers = new RecordHeaders();

        Object value = rejections.handleDeserializationFailure(Topics.CAPACITY.name(), false, "deserializer",
                new byte[] {'{'}, new RejectedRecordException(Reason.MISSING_FIELD, "$.session", "a clinic session"),
                headers);

        assertThat(value).isNull();
        assertThat(text(headers, DeadLetterHeaders.REASON)).isEqualTo("MISSING_FIELD");
        assertThat(text(headers, DeadLetterHeaders.PATH)).isEqualTo("$.session");
        assertThat(text(headers, DeadLetterHeaders.MESSAGE)).isEqualTo("a clinic session");
        assertThat(text(headers, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("mma.capacity.events");
    }

    @Test
    void finds_the_rejection_when_the_connector_wraps_it() {
        Headers headers = new RecordHeaders();

        rejections.handleDeserializationFailure(Topics.CAPACITY.name(), false, "deserializer", new byte[0],
                new KafkaException(new RejectedRecordException(Reason.MALFORMED_JSON, "$", "a JSON object")), headers);

        assertThat(text(headers, DeadLetterHeaders.REASON)).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void replaces_the_reason_of_an_earlier_dead_lettering() {
        Headers headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, "WRONG_TYPE".getBytes(StandardCharsets.UTF_8));

        rejections.handleDeserializationFailure(Topics.CAPACITY.name(), false, "deserializer", new byte[0],
                new RejectedRecordException(Reason.MALFORMED_JSON, "$", "a JSON object"), headers);

        assertThat(headers.headers(DeadLetterHeaders.REASON)).hasSize(1);
        assertThat(text(headers, DeadLetterHeaders.REASON)).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void adds_no_contract_reason_for_a_failure_that_is_not_a_rejection() {
        Headers headers = new RecordHeaders();

        rejections.handleDeserializationFailure(Topics.CAPACITY.name(), false, "deserializer", new byte[0],
                new IllegalStateException("broken deserializer"), headers);

        assertThat(headers.lastHeader(DeadLetterHeaders.REASON)).isNull();
    }

    /**
     * A producer sending the identity card number where the pseudonym belongs: SmallRye keeps the record's bytes in its
     * headers (they become the dead-letter record's value); the handler masks the number in every one of them.
     */
    @Test
    void a_record_refused_for_a_national_id_in_its_pseudonym_keeps_no_number_in_the_bytes_sent_to_the_dead_letter_topic() {
        byte[] data = ("{\"eventId\":\"e-1\",\"patient\":\"43032119800101123X\"}").getBytes(StandardCharsets.UTF_8);
        Exception refusal = new RejectedRecordException(Reason.NATIONAL_ID_IN_PSEUDONYM, "$.patient", "send the keyed pseudonym");
        Headers headers = DeserializationFailureHandler.addFailureDetailsToHeaders("deserializer", Topics.INPATIENT.name(),
                false, new RecordHeaders(), data, refusal);
        assertThat(text(headers, DeserializationFailureHandler.DESERIALIZATION_FAILURE_VALUE_DATA)).contains("43032119800101123X");

        rejections.handleDeserializationFailure(Topics.INPATIENT.name(), false, "deserializer", data, refusal, headers);

        for (var header : headers) {
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).as(header.key()).doesNotContain("43032119800101123X");
        }
        assertThat(text(headers, DeserializationFailureHandler.DESERIALIZATION_FAILURE_VALUE_DATA))
                .isEqualTo("{\"eventId\":\"e-1\",\"patient\":\"" + "*".repeat(18) + "\"}");
        assertThat(text(headers, DeadLetterHeaders.REASON)).isEqualTo("NATIONAL_ID_IN_PSEUDONYM");
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
