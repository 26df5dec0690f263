package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.scoring.domain.Totals;
import cn.hunan.mma.simulator.oracle.FigureValue;
import cn.hunan.mma.simulator.oracle.OracleReport;
import cn.hunan.mma.simulator.oracle.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Compares the scorer's totals with the simulator's oracle, figure by figure, for every scope and
 * period the oracle reports: each oracle figure maps to the seed rule set's measure(s) with the
 * same semantics (numerator, and denominator for a rate).
 */
final class OracleComparison {

    private static final int SHOWN = 20;

    /** Oracle figure → the measures of the seed rule set with the same semantics (numerator, denominator). */
    private static final Map<String, List<String>> FIGURES = Map.ofEntries(
            Map.entry("visits", List.of("visits")),
            Map.entry("admissions", List.of("admissions")),
            Map.entry("discharges", List.of("discharges")),
            Map.entry("fund-paid", List.of("fund-paid")),
            Map.entry("inpatient.transfers-to-primary-care", List.of("inpatient.transfers-to-primary-care")),
            Map.entry("referrals.UP", List.of("referrals.UP")),
            Map.entry("referrals.DOWN", List.of("referrals.DOWN")),
            Map.entry("referrals.HORIZONTAL", List.of("referrals.HORIZONTAL")),
            Map.entry("prevention.family-doctor-contracts", List.of("prevention.family-doctor-contracts")),
            Map.entry("prevention.family-doctor-contracts.key-groups", List.of("prevention.family-doctor-contracts.key-groups")),
            Map.entry("conduct.verified-violations", List.of("conduct.verified-violations")),
            Map.entry("residents.discharges", List.of("residents.discharges")),
            Map.entry("residents.discharges.out-of-area", List.of("residents.discharges.out-of-area")),
            Map.entry("residents.fund-paid", List.of("residents.fund-paid")),
            Map.entry("residents.fund-paid.in-area", List.of("residents.fund-paid.in-area")),
            Map.entry("residents.fund-paid.out-of-area", List.of("residents.fund-paid.out-of-area")),
            Map.entry("outpatient.primary-level-share", List.of("visits.primary-level", "visits")),
            Map.entry("outpatient.contracted-primary-level-share", List.of("visits.contracted.primary-level", "visits.contracted")),
            Map.entry("outpatient.cost-per-visit", List.of("visits.charges-total", "visits")),
            Map.entry("inpatient.in-area-share", List.of("residents.discharges.in-area", "residents.discharges")),
            Map.entry("inpatient.out-of-area-share", List.of("residents.discharges.out-of-area", "residents.discharges")),
            Map.entry("referral.reserved-slot-use-rate", List.of("slots.booked-by-referral", "slots.reserved-for-referral")),
            Map.entry("quality.average-length-of-stay", List.of("discharges.length-of-stay-days", "discharges")),
            Map.entry("quality.cost-per-inpatient-case", List.of("discharges.charges-total", "discharges")),
            Map.entry("prevention.near-home-follow-up-share", List.of("prevention.follow-ups.near-home", "prevention.follow-ups")),
            Map.entry("conduct.verified-complaints-per-10000-visits", List.of("conduct.verified-complaints", "visits")),
            Map.entry("insurance.fund-in-area-share", List.of("residents.fund-paid.in-area", "residents.fund-paid")),
            Map.entry("insurance.primary-level-fund-share", List.of("residents.fund-paid.primary-level", "residents.fund-paid")));

    private OracleComparison() {
    }

    /**
     * @param totals the scorer's totals of a scope key ("COUNTY:430382") and period
     * @return the first differences, empty when every figure matches
     */
    static List<String> differences(OracleReport oracle, BiFunction<String, Period, Totals> totals) {
        return differences(oracle, totals, scope -> true);
    }

    /** The same, over the scopes {@code compared} accepts: a cheaper first check while a replay is still being counted. */
    static List<String> differences(OracleReport oracle, BiFunction<String, Period, Totals> totals, java.util.function.Predicate<Scope> compared) {
        List<String> differences = new ArrayList<>();
        for (Scope scope : oracle.scopes()) {
            if (!compared.test(scope)) {
                continue;
            }
            String key = scope.kind() + ":" + scope.entityId();
            for (Period period : oracle.periods(scope)) {
                Totals mine = totals.apply(key, period);
                FIGURES.forEach((figure, measures) -> {
                    if (figure.endsWith("level-share") && scope.kind() == ScoredEntityKind.INSTITUTION) {
                        return; // the oracle reports level shares for areas and alliances only
                    }
                    FigureValue expected = oracle.figure(scope, period, figure).orElse(null);
                    long expectedNumerator = expected == null ? 0 : expected.numerator().amount();
                    if (mine.of(measures.get(0)) != expectedNumerator) {
                        differences.add(key + " " + period + " " + figure + " numerator: " + mine.of(measures.get(0)) + " ≠ " + expectedNumerator);
                    }
                    if (measures.size() > 1) {
                        long expectedDenominator = expected == null || expected.denominator() == null ? 0 : expected.denominator().amount();
                        if (mine.of(measures.get(1)) != expectedDenominator) {
                            differences.add(key + " " + period + " " + figure + " denominator: " + mine.of(measures.get(1)) + " ≠ " + expectedDenominator);
                        }
                    }
                });
            }
        }
        return differences.size() > SHOWN ? differences.subList(0, SHOWN) : differences;
    }
}
