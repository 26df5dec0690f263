package cn.hunan.mma.settlement.domain.budget;

/**
 * What a request does to an alliance's budget for a year. A draft may be recomputed until it is
 * approved; an approval must quote the version of the draft the officer reviewed, so two officers
 * cannot approve different drafts, and a year is approved once.
 */
public sealed interface BudgetDecision {

    /** Go ahead: compute a (new) draft, or approve the reviewed one. */
    record Proceed() implements BudgetDecision {
    }

    /** The year's package is already approved: nothing may change it. */
    record AlreadyApproved() implements BudgetDecision {
    }

    /** The draft changed since the officer reviewed it. */
    record StaleDraft(int currentVersion, int quotedVersion) implements BudgetDecision {
    }

    /** Whether a draft may be (re)computed for a year whose budget is in {@code status}, or absent (null). */
    static BudgetDecision toDraft(BudgetStatus status) {
        return status == BudgetStatus.APPROVED ? new AlreadyApproved() : new Proceed();
    }

    /** Whether the draft at {@code currentVersion} may be approved by someone who reviewed {@code quotedVersion}. */
    static BudgetDecision toApprove(BudgetStatus status, int currentVersion, int quotedVersion) {
        if (status == BudgetStatus.APPROVED) {
            return new AlreadyApproved();
        }
        return currentVersion == quotedVersion ? new Proceed() : new StaleDraft(currentVersion, quotedVersion);
    }
}
