package cn.hunan.mma.settlement.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Case settlement on {@code /q/metrics}, counted per committed batch (not per case, so the drain pays nothing for
 * it): {@code mma_settlement_cases_settled_total{method}} — discharges settled and stored, a duplicate not again;
 * {@code mma_settlement_cases_to_review_total{method}} — those of them sent to expert review, which operations watch
 * against the cap; {@code mma_settlement_discharges_refused_total} — valid discharges the service could not settle
 * (no rules in force, no group, an institution not in the matrix), dead-lettered with the reason.
 */
@ApplicationScoped
public class SettlementMeters {

    static final String SETTLED = "mma.settlement.cases.settled";
    static final String TO_REVIEW = "mma.settlement.cases.to.review";
    static final String REFUSED = "mma.settlement.discharges.refused";

    private final MeterRegistry registry;

    public SettlementMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param increments a committed batch's settled cases and reviews by settlement year and method */
    void committed(Map<ReviewCounts.Key, long[]> increments, int refused) {
        increments.forEach((key, added) -> {
            registry.counter(SETTLED, "method", key.method()).increment(added[0]);
            registry.counter(TO_REVIEW, "method", key.method()).increment(added[1]);
        });
        if (refused > 0) {
            registry.counter(REFUSED).increment(refused);
        }
    }
}
