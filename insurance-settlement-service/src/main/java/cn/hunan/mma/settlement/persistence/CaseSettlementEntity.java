package cn.hunan.mma.settlement.persistence;

import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.settlement.domain.cases.CaseDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A settled discharge, keyed by the discharge event id: the same event is never settled twice. */
@Entity
@Table(name = "case_settlement")
public class CaseSettlementEntity {

    @Id
    @Column(name = "discharge_event_id")
    UUID dischargeEventId;

    @Column(name = "institution_id", nullable = false)
    String institutionId;

    @Column(name = "settlement_year", nullable = false)
    int settlementYear;

    @Column(name = "method", nullable = false)
    String method;

    @Column(name = "group_code", nullable = false)
    String groupCode;

    @Column(name = "episode_id")
    String episodeId;

    @Column(name = "standard_fen", nullable = false)
    long standardFen;

    @Column(name = "actual_fen", nullable = false)
    long actualFen;

    @Column(name = "deductible_fen", nullable = false)
    long deductibleFen;

    @Column(name = "fund_payable_fen", nullable = false)
    long fundPayableFen;

    // Set by the year's DIP clearing (V15); spend counts it in place of fundPayableFen.
    @Column(name = "cleared_fund_payable_fen")
    Long clearedFundPayableFen;

    @Column(name = "outlier", nullable = false)
    String outlier;

    @Column(name = "rule_version", nullable = false)
    String ruleVersion;

    @Column(name = "residence_division")
    String residenceDivision;

    @Column(name = "superseded", nullable = false)
    boolean superseded;

    @Column(name = "settled_at", nullable = false)
    Instant settledAt;

    protected CaseSettlementEntity() {
    }

    public static CaseSettlementEntity of(InpatientDischarged discharge, CaseDecision decision, String ruleVersion,
                                          Instant settledAt) {
        CaseSettlementEntity row = new CaseSettlementEntity();
        row.dischargeEventId = discharge.eventId().asUuid();
        row.institutionId = discharge.institutionId().value();
        row.settlementYear = discharge.dischargeDate().getYear();
        row.method = decision.method().name();
        row.groupCode = decision.groupCode();
        row.episodeId = discharge.episodeId() == null ? null : discharge.episodeId().value();
        row.standardFen = decision.standardPayment().fen();
        row.actualFen = decision.actualCost().fen();
        row.deductibleFen = decision.deductibleDue().fen();
        row.fundPayableFen = decision.fundPayable().fen();
        row.outlier = decision.outlier().name();
        row.ruleVersion = ruleVersion;
        row.residenceDivision = discharge.residenceDivision().value();
        row.settledAt = settledAt;
        return row;
    }

    public void supersede() {
        superseded = true;
    }

    public long deductibleFen() {
        return deductibleFen;
    }

    public long fundPayableFen() {
        return fundPayableFen;
    }

    public String outlier() {
        return outlier;
    }
}
