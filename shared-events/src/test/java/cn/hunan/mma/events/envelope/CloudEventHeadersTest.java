package cn.hunan.mma.events.envelope;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventHeadersTest {

    private final CloudEventAttributes attributes = new CloudEventAttributes(
            "8b0f5c1e-3f0e-4e7a-9a52-0c4c1d1f2a10", "InpatientDischarged",
            URI.create("/hunan/institutions/430302001"), Instant.parse("2025-03-14T00:30:00Z"));

    @Test
    void written_headers_read_back_as_the_same_attributes() {
        var headers = new RecordHeaders();
        CloudEventHeaders.write(headers, attributes);

        assertThat(CloudEventHeaders.read(headers)).isEqualTo(new CloudEventHeaders.Result.Present(attributes));
        assertThat(new String(headers.lastHeader("ce_specversion").value(), StandardCharsets.UTF_8)).isEqualTo("1.0");
        assertThat(CloudEventHeaders.eventId(headers)).contains(attributes.id());
    }

    @Test
    void ce_time_is_written_as_instant_to_string_writes_it() {
        for (String time : java.util.List.of("2025-03-14T00:30:00Z", "2025-03-14T00:30:00.100Z", "2025-03-14T00:30:00.000123Z",
                "2025-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z")) {
            var headers = new RecordHeaders();
            CloudEventHeaders.write(headers, new CloudEventAttributes(attributes.id(), attributes.type(), attributes.source(),
                    Instant.parse(time)));

            assertThat(new String(headers.lastHeader("ce_time").value(), StandardCharsets.UTF_8))
                    .isEqualTo(Instant.parse(time).toString());
        }
    }

    @Test
    void writing_twice_leaves_one_header_of_each_name() {
        var headers = new RecordHeaders();
        CloudEventHeaders.write(headers, attributes);
        CloudEventHeaders.write(headers, attributes);

        assertThat(headers.headers("ce_id")).hasSize(1);
    }

    @Test
    void records_without_headers_are_reported_absent() {
        assertThat(CloudEventHeaders.read(new RecordHeaders())).isInstanceOf(CloudEventHeaders.Result.Absent.class);
    }

    @Test
    void a_malformed_time_is_reported_with_the_header_name() {
        var headers = new RecordHeaders();
        CloudEventHeaders.write(headers, attributes);
        headers.remove("ce_time");
        headers.add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));

        assertThat(CloudEventHeaders.read(headers))
                .isInstanceOfSatisfying(CloudEventHeaders.Result.Invalid.class,
                        invalid -> assertThat(invalid.reason()).contains("ce_time"));
    }

    @Test
    void an_unsupported_spec_version_is_reported() {
        var headers = new RecordHeaders();
        CloudEventHeaders.write(headers, attributes);
        headers.remove("ce_specversion");
        headers.add("ce_specversion", "0.3".getBytes(StandardCharsets.UTF_8));

        assertThat(CloudEventHeaders.read(headers)).isInstanceOf(CloudEventHeaders.Result.Invalid.class);
    }
}
