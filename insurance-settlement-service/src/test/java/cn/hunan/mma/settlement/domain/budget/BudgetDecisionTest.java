package cn.hunan.mma.settlement.domain.budget;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetDecisionTest {

    @Test
    void a_draft_may_be_recomputed_until_the_year_is_approved() {
        assertThat(BudgetDecision.toDraft(null)).isInstanceOf(BudgetDecision.Proceed.class);
        assertThat(BudgetDecision.toDraft(BudgetStatus.DRAFT)).isInstanceOf(BudgetDecision.Proceed.class);
        assertThat(BudgetDecision.toDraft(BudgetStatus.APPROVED)).isInstanceOf(BudgetDecision.AlreadyApproved.class);
    }

    @Test
    void approves_only_the_draft_version_the_officer_reviewed() {
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 2, 2, "drafter", "approver", true)).isInstanceOf(BudgetDecision.Proceed.class);
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 2, 1, "drafter", "approver", true)).isEqualTo(new BudgetDecision.StaleDraft(2, 1));
    }

    @Test
    void refuses_a_second_approval_of_the_same_year_whatever_version_it_quotes() {
        assertThat(BudgetDecision.toApprove(BudgetStatus.APPROVED, 3, 3, "drafter", "approver", true)).isInstanceOf(BudgetDecision.AlreadyApproved.class);
        assertThat(BudgetDecision.toApprove(BudgetStatus.APPROVED, 3, 2, "drafter", "approver", true)).isInstanceOf(BudgetDecision.AlreadyApproved.class);
    }

    @Test
    void a_draft_whose_base_year_holds_no_case_and_no_visit_is_not_approved() {
        assertThat(BudgetDecision.toApproveBase(2025, 0, 0)).isEqualTo(new BudgetDecision.EmptyBase(2025));
        assertThat(BudgetDecision.toApproveBase(2025, 1, 0)).isInstanceOf(BudgetDecision.Proceed.class);
        assertThat(BudgetDecision.toApproveBase(2025, 0, 1)).isInstanceOf(BudgetDecision.Proceed.class);
    }

    @Test
    void the_officer_who_computed_the_draft_does_not_approve_it_unless_the_area_allows_it() {
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 2, 2, "officer-a", "officer-a", true))
                .isEqualTo(new BudgetDecision.DrafterApproving("officer-a"));
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 2, 2, "officer-a", "officer-b", true)).isInstanceOf(BudgetDecision.Proceed.class);
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 2, 2, "officer-a", "officer-a", false)).isInstanceOf(BudgetDecision.Proceed.class);
        // A stale draft is told as stale first: the officer must review it again either way.
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 3, 2, "officer-a", "officer-a", true)).isEqualTo(new BudgetDecision.StaleDraft(3, 2));
    }
}
