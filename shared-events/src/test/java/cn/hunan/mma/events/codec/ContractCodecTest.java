package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.care.InpatientEvent;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Reason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractCodecTest {

    private static final Instant NOW = Instant.parse("2025-03-14T08:00:00Z");
    private final ContractCodec codec = ContractCodec.withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    private final ObjectMapper json = new ObjectMapper();

    private BedStatusReported bedsAt(Instant occurredAt) {
        return new BedStatusReported(EventId.random(), occurredAt, InstitutionId.of("430321H0001"),
                DepartmentId.of("neurology"), 60, 57, 3, null);
    }

    @Test
    void encodes_the_wire_type_name_first_and_leaves_absent_optionals_out() throws Exception {
        byte[] encoded = codec.encode(bedsAt(NOW));

        String text = new String(encoded, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"type\":\"BedStatusReported\",");
        assertThat(json.readTree(encoded).has("correctsEventId")).isFalse();
    }

    @Test
    void decodes_what_it_encodes() {
        BedStatusReported beds = bedsAt(NOW.minusSeconds(60));

        assertThat(codec.decode(codec.encode(beds))).isEqualTo(new DecodeResult.Decoded<>(beds));
    }

    @Test
    void ignores_fields_it_does_not_know_so_producers_can_add_them_first() throws Exception {
        ObjectNode payload = (ObjectNode) json.readTree(codec.encode(bedsAt(NOW)));
        payload.put("icuBeds", 8);
        payload.putObject("futureBlock").put("anything", true);

        assertThat(codec.decode(json.writeValueAsBytes(payload))).isInstanceOf(DecodeResult.Decoded.class);
    }

    @Test
    void accepts_occurrence_times_within_the_clock_skew_tolerance() {
        assertThat(codec.decode(codec.encode(bedsAt(NOW.plus(Duration.ofMinutes(5))))))
                .isInstanceOf(DecodeResult.Decoded.class);
        assertThat(codec.decode(codec.encode(bedsAt(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)))))
                .isEqualTo(new DecodeResult.Rejected<>(Reason.TIMESTAMP_IN_FUTURE, "$.occurredAt",
                        "occurredAt is more than PT5M ahead of the platform clock"));
    }

    @Test
    void takes_occurrence_times_with_an_offset_and_keeps_the_instant() throws Exception {
        ObjectNode payload = (ObjectNode) json.readTree(codec.encode(bedsAt(NOW)));
        payload.put("occurredAt", "2025-03-14T16:00:00+08:00");

        ContractRecord decoded = codec.decode(json.writeValueAsBytes(payload)).orElseThrow();

        assertThat(decoded.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void refuses_payloads_over_the_limit_before_reading_them() {
        ContractCodec small = new ContractCodec(Clock.fixed(NOW, ZoneOffset.UTC), 100, Duration.ZERO);
        byte[] notEvenJson = new byte[101];

        assertThat(small.decode(notEvenJson))
                .isInstanceOfSatisfying(DecodeResult.Rejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(Reason.OVERSIZE_PAYLOAD));
    }

    @Test
    void refuses_a_registered_type_that_does_not_belong_to_the_expected_value_type() {
        byte[] discharge = GoldenFixtures.bytes("InpatientDischarged");

        assertThat(codec.decode(discharge, InpatientEvent.class)).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(codec.decode(discharge, ReferralEvent.class))
                .isInstanceOfSatisfying(DecodeResult.Rejected.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(Reason.UNEXPECTED_EVENT_TYPE);
                    assertThat(rejected.path()).isEqualTo("$.type");
                });
    }

    @Test
    void a_rejection_thrown_carries_its_reason_and_path() {
        DecodeResult<ContractRecord> rejected = codec.decode("{\"type\":\"Nope\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(rejected::orElseThrow)
                .isInstanceOfSatisfying(RejectedRecordException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_EVENT_TYPE);
                    assertThat(e.path()).isEqualTo("$.type");
                    assertThat(e.detail()).isEqualTo("type names no registered event type");
                });
    }

    @Test
    void writes_money_as_yuan_strings_and_scores_as_exact_numbers() throws Exception {
        InpatientDischarged discharge = GoldenFixtures.record(InpatientDischarged.class);

        JsonNode encoded = json.readTree(codec.encode(discharge));

        assertThat(encoded.at("/charges/total").textValue()).isEqualTo("12860.35");
        assertThat(encoded.at("/dischargeMode").textValue()).isEqualTo("3");
        assertThat(encoded.at("/admissionDate").textValue()).isEqualTo("2025-03-06");
    }
}
