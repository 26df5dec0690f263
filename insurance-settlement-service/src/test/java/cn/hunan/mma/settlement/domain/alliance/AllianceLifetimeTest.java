package cn.hunan.mma.settlement.domain.alliance;

import cn.hunan.mma.events.value.Period;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AllianceLifetimeTest {

    // 2022-05-15 00:00 in Hunan (UTC+8).
    private static final AllianceLifetime DISSOLVED = new AllianceLifetime(Instant.parse("2022-05-14T16:00:00Z"));

    @Test
    void a_live_alliance_is_refused_nothing_and_spends_to_the_end_of_the_period() {
        assertThat(AllianceLifetime.LIVE.dissolved()).isFalse();
        assertThat(AllianceLifetime.LIVE.refusesBudgetChange("A", 2030)).isEmpty();
        assertThat(AllianceLifetime.LIVE.refusesClose("A", Period.halfYear(2030, 2), false)).isEmpty();
        assertThat(AllianceLifetime.LIVE.spendUntil(Period.halfYear(2022, 1))).isEqualTo(LocalDate.of(2022, 7, 1));
    }

    @Test
    void a_dissolved_alliance_gets_no_budget_whatever_the_year() {
        assertThat(DISSOLVED.refusesBudgetChange("A", 2021).orElseThrow()).contains("dissolved on 2022-05-15");
        assertThat(DISSOLVED.refusesBudgetChange("A", 2023)).isPresent();
    }

    @Test
    void a_dissolved_alliance_closes_only_a_period_that_began_before_the_dissolution_and_had_an_approved_budget() {
        assertThat(DISSOLVED.refusesClose("A", Period.halfYear(2022, 1), true)).isEmpty();
        assertThat(DISSOLVED.refusesClose("A", Period.ofYear(2022), true)).isEmpty();
        assertThat(DISSOLVED.refusesClose("A", Period.halfYear(2022, 1), false).orElseThrow()).contains("no approved budget");
        assertThat(DISSOLVED.refusesClose("A", Period.halfYear(2022, 2), true).orElseThrow()).contains("before 2022-H2 began");
        // Dissolved at the very start of a period: the period did not begin before it.
        AllianceLifetime atNewYear = new AllianceLifetime(Period.ofYear(2023).start());
        assertThat(atNewYear.refusesClose("A", Period.ofYear(2023), true)).isPresent();
        assertThat(atNewYear.refusesClose("A", Period.ofYear(2022), true)).isEmpty();
    }

    @Test
    void a_dissolved_alliances_spend_stops_at_the_day_of_dissolution() {
        assertThat(DISSOLVED.spendUntil(Period.halfYear(2022, 1))).isEqualTo(LocalDate.of(2022, 5, 15));
        assertThat(DISSOLVED.spendUntil(Period.ofYear(2022))).isEqualTo(LocalDate.of(2022, 5, 15));
        assertThat(DISSOLVED.spendUntil(Period.ofYear(2021))).isEqualTo(LocalDate.of(2022, 1, 1));
    }
}
