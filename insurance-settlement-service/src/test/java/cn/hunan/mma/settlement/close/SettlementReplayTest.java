package cn.hunan.mma.settlement.close;

import cn.hunan.mma.events.insurance.PeriodSettlementClosed;
import cn.hunan.mma.events.insurance.SettlementOutcome;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import cn.hunan.mma.settlement.rules.close.SettlementSnapshot;
import cn.hunan.mma.settlement.rules.close.XiangtanClose;
import cn.hunan.mma.settlement.rules.outcome.PeriodOutcome;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /**
     * The fixtures are results as the service stored them before it could read them back (2026-11-25, 4): a close
     * stored then must read back as the settlement that wrote it, byte for byte, for the exports to show it.
     */
    @Test
    void a_stored_surplus_result_reads_back_as_the_settlement_that_wrote_it() {
        byte[] stored = fixture("xiangtan-2025-surplus.result.json");

        PeriodSettlement read = SettlementJson.readSettlement(stored);

        assertThat(read).isEqualTo(PeriodSettlement.close(XiangtanClose.withActualSpend("470000000.00")));
        assertThat(read.outcome()).isInstanceOf(PeriodOutcome.Surplus.class);
        assertThat(SettlementJson.settlement(read)).isEqualTo(stored);
    }

    @Test
    void a_stored_overspend_result_reads_back_with_the_alliance_bearing_its_share() {
        byte[] stored = fixture("xiangtan-2025-overspend.result.json");

        PeriodSettlement read = SettlementJson.readSettlement(stored);

        assertThat(read).isEqualTo(PeriodSettlement.close(XiangtanClose.withActualSpend("520000000.00")));
        assertThat(((PeriodOutcome.Overspend) read.outcome()).allianceBorne().toYuanString()).isEqualTo("14543750.00");
        assertThat(SettlementJson.settlement(read)).isEqualTo(stored);
    }

    @Test
    void a_stored_close_with_a_property_the_code_no_longer_knows_still_reads() {
        String stored = SettlementJson.text(fixture("xiangtan-2025-surplus.result.json"));
        String withDroppedFields = stored.replace("\"reserve\":", "\"retiredNote\":\"x\",\"reserve\":")
                .replace("\"scoreSource\":", "\"retiredFlag\":true,\"scoreSource\":");
        String snapshot = withDroppedFields.substring(withDroppedFields.indexOf("\"snapshot\":") + "\"snapshot\":".length(),
                withDroppedFields.indexOf(",\"tertiary\":"));

        assertThat(withDroppedFields).contains("retiredNote", "retiredFlag");
        assertThat(SettlementJson.readSettlement(withDroppedFields.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SettlementJson.readSettlement(stored.getBytes(StandardCharsets.UTF_8)));
        assertThat(SettlementJson.readSnapshot(snapshot.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(XiangtanClose.withActualSpend("470000000.00"));
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
                "a".repeat(64), 1);
        byte[] wire = GoldenFixtures.codec().encode(closed);

        assertThat(closed.outcome()).isEqualTo(SettlementOutcome.SURPLUS);
        assertThat(closed.memberShares()).hasSize(5);
        assertThat(GoldenFixtures.codec().decode(wire, Topics.PERIOD_SETTLEMENTS.valueType()).orElseThrow()).isEqualTo(closed);
    }

    private static byte[] fixture(String name) {
        try (InputStream in = SettlementReplayTest.class.getResourceAsStream("/closes/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
