package cn.hunan.mma.simulator.events.json;

import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The one slot-event instance a county day reuses: an opening's channel of origin must not stick to the next release. */
class SlotsJsonTest {

    @Test
    void an_opening_names_its_channel_of_origin_and_the_next_release_does_not_inherit_it() {
        SlotsJson slots = session(new SlotsJson().as(EventKind.SLOTS_RELEASED));
        slots.channel = SlotChannel.PUBLIC;
        slots.openedFrom = SlotChannel.REFERRAL;
        slots.count = 3;
        assertThat(fields(slots)).endsWith("\"channel\":\"PUBLIC\",\"count\":3,\"openedFrom\":\"REFERRAL\"");

        // A referral's held slot given back, written with the same instance (as Referrals does after CapacityReports).
        session(slots.as(EventKind.SLOTS_RELEASED));
        slots.channel = SlotChannel.REFERRAL;
        slots.count = 1;
        assertThat(fields(slots)).endsWith("\"channel\":\"REFERRAL\",\"count\":1");
    }

    private static SlotsJson session(SlotsJson slots) {
        slots.institutionId = "430321H0001";
        slots.departmentId = "cardiology";
        slots.sessionEpochDay = LocalDate.of(2025, 3, 17).toEpochDay();
        slots.period = SessionPeriod.AM;
        slots.expert = true;
        return slots;
    }

    private static String fields(SlotsJson slots) {
        JsonBuffer out = new JsonBuffer(64);
        slots.writeFields(out);
        return new String(out.copy(), StandardCharsets.US_ASCII);
    }
}
