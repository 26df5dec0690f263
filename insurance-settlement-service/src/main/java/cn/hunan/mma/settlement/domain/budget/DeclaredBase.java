package cn.hunan.mma.settlement.domain.budget;

import cn.hunan.mma.events.value.Money;

import java.time.Instant;
import java.util.Objects;

/**
 * A budget year's base spend as the insurance bureau declares it from its legacy settlement system: the covered
 * residents' fund-paid spend in the base year, inpatient and outpatient, out-of-area care included. It stands in for
 * the platform's own sum where the base year predates the platform (the first budget year after go-live).
 *
 * @param number     which declaration this is: a draft records the one it was computed on, and is outdated once
 *                   another stands (or none does)
 * @param source     the officer's reference to the legacy statement the figure comes from
 */
public record DeclaredBase(long number, Money baseSpend, String source, String declaredBy, Instant declaredAt) {

    public DeclaredBase {
        Objects.requireNonNull(baseSpend, "baseSpend");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(declaredBy, "declaredBy");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }
}
