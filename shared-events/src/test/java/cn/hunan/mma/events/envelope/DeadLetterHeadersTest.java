package cn.hunan.mma.events.envelope;

import cn.hunan.mma.events.topic.Topics;

import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.Reason;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterHeadersTest {

    @Test
    void written_dead_letter_headers_read_back_unchanged() {
        var headers = new RecordHeaders();
        var rejection = new DeadLetterHeaders(Reason.MALFORMED_ICD10, "$.principalDiagnosis",
                "ICD-10 code must look like I10", Topics.INPATIENT.name(), 3, 1_234_567L);

        rejection.writeTo(headers);
        rejection.writeTo(headers);

        assertThat(DeadLetterHeaders.readFrom(headers)).contains(rejection);
        assertThat(headers.headers(DeadLetterHeaders.REASON)).hasSize(1);
    }

    @Test
    void records_that_were_never_dead_lettered_have_no_rejection() {
        assertThat(DeadLetterHeaders.readFrom(new RecordHeaders())).isEmpty();
    }

    @Test
    void cloud_event_attributes_come_from_the_record_and_its_registered_name() {
        InpatientDischarged discharge = GoldenFixtures.record(InpatientDischarged.class);

        CloudEventAttributes attributes = CloudEventAttributes.of(discharge, URI.create("/hunan/institutions/430321H0001"));

        assertThat(attributes.id()).isEqualTo(discharge.eventId().value());
        assertThat(attributes.type()).isEqualTo("InpatientDischarged");
        assertThat(attributes.time()).isEqualTo(discharge.occurredAt());
    }
}
