package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.value.Period;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The few lines a person reads after a run: what happened to the input, and each province's year. */
final class ReportSummary {

    private static final List<String> HEADLINE_VOLUMES = List.of("visits", "admissions", "discharges", "fund-paid");
    private static final List<String> HEADLINE_INDICATORS = List.of(
            "outpatient.primary-level-share", "inpatient.out-of-area-share", "referral.closed-loop-rate",
            "quality.average-length-of-stay", "quality.cost-per-inpatient-case", "quality.readmission-within-31-days-rate");

    private ReportSummary() {
    }

    static void print(OracleReport report, PrintWriter out) {
        DeliveryStats delivery = report.delivery();
        out.printf("%s: %,d lines, %,d records counted%n", report.eventFileName(), delivery.lines(), delivery.countedTotal());
        out.printf("  dead-lettered %,d%s%n", delivery.deadLetteredTotal(), reasons(delivery));
        out.printf("  duplicates ignored %,d (%,d conflicting); corrections %,d (replaced after counting %,d, before arrival %,d; "
                        + "naming records never delivered %,d)%n",
                delivery.duplicatesIgnored(), delivery.conflictingDuplicates(), delivery.corrections(),
                delivery.supersededAfterCounting(), delivery.supersededBeforeArrival(), delivery.correctedButNeverDelivered());
        if (delivery.atUnknownInstitutions() + delivery.unknownTopicLines() + delivery.referralsWithoutRequest() > 0) {
            out.printf("  not in any figure: %,d records of institutions outside the matrix, %,d lines of unknown topics, "
                            + "%,d referrals without a request%n",
                    delivery.atUnknownInstitutions(), delivery.unknownTopicLines(), delivery.referralsWithoutRequest());
        }
        for (Scope scope : report.scopes()) {
            if (scope.kind() != ScoredEntityKind.PROVINCE) {
                continue;
            }
            for (Period period : report.periods(scope)) {
                if (period.kind() == Period.Kind.YEAR) {
                    printHeadline(report, scope, period, out);
                }
            }
        }
        out.flush();
    }

    private static void printHeadline(OracleReport report, Scope scope, Period year, PrintWriter out) {
        Map<String, FigureValue> figures = report.figures(scope, year);
        out.printf("  %s %s:", scope, year);
        for (String name : HEADLINE_VOLUMES) {
            FigureValue value = figures.get(name);
            out.printf(" %s %s", name, value == null ? "0" : value.numerator());
        }
        out.println();
        for (String name : HEADLINE_INDICATORS) {
            FigureValue value = figures.get(name);
            BigDecimal ratio = value == null ? null : value.ratio();
            out.printf("    %s %s%n", name, ratio == null ? "-" : ratio.toPlainString());
        }
    }

    private static String reasons(DeliveryStats delivery) {
        if (delivery.deadLettered().isEmpty()) {
            return "";
        }
        return delivery.deadLettered().entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }
}
