package cn.hunan.mma.settlement.domain.ledger;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import cn.hunan.mma.settlement.rules.close.XiangtanClose;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettlementPostingsTest {

    @Test
    void every_transaction_of_a_surplus_close_balances_and_money_flows_fund_to_alliance_to_members() {
        List<LedgerTransaction> transactions = SettlementPostings.of(PeriodSettlement.close(XiangtanClose.withActualSpend("470000000.00")));

        assertThat(transactions).extracting(LedgerTransaction::memo)
                .containsExactly("retained surplus", "reserve for next year", "member and tertiary shares");
        assertThat(transactions).allSatisfy(tx -> assertThat(tx.entries().stream().mapToLong(LedgerEntry::signedFen).sum()).isZero());
        // the alliance account is emptied: credited ¥18.75m, debited reserve ¥1.875m and shares ¥16.875m
        long alliance = transactions.stream().flatMap(tx -> tx.entries().stream())
                .filter(entry -> entry.account().equals("ALLIANCE:XTX-YGT-01")).mapToLong(LedgerEntry::signedFen).sum();
        assertThat(alliance).isZero();
        assertThat(transactions.get(0).entries()).anySatisfy(entry -> {
            assertThat(entry.account()).isEqualTo(SettlementPostings.FUND);
            assertThat(entry.amount()).isEqualTo(Money.ofYuan("18750000.00"));
        });
    }

    @Test
    void an_overspend_posts_what_the_fund_and_the_alliance_bear() {
        List<LedgerTransaction> transactions = SettlementPostings.of(PeriodSettlement.close(XiangtanClose.withActualSpend("520000000.00")));

        assertThat(transactions).singleElement().satisfies(tx -> assertThat(tx.entries())
                .extracting(LedgerEntry::account, LedgerEntry::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("FUND", Money.ofYuan("16706250.00")),
                        org.assertj.core.groups.Tuple.tuple("ALLIANCE:XTX-YGT-01", Money.ofYuan("14543750.00")),
                        org.assertj.core.groups.Tuple.tuple("OVERSPEND:XTX-YGT-01", Money.ofYuan("31250000.00"))));
    }

    @Test
    void an_unbalanced_transaction_is_refused() {
        assertThatThrownBy(() -> new LedgerTransaction("t", "broken", List.of(
                new LedgerEntry("t", "FUND", LedgerEntry.Side.DEBIT, Money.ofFen(100), "x"),
                new LedgerEntry("t", "ALLIANCE:A", LedgerEntry.Side.CREDIT, Money.ofFen(99), "x"))))
                .hasMessageContaining("does not balance");
    }
}
