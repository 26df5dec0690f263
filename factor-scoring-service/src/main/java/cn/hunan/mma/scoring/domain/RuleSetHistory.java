package cn.hunan.mma.scoring.domain;

import cn.hunan.mma.events.value.Period;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every loaded rule-set version; the one in force on a day is the latest effective on or before it. */
public record RuleSetHistory(List<RuleSet> versions) {

    private static final Comparator<RuleSet> BY_EFFECTIVE_DATE =
            Comparator.comparing(RuleSet::effectiveFrom).thenComparing(RuleSet::version);

    public RuleSetHistory {
        versions = versions.stream().sorted(BY_EFFECTIVE_DATE).toList();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a rule-set history holds at least the seed");
        }
    }

    public Optional<RuleSet> inForceOn(LocalDate day) {
        return versions.stream().filter(rules -> !rules.effectiveFrom().isAfter(day)).max(BY_EFFECTIVE_DATE);
    }

    /**
     * The version a period is scored with: the one in force on the period's last day (China Standard Time) — a closed
     * period keeps it whatever is loaded later for later dates, so every scope's 2025 stands under one version, as a
     * settlement freezing scores from the topic needs (DOMAIN §7) — or, while the period runs, the one in force today,
     * so a version loaded ahead of its date does not score a running period before that date. A period before every
     * version's date is scored with the earliest.
     */
    public RuleSet forPeriod(Period period, LocalDate today) {
        LocalDate lastDay = period.end().atZone(Period.ZONE).toLocalDate().minusDays(1);
        return inForceOn(lastDay.isBefore(today) ? lastDay : today).orElse(versions.get(0));
    }

    public Optional<RuleSet> version(String version) {
        return versions.stream().filter(rules -> rules.version().equals(version)).findFirst();
    }
}
