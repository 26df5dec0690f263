package cn.hunan.mma.platform.outbox;

import cn.hunan.mma.events.referral.ReferralAccepted;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.topic.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ContractOutboxEventsTest {

    private final ReferralAccepted accepted = GoldenFixtures.record(ReferralAccepted.class);

    @Test
    void addresses_the_event_to_its_topic_keyed_by_the_referral() {
        OutboxEvent event = ContractOutboxEvents.of(Topics.REFERRALS, accepted, GoldenFixtures.codec());

        assertThat(event.topic()).isEqualTo(Topics.REFERRALS.name());
        assertThat(event.key()).isEqualTo(accepted.referralId().toString());
        assertThat(event.eventId()).isEqualTo(accepted.eventId().asUuid());
        assertThat(event.type()).isEqualTo("ReferralAccepted");
        assertThat(event.occurredAt()).isEqualTo(accepted.occurredAt());
    }

    @Test
    void the_payload_decodes_back_to_the_same_record() {
        OutboxEvent event = ContractOutboxEvents.of(Topics.REFERRALS, accepted, GoldenFixtures.codec());

        ReferralEvent decoded = GoldenFixtures.codec()
                .decode(event.payload().getBytes(StandardCharsets.UTF_8), ReferralEvent.class).orElseThrow();

        assertThat(decoded).isEqualTo(accepted);
    }
}
