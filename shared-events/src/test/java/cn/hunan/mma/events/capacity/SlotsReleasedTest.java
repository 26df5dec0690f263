package cn.hunan.mma.events.capacity;

import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.Reason;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a release means: a booking given back, or unused slots opened from another channel (since 2026-11-25 (8)). */
class SlotsReleasedTest {

    private static final ObjectMapper TREES = new ObjectMapper();

    @Test
    void unused_reserved_slots_opened_to_the_public_name_the_channel_they_left() {
        SlotsReleased opening = GoldenFixtures.record(SlotsReleased.class);

        assertThat(opening.channel()).isEqualTo(SlotChannel.PUBLIC);
        assertThat(opening.openedFrom()).isEqualTo(SlotChannel.REFERRAL);
        assertThat(opening.opensSlots()).isTrue();
    }

    @Test
    void a_public_release_without_opened_from_is_a_public_booking_given_back() throws Exception {
        // A hospital's system gives a public booking back; only a release naming openedFrom is an opening.
        SlotsReleased givenBack = decodeWithout("openedFrom", SlotChannel.PUBLIC);

        assertThat(givenBack.openedFrom()).isNull();
        assertThat(givenBack.opensSlots()).isFalse();
    }

    @Test
    void a_referral_release_without_opened_from_is_a_booking_given_back() throws Exception {
        SlotsReleased givenBack = decodeWithout("openedFrom", SlotChannel.REFERRAL);

        assertThat(givenBack.openedFrom()).isNull();
        assertThat(givenBack.opensSlots()).isFalse();
    }

    @Test
    void refuses_slots_opened_from_the_channel_they_go_to() {
        SlotsReleased golden = GoldenFixtures.record(SlotsReleased.class);

        for (SlotChannel channel : SlotChannel.values()) {
            assertThatThrownBy(() -> new SlotsReleased(golden.eventId(), golden.occurredAt(), golden.institutionId(),
                    golden.session(), channel, golden.count(), channel, null))
                    .isInstanceOfSatisfying(ContractViolation.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
                        assertThat(e.field()).isEqualTo("openedFrom");
                    });
        }
    }

    private static SlotsReleased decodeWithout(String field, SlotChannel channel) throws Exception {
        ObjectNode payload = (ObjectNode) TREES.readTree(GoldenFixtures.bytes("SlotsReleased"));
        payload.remove(field);
        payload.put("channel", channel.name());
        return GoldenFixtures.codec().decode(TREES.writeValueAsBytes(payload), SlotsReleased.class).orElseThrow();
    }
}
