package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.settlement.domain.budget.ProvisionalDip;
import cn.hunan.mma.settlement.domain.budget.VisitSpend;
import cn.hunan.mma.settlement.persistence.AllianceBudgetEntity;

import java.time.Instant;
import java.util.List;

/**
 * A budget with every input of its arithmetic, so the reviewing officer can check it by hand:
 * packageTotal = grownSpend − riskReserve − carveOuts + factorAdjustment, grownSpend = baseSpend × (1 + g),
 * riskReserve = grownSpend × riskReserveRate, each rounded half-up to the fen. Amounts in yuan.
 * baseSpend = the settled cases' fund payable (settledCases of them) + baseOutpatientSpend (baseVisits outpatient
 * visits; both null for a budget drafted before visits were counted), counted over the residents of coveredDivisions
 * (empty for a budget drafted before they were kept). Since 2026-11-25 (9) the base spend is declared where a declared
 * base stood when the draft was computed ({@code baseSource} "declared", {@code declaredBase} the declaration; the
 * platform's own figures — settledCases, baseVisits, baseOutpatientSpend and their sum {@code platformBaseSpend} — are
 * shown beside it), else the platform's sum ("platform").
 */
public record BudgetView(String allianceId, int year, int version, String status, int baseYear, long settledCases,
                         String baseOutpatientSpend, Long baseVisits, String baseSpend, String growthRate, String grownSpend, String riskReserveRate,
                         String riskReserve, String carveOuts, String factorAdjustment, String packageTotal,
                         String parameterVersion, List<String> coveredDivisions, String requestedBy, Instant requestedAt, String approvedBy,
                         Instant approvedAt, Long provisionalDipCases, String provisionalDipSpend, String baseSource,
                         String platformBaseSpend, DeclaredBaseView.Declared declaredBase) {

    static BudgetView of(AllianceBudgetEntity row) {
        return new BudgetView(row.allianceId(), row.year(), row.version(), row.status().name(), row.baseYear(),
                row.settledCases(), row.baseOutpatient().map(outpatient -> outpatient.amount().toYuanString()).orElse(null),
                row.baseOutpatient().map(VisitSpend::visits).orElse(null), row.baseSpend().toYuanString(), row.growthRate().toPlainString(),
                row.grownSpend().toYuanString(), row.riskReserveRate().toPlainString(), row.riskReserve().toYuanString(),
                row.carveOuts().toYuanString(), row.factorAdjustment().toYuanString(), row.packageTotal().toYuanString(),
                row.parameterVersion(), row.coveredDivisions(), row.requestedBy(), row.requestedAt(), row.approvedBy(), row.approvedAt(),
                row.provisionalDip().map(ProvisionalDip::cases).orElse(null),
                row.provisionalDip().map(provisional -> provisional.amount().toYuanString()).orElse(null),
                row.declaredBase().isPresent() ? "declared" : "platform", row.platformBaseSpend().toYuanString(),
                row.declaredBase().map(DeclaredBaseView.Declared::of).orElse(null));
    }
}
