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
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 2, 2)).isInstanceOf(BudgetDecision.Proceed.class);
        assertThat(BudgetDecision.toApprove(BudgetStatus.DRAFT, 2, 1)).isEqualTo(new BudgetDecision.StaleDraft(2, 1));
    }

    @Test
    void refuses_a_second_approval_of_the_same_year_whatever_version_it_quotes() {
        assertThat(BudgetDecision.toApprove(BudgetStatus.APPROVED, 3, 3)).isInstanceOf(BudgetDecision.AlreadyApproved.class);
        assertThat(BudgetDecision.toApprove(BudgetStatus.APPROVED, 3, 2)).isInstanceOf(BudgetDecision.AlreadyApproved.class);
    }
}
