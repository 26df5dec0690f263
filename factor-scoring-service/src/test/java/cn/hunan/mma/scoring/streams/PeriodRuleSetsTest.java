package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.domain.RuleSetHistory;
import cn.hunan.mma.scoring.domain.TestRuleSets;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which version scores which period: v1 from 2025-01-01, v2 from 2026-01-01 (loaded in advance). */
class PeriodRuleSetsTest {

    private final RuleSet v1 = TestRuleSets.twoFactors("v1", LocalDate.parse("2025-01-01"), "1", "1");
    private final RuleSet v2 = TestRuleSets.twoFactors("v2", LocalDate.parse("2026-01-01"), "3", "1");
    private final RuleSetHistory history = new RuleSetHistory(List.of(v2, v1));

    @Test
    void a_period_is_scored_with_the_version_in_force_on_its_last_day_and_a_running_one_with_todays() {
        PeriodRuleSets onNewYearsEve = new PeriodRuleSets(history, LocalDate.parse("2025-12-31"));
        PeriodRuleSets inJanuary = new PeriodRuleSets(history, LocalDate.parse("2026-01-15"));

        // 2025 ended under v1: a late December event in January still scores it with v1.
        assertThat(inJanuary.of(Period.ofYear(2025)).version()).isEqualTo("v1");
        assertThat(inJanuary.of(Period.month(2025, 12)).version()).isEqualTo("v1");
        assertThat(inJanuary.of(Period.month(2026, 1)).version()).isEqualTo("v2");
        // On 31 December v2, loaded ahead, scores nothing yet.
        assertThat(onNewYearsEve.of(Period.ofYear(2025)).version()).isEqualTo("v1");
        // A running year is scored with today's version, not with one loaded for a date later in the year.
        RuleSet v3 = TestRuleSets.twoFactors("v3", LocalDate.parse("2026-07-01"), "1", "3");
        PeriodRuleSets inMarch = new PeriodRuleSets(new RuleSetHistory(List.of(v1, v2, v3)), LocalDate.parse("2026-03-15"));
        assertThat(inMarch.of(Period.ofYear(2026)).version()).isEqualTo("v2");
        // A period before every version's date takes the earliest.
        assertThat(inJanuary.of(Period.month(2024, 3)).version()).isEqualTo("v1");
    }

    @Test
    void a_new_day_moves_the_versions_only_when_it_reaches_a_versions_date() {
        PeriodRuleSets december30 = new PeriodRuleSets(history, LocalDate.parse("2025-12-30"));
        PeriodRuleSets december31 = new PeriodRuleSets(history, LocalDate.parse("2025-12-31"));
        PeriodRuleSets january1 = new PeriodRuleSets(history, LocalDate.parse("2026-01-01"));

        assertThat(december31.scoresAlike(december30)).isTrue();
        assertThat(january1.scoresAlike(december31)).isFalse();
        assertThat(new PeriodRuleSets(new RuleSetHistory(List.of(v1)), LocalDate.parse("2025-12-31")).scoresAlike(december31)).isFalse();
    }
}
