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
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 2, 2, "drafter", null, "approver", true)).isInstanceOf(BudgetDecision.Proceed.class);
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 2, 1, "drafter", null, "approver", true)).isEqualTo(new BudgetDecision.StaleDraft(2, 1));
    }

    @Test
    void refuses_a_second_approval_of_the_same_year_whatever_version_it_quotes() {
        assertThat(BudgetDecision.toApprove(BudgetStatus.APPROVED, 3, 3, "drafter", null, "approver", true)).isInstanceOf(BudgetDecision.AlreadyApproved.class);
        assertThat(BudgetDecision.toApprove(BudgetStatus.APPROVED, 3, 2, "drafter", null, "approver", true)).isInstanceOf(BudgetDecision.AlreadyApproved.class);
    }

    @Test
    void a_draft_whose_base_year_holds_no_case_and_no_visit_is_not_approved() {
        assertThat(BudgetDecision.toApproveBase(2025, 0, 0, false)).isEqualTo(new BudgetDecision.EmptyBase(2025));
        assertThat(BudgetDecision.toApproveBase(2025, 1, 0, false)).isInstanceOf(BudgetDecision.Proceed.class);
        assertThat(BudgetDecision.toApproveBase(2025, 0, 1, false)).isInstanceOf(BudgetDecision.Proceed.class);
    }

    @Test
    void the_officer_who_computed_the_draft_does_not_approve_it_unless_the_area_allows_it() {
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 2, 2, "officer-a", null, "officer-a", true))
                .isEqualTo(new BudgetDecision.DrafterApproving("officer-a"));
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 2, 2, "officer-a", null, "officer-b", true)).isInstanceOf(BudgetDecision.Proceed.class);
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 2, 2, "officer-a", null, "officer-a", false)).isInstanceOf(BudgetDecision.Proceed.class);
        // A stale draft is told as stale first: the officer must review it again either way.
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 3, 2, "officer-a", null, "officer-a", true)).isEqualTo(new BudgetDecision.StaleDraft(3, 2));
    }

    @Test
    void a_draft_on_a_declared_base_is_approved_though_the_platform_holds_nothing_of_its_base_year() {
        assertThat(BudgetDecision.toApproveBase(2029, 0, 0, true)).isInstanceOf(BudgetDecision.Proceed.class);
    }

    @Test
    void the_officer_who_declared_the_standing_base_does_not_approve_the_draft_on_it_unless_the_area_allows_it() {
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 2, 2, "officer-a", "officer-b", "officer-b", true))
                .isEqualTo(new BudgetDecision.DeclarerApproving("officer-b"));
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 2, 2, "officer-a", "officer-b", "officer-c", true))
                .isInstanceOf(BudgetDecision.Proceed.class);
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 2, 2, "officer-a", "officer-b", "officer-b", false))
                .isInstanceOf(BudgetDecision.Proceed.class);
    }
}
