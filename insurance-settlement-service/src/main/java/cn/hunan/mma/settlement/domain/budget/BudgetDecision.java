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

    /**
     * The officer who computed the draft would approve it. A package is the fund's commitment for a year: a second
     * officer reviews and approves what the first computed (four eyes), unless the area has switched the rule off.
     */
    record DrafterApproving(String officer) implements BudgetDecision {
    }

    /**
     * The officer who declared the base the draft stands on would approve it: the declared figure replaces the platform's
     * sum and decides the package as much as the draft does, so with four eyes a second officer approves it.
     */
    record DeclarerApproving(String officer) implements BudgetDecision {
    }

    /**
     * The draft's base year holds no settled case and no outpatient visit of the covered residents: its package is
     * ¥0.00 plus whatever was typed in. A population without a single case or visit in a year is almost surely data
     * missing (the matrix's divisions, a consumer behind), not a year without care; approved, the scorer projected the
     * whole year's spend as overspend. The draft may still be computed and shown.
     */
    record EmptyBase(int baseYear) implements BudgetDecision {
    }

    /**
     * Whether a draft counting {@code settledCases} and {@code visits} in {@code baseYear} may be approved. A draft on a
     * {@code declared} base does not stand on the platform's counts: a base year before go-live holds none.
     */
    static BudgetDecision toApproveBase(int baseYear, long settledCases, long visits, boolean declared) {
        return !declared && settledCases == 0 && visits == 0 ? new EmptyBase(baseYear) : new Proceed();
    }

    /** Whether a draft may be (re)computed for a year whose budget is in {@code status}, or absent (null). */
    static BudgetDecision toDraft(BudgetStatus status) {
        return status == BudgetStatus.APPROVED ? new AlreadyApproved() : new Proceed();
    }

    /**
     * Whether the draft at {@code currentVersion}, computed by {@code drafter}, may be approved by {@code approver}, who
     * reviewed {@code quotedVersion}; with {@code fourEyes}, not by the officer who computed it nor by the one who
     * declared the standing base ({@code declarer}, null when none stands).
     */
    static BudgetDecision toApprove(BudgetStatus status, int currentVersion, int quotedVersion, String drafter,
                                    String declarer, String approver, boolean fourEyes) {
        if (status == BudgetStatus.APPROVED) {
            return new AlreadyApproved();
        }
        if (currentVersion != quotedVersion) {
            return new StaleDraft(currentVersion, quotedVersion);
        }
        if (fourEyes && drafter.equals(approver)) {
            return new DrafterApproving(approver);
        }
        return fourEyes && approver.equals(declarer) ? new DeclarerApproving(approver) : new Proceed();
    }
}
