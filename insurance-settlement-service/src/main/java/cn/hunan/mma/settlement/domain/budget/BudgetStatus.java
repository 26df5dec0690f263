package cn.hunan.mma.settlement.domain.budget;

/** A package total is computed as a draft, reviewed, and approved once. */
public enum BudgetStatus {
    DRAFT,
    APPROVED
}
