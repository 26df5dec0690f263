package cn.hunan.mma.events.insurance;

import cn.hunan.mma.events.contract.ContractRecord;

/** What the insurance-settlement service publishes: budgets, case settlements, period closes and reopenings, DIP year-end clearings. */
public sealed interface InsuranceEvent extends ContractRecord
        permits AllianceBudgetApproved, CaseSettled, DipYearCleared, PeriodSettlementEvent {
}
