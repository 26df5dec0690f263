package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.settlement.close.SettlementJson;
import cn.hunan.mma.settlement.rules.close.SettlementSnapshot;
import cn.hunan.mma.settlement.persistence.PeriodCloseEntity;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A close as the API shows it: the stored result (outcome, reserve, tertiary share, every member's
 * amount with base, score, weight and floor) and the id of the frozen snapshot it came from, with
 * the snapshot's rule version and where its scores came from ("what-if:" marks overrides), and how the service
 * worked out the inputs the request left out ({@code derivedInputs}: the referral rates' periods and episode counts,
 * the members' derived bases; null when the request gave them all).
 */
public record CloseView(String allianceId, String period, int revision, String status, String snapshotId,
                        String ruleVersion, String scoreSource, String closedBy, Instant closedAt,
                        @JsonRawValue String result, @JsonRawValue String derivedInputs) {

    static CloseView of(PeriodCloseEntity close) {
        SettlementSnapshot snapshot = SettlementJson.readSnapshot(close.snapshotJson().getBytes(StandardCharsets.UTF_8));
        return new CloseView(close.allianceId(), close.period(), close.revision(), close.status(), close.snapshotId(),
                snapshot.ruleVersion(), snapshot.scoreSource(), close.closedBy(), close.closedAt(), close.resultJson(),
                close.derivedInputsJson());
    }
}
