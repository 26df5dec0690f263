package cn.hunan.mma.settlement.domain.ledger;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.domain.cases.DipClearing;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DipClearingPostingsTest {

    /**
     * Three institutions of 雨湖区's 2025: H1 paid ¥8,400.00 provisionally, worth ¥8,900.50 cleared (+¥500.50: the fund
     * pays it); H2 ¥6,150.00 → ¥5,945.45 (−¥204.55: clawed back); T3 ¥1,400.00 unchanged (nothing posted).
     */
    @Test
    void the_fund_pays_a_rise_and_claws_back_a_fall_one_pair_per_institution() {
        DipClearing clearing = clearing(
                line("430302H0001", "8400.00", "8900.50"),
                line("430302H0002", "6150.00", "5945.45"),
                line("430302T0003", "1400.00", "1400.00"));

        LedgerTransaction posted = DipClearingPostings.of(clearing).orElseThrow();

        assertThat(posted.transactionId()).isEqualTo("DIP:430302/2025");
        assertThat(posted.entries()).extracting(LedgerEntry::account, LedgerEntry::side, LedgerEntry::amount).containsExactly(
                tuple("FUND", LedgerEntry.Side.DEBIT, Money.ofYuan("500.50")),
                tuple("INSTITUTION:430302H0001", LedgerEntry.Side.CREDIT, Money.ofYuan("500.50")),
                tuple("INSTITUTION:430302H0002", LedgerEntry.Side.DEBIT, Money.ofYuan("204.55")),
                tuple("FUND", LedgerEntry.Side.CREDIT, Money.ofYuan("204.55")));
        // The fund's net: it pays ¥295.95 more than it did during the year, as the clearing's adjustment says.
        long fundNet = posted.entries().stream().filter(entry -> entry.account().equals("FUND")).mapToLong(LedgerEntry::signedFen).sum();
        assertThat(fundNet).isEqualTo(clearing.adjustment().fen()).isEqualTo(29_595);
        assertThat(posted.memo()).contains("12.121211");
    }

    @Test
    void a_clearing_that_changes_no_amount_posts_nothing() {
        assertThat(DipClearingPostings.of(clearing(line("430302H0001", "8400.00", "8400.00")))).isEmpty();
    }

    private static DipClearing clearing(DipClearing.InstitutionLine... lines) {
        return new DipClearing("430302", 2025, Money.ofYuan("33333.33"), lines.length, new BigDecimal("2750"),
                new BigDecimal("12.121211"), List.of(lines));
    }

    private static DipClearing.InstitutionLine line(String institution, String provisional, String cleared) {
        return new DipClearing.InstitutionLine(institution, 1, new BigDecimal("100"), Money.ofYuan(provisional), Money.ofYuan(cleared));
    }
}
