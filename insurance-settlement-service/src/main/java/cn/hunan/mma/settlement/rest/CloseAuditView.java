package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.settlement.persistence.CloseAuditEntity;

import java.time.Instant;

/** One step of a period's audit trail: a close (action CLOSE) or a reopen (REOPEN, with its reason) of a revision. */
public record CloseAuditView(int revision, String action, String actor, String reason, Instant at) {

    static CloseAuditView of(CloseAuditEntity row) {
        return new CloseAuditView(row.revision(), row.action(), row.actor(), row.reason(), row.at());
    }
}
