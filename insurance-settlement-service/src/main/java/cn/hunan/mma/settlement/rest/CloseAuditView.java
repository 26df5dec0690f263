package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.settlement.persistence.CloseAuditEntity;
import cn.hunan.mma.settlement.service.PeriodCloser;

import java.time.Instant;

/**
 * One step of a period's audit trail: a close (action CLOSE) or a reopen (REOPEN, with its reason) of a revision, with
 * the id of the snapshot that revision froze (readable at {@code …/revisions/{revision}}).
 */
public record CloseAuditView(int revision, String action, String snapshotId, String actor, String reason, Instant at) {

    static CloseAuditView of(PeriodCloser.AuditedStep audited) {
        CloseAuditEntity row = audited.step();
        return new CloseAuditView(row.revision(), row.action(), audited.snapshotId(), row.actor(), row.reason(), row.at());
    }
}
