package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.insurance.OutlierKind;
import cn.hunan.mma.events.insurance.PaymentMethod;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming writer must be indistinguishable from the contract's codec, field for field and character for character. */
class CaseSettledJsonTest {

    private static final List<String> DRG_GROUPS = List.of("BR25", "ES31", "GB19", "IC29");
    private static final List<String> VERSIONS = List.of("430000/2000-01-01", "430321/2036-01-01", "湘潭-drg-2025.1 \"q\" \\ ü");

    @Test
    void writes_what_the_contract_codec_writes_for_many_events() {
        for (CaseSettled event : events(3_000)) {
            OutboxEvent mine = CaseSettledJson.outboxEvents(List.of(event)).get(0);
            OutboxEvent codecs = ContractOutboxEvents.of(Topics.CASE_SETTLEMENTS, event);

            assertThat(mine.payload()).isEqualTo(new String(ContractCodec.standard().encode(event), StandardCharsets.UTF_8));
            assertThat(mine).isEqualTo(codecs);
        }
    }

    /** One generator for a whole batch (the settling path): every payload cut out exactly, past the generator's 8,000-char buffer too. */
    @Test
    void a_batch_written_together_gives_each_event_what_the_codec_writes_for_it() {
        List<CaseSettled> events = events(2_000);

        List<OutboxEvent> batch = CaseSettledJson.outboxEvents(events);

        assertThat(batch).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            assertThat(batch.get(i)).isEqualTo(ContractOutboxEvents.of(Topics.CASE_SETTLEMENTS, events.get(i)));
        }
        assertThat(CaseSettledJson.outboxEvents(List.of())).isEmpty();
    }

    private static List<CaseSettled> events(int count) {
        Random random = new Random(7);
        List<CaseSettled> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PaymentMethod method = i % 5 == 0 ? PaymentMethod.DIP : PaymentMethod.DRG;
            CaseSettled event = new CaseSettled(EventId.random(),
                    Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), i % 3 == 0 ? 0 : random.nextInt(1_000_000_000)),
                    EventId.random(), InstitutionId.of("4303" + (21 + i % 60) + "H" + String.format("%04d", i % 10_000)), method,
                    method == PaymentMethod.DIP ? "DIP-A" + i : DRG_GROUPS.get(i % DRG_GROUPS.size()),
                    Money.ofFen(random.nextInt(Integer.MAX_VALUE)), Money.ofFen(i % 11 == 0 ? 0 : random.nextInt(50_000_000)),
                    Money.ofFen(random.nextInt(20_000_000)), OutlierKind.values()[i % OutlierKind.values().length],
                    VERSIONS.get(i % VERSIONS.size()), superseded(i));
            events.add(event);
        }
        return events;
    }

    /** Most settlements replace none; a correction's replace one, now and then two (stays corrected twice before 2026-11-25). */
    private static List<EventId> superseded(int i) {
        return i % 7 == 0 ? List.of(EventId.random()) : i % 50 == 0 ? List.of(EventId.random(), EventId.random()) : null;
    }

    @Test
    void the_payload_decodes_back_to_the_event() {
        CaseSettled event = new CaseSettled(EventId.random(), Instant.parse("2025-03-20T02:00:00.123456Z"), EventId.random(),
                InstitutionId.of("430321H0001"), PaymentMethod.DRG, "BR25", Money.ofFen(1_171_500), Money.ofFen(1_286_035),
                Money.ofFen(820_050), OutlierKind.NONE, "430000/2000-01-01", List.of(EventId.random()));
        byte[] payload = CaseSettledJson.outboxEvents(List.of(event)).get(0).payload().getBytes(StandardCharsets.UTF_8);
        assertThat(ContractCodec.standard().decode(payload, CaseSettled.class).orElseThrow()).isEqualTo(event);
    }
}
