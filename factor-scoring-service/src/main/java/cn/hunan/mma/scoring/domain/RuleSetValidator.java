package cn.hunan.mma.scoring.domain;

import cn.hunan.mma.events.scoring.Factor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a rule set against the event vocabulary ({@link EventFields}); returns every problem found. */
public final class RuleSetValidator {

    private RuleSetValidator() {
    }

    public static List<String> problemsOf(RuleSet rules) {
        List<String> problems = new ArrayList<>();
        if (rules.version().isBlank() || rules.version().length() > 64) {
            problems.add("version must be 1–64 characters");
        }
        Set<String> measureIds = new HashSet<>();
        for (MeasureDefinition measure : rules.measures()) {
            if (!measureIds.add(measure.id())) {
                problems.add("measure " + measure.id() + " is defined twice");
            }
            checkMeasure(measure, problems);
        }
        for (MeasureDefinition measure : rules.measures()) {
            checkLatestMonthOf(measure, rules, problems);
        }
        Set<String> indicatorIds = new HashSet<>();
        for (IndicatorDefinition indicator : rules.indicators()) {
            String at = "indicator " + indicator.id();
            if (!indicatorIds.add(indicator.id())) {
                problems.add(at + " is defined twice");
            }
            if (indicator.factor() == null) {
                problems.add(at + ": factor must be one of the nine factors");
            }
            if (indicator.numerator() == null || !measureIds.contains(indicator.numerator())) {
                problems.add(at + ": numerator names no measure of this rule set: " + indicator.numerator());
            }
            if (indicator.denominator() != null && !measureIds.contains(indicator.denominator())) {
                problems.add(at + ": denominator names no measure of this rule set: " + indicator.denominator());
            }
            checkScoredWhen(indicator, measureIds, problems);
            if (indicator.scoring() == null) {
                problems.add(at + ": scoring (method and target) is required");
            } else if (indicator.scoring().method() == ScoringMethod.BAND) {
                if (indicator.scoring().floor() == null || indicator.scoring().floor().compareTo(indicator.scoring().target()) == 0) {
                    problems.add(at + ": a BAND scoring needs a floor different from its target");
                }
            } else if (indicator.scoring().target().signum() == 0) {
                // TARGET and IMPROVEMENT divide by the target.
                problems.add(at + ": the target must not be zero");
            }
            if (indicator.scoring() != null && indicator.scoring().baseline() != null && indicator.scoring().method() != ScoringMethod.IMPROVEMENT) {
                problems.add(at + ": a baseline is for IMPROVEMENT scoring only");
            }
            if (indicator.weight() == null || indicator.weight().signum() <= 0) {
                problems.add(at + ": weight must be positive");
            }
        }
        for (Factor factor : Factor.values()) {
            if (rules.weightOf(factor).signum() < 0) {
                problems.add("factor weight of " + factor + " must not be negative");
            }
        }
        if (rules.factorWeights().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).signum() <= 0) {
            problems.add("factor weights must not all be zero");
        }
        return problems;
    }

    private static void checkMeasure(MeasureDefinition measure, List<String> problems) {
        String at = "measure " + measure.id();
        if (measure.eventTypes().isEmpty()) {
            problems.add(at + ": eventTypes must name at least one event type");
        }
        for (String type : measure.eventTypes()) {
            if (!EventFields.knowsType(type)) {
                problems.add(at + ": unknown event type " + type + " (known: " + EventFields.eventTypes() + ")");
                continue;
            }
            if (measure.basis() == Basis.RESIDENCE && !EventFields.hasResidence(type)) {
                problems.add(at + ": " + type + " carries no patient residence, so it cannot be counted by RESIDENCE");
            }
            if (!measure.counts() && !EventFields.knowsAmountField(type, measure.sumOf())) {
                problems.add(at + ": " + type + " has no numeric field " + measure.sumOf());
            }
            for (Condition condition : measure.where()) {
                if (!EventFields.knowsFilterField(type, condition.field(), measure.basis())) {
                    problems.add(at + ": " + type + " has no field " + condition.field() + " to filter on");
                }
            }
        }
    }

    private static void checkScoredWhen(IndicatorDefinition indicator, Set<String> measureIds, List<String> problems) {
        String at = "indicator " + indicator.id();
        if (!indicator.scoredWhenAnyOf().isEmpty() && indicator.denominator() != null) {
            problems.add(at + ": scoredWhenAnyOf is for an indicator without a denominator (a zero denominator already leaves it unscored)");
        }
        for (String measure : indicator.scoredWhenAnyOf()) {
            if (!measureIds.contains(measure)) {
                problems.add(at + ": scoredWhenAnyOf names no measure of this rule set: " + measure);
            }
        }
    }

    /** A point-in-time measure's period value is found by a count of reports, which must itself add up. */
    private static void checkLatestMonthOf(MeasureDefinition measure, RuleSet rules, List<String> problems) {
        if (!measure.pointInTime()) {
            return;
        }
        boolean aCount = rules.measure(measure.latestMonthOf())
                .filter(reference -> reference.counts() && !reference.pointInTime()).isPresent();
        if (!aCount) {
            problems.add("measure " + measure.id() + ": latestMonthOf names no counting measure of this rule set "
                    + "(one without sumOf or latestMonthOf): " + measure.latestMonthOf());
        }
    }
}
