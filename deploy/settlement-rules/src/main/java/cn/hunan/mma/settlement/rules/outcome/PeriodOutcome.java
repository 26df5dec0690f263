package cn.hunan.mma.settlement.rules.outcome;

import cn.hunan.mma.events.insurance.SettlementOutcome;
import cn.hunan.mma.events.value.Money;

import java.math.BigDecimal;
import java.util.List;

/** What a period's spend against its package comes to: a surplus kept in part, or an overspend shared. */
public sealed interface PeriodOutcome {

    Money packageTotal();

    Money actualSpend();

    SettlementOutcome kind();

    /**
     * @param retainedShare the share of the score tier the alliance fell in
     * @param capped        true when the cap (x% of P) cut the retained amount
     */
    record Surplus(Money packageTotal, Money actualSpend, Money surplus, BigDecimal score, BigDecimal retainedShare,
                   Money retained, boolean capped) implements PeriodOutcome {
        @Override
        public SettlementOutcome kind() {
            return SettlementOutcome.SURPLUS;
        }
    }

    /**
     * @param specialCircumstance true when an approved special circumstance let the fund share beyond the last band
     */
    record Overspend(Money packageTotal, Money actualSpend, Money overspend, List<BandShare> bands,
                     Money allianceBorne, Money fundBorne, boolean specialCircumstance) implements PeriodOutcome {
        public Overspend {
            bands = List.copyOf(bands);
        }

        @Override
        public SettlementOutcome kind() {
            return SettlementOutcome.OVERSPEND;
        }
    }
}
