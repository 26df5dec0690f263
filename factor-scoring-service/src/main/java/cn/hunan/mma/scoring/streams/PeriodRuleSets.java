package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.scoring.domain.Baseline;
import cn.hunan.mma.scoring.domain.IndicatorDefinition;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.domain.RuleSetHistory;
import cn.hunan.mma.scoring.domain.ScoringMethod;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rule versions as they stood at one moment: which version scores which period ({@link RuleSetHistory#forPeriod}).
 * Two differ when a version was loaded or a day passed; then the periods whose version moved must be scored again.
 */
record PeriodRuleSets(RuleSetHistory history, LocalDate today) {

    RuleSet of(Period period) {
        return history.forPeriod(period, today);
    }

    /**
     * Whether every period is scored with the same version here as in {@code other}: the same versions, and no version's
     * date reached between the two days (a new day alone moves nothing, so it costs no scan).
     */
    boolean scoresAlike(PeriodRuleSets other) {
        if (!history.equals(other.history)) {
            return false;
        }
        LocalDate from = today.isBefore(other.today) ? today : other.today;
        LocalDate to = today.isBefore(other.today) ? other.today : today;
        return history.versions().stream().map(RuleSet::effectiveFrom).noneMatch(day -> day.isAfter(from) && !day.isAfter(to));
    }

    /** Whether {@code period} is scored with another version here than in {@code before}. */
    boolean movesFrom(PeriodRuleSets before, Period period) {
        return !of(period).equals(before.of(period));
    }

    /** The earlier periods any version's IMPROVEMENT indicators compare with (a later period's version decides). */
    Set<Baseline> comparedWith() {
        Set<Baseline> compared = EnumSet.noneOf(Baseline.class);
        for (RuleSet rules : history.versions()) {
            for (IndicatorDefinition indicator : rules.indicators()) {
                if (indicator.scoring().method() == ScoringMethod.IMPROVEMENT) {
                    compared.add(indicator.scoring().comparedWith());
                }
            }
        }
        return compared;
    }
}
