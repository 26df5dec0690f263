package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.settlement.persistence.PeriodCloseEntity;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;

/**
 * A close as the API shows it: the stored result (outcome, reserve, tertiary share, every member's
 * amount with base, score, weight and floor) and the id of the frozen snapshot it came from.
 */
public record CloseView(String allianceId, String period, int revision, String status, String snapshotId,
                        String closedBy, Instant closedAt, @JsonRawValue String result) {

    static CloseView of(PeriodCloseEntity close) {
        return new CloseView(close.allianceId(), close.period(), close.revision(), close.status(), close.snapshotId(),
                close.closedBy(), close.closedAt(), close.resultJson());
    }
}
