package cn.hunan.mma.scoring.domain;

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
    }

    public Optional<RuleSet> inForceOn(LocalDate day) {
        return versions.stream().filter(rules -> !rules.effectiveFrom().isAfter(day)).max(BY_EFFECTIVE_DATE);
    }

    public Optional<RuleSet> version(String version) {
        return versions.stream().filter(rules -> rules.version().equals(version)).findFirst();
    }
}
