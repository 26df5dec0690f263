package cn.hunan.mma.events.insurance;

import cn.hunan.mma.events.contract.Bounds;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Period;

import java.time.Instant;

/**
 * States that an alliance's closed period was reopened for a correction: the close it names no longer stands (its
 * ledger postings are reversed), and the period is settled again by a later {@link PeriodSettlementClosed}. A consumer
 * that keeps the standing settlement per alliance and period drops the one with this snapshot.
 *
 * @param revision   the revision of the close withdrawn (1 for the first close of the period)
 * @param snapshotId the snapshot of the close withdrawn, as its {@link PeriodSettlementClosed} named it
 * @param reason     why, as the insurance officer gave it (audited)
 */
public record PeriodSettlementReopened(
        EventId eventId,
        Instant occurredAt,
        AllianceId allianceId,
        Period period,
        @Bounds(min = 1) int revision,
        String snapshotId,
        String reason) implements PeriodSettlementEvent {

    public PeriodSettlementReopened {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(allianceId, "allianceId");
        Checks.present(period, "period");
        Checks.require(revision >= 1, "revision", "revision counts closes from 1");
        Checks.text(snapshotId, "snapshotId", 64);
        Checks.text(reason, "reason", 500);
    }
}
