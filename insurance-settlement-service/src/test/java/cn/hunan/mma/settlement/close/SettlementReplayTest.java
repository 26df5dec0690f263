package cn.hunan.mma.settlement.close;

import cn.hunan.mma.events.insurance.PeriodSettlementClosed;
import cn.hunan.mma.events.insurance.SettlementOutcome;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import cn.hunan.mma.settlement.rules.close.SettlementSnapshot;
import cn.hunan.mma.settlement.rules.close.XiangtanClose;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SettlementReplayTest {

    @Test
    void re_running_a_close_from_its_stored_snapshot_gives_byte_identical_results() {
        SettlementSnapshot frozen = XiangtanClose.withActualSpend("470000000.00");
        byte[] storedSnapshot = SettlementJson.snapshot(frozen);
        byte[] firstResult = SettlementJson.settlement(PeriodSettlement.close(frozen));

        SettlementSnapshot reread = SettlementJson.readSnapshot(storedSnapshot);
        byte[] rerun = SettlementJson.settlement(PeriodSettlement.close(reread));

        assertThat(reread).isEqualTo(frozen);
        assertThat(SettlementJson.snapshot(reread)).isEqualTo(storedSnapshot);
        assertThat(rerun).isEqualTo(firstResult);
        assertThat(SettlementJson.text(rerun)).contains("\"retained\":\"18750000.00\"");
    }

    @Test
    void the_snapshot_id_is_a_digest_of_the_frozen_inputs() {
        String id = SettlementJson.snapshotId(SettlementJson.snapshot(XiangtanClose.withActualSpend("470000000.00")));
        String other = SettlementJson.snapshotId(SettlementJson.snapshot(XiangtanClose.withActualSpend("470000000.01")));

        assertThat(id).hasSize(64).isNotEqualTo(other);
    }

    @Test
    void the_closed_event_satisfies_the_contract_and_its_shares_add_up_to_the_distributed_pool() {
        PeriodSettlement settlement = PeriodSettlement.close(XiangtanClose.withActualSpend("470000000.00"));

        PeriodSettlementClosed closed = ClosedEvents.of(settlement, EventId.random(), Instant.parse("2026-01-05T02:00:00Z"),
                "a".repeat(64));
        byte[] wire = GoldenFixtures.codec().encode(closed);

        assertThat(closed.outcome()).isEqualTo(SettlementOutcome.SURPLUS);
        assertThat(closed.memberShares()).hasSize(5);
        assertThat(GoldenFixtures.codec().decode(wire, Topics.PERIOD_SETTLEMENTS.valueType()).orElseThrow()).isEqualTo(closed);
    }
}
