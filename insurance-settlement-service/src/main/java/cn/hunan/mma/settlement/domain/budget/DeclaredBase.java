package cn.hunan.mma.settlement.domain.budget;

import cn.hunan.mma.events.value.Money;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A budget year's base spend as the insurance bureau declares it from its legacy settlement system: the covered
 * residents' fund-paid spend in the base year, inpatient and outpatient, out-of-area care included. It stands in for
 * the platform's own sum where the base year predates the platform (the first budget year after go-live).
 *
 * @param number     which declaration this is: a draft records the one it was computed on, and is outdated once
 *                   another stands (or none does)
 * @param source     the officer's reference to the legacy statement the figure comes from
 * @param coveredDivisions the divisions whose residents' spend the figure is, sorted: the alliance's when it was declared
 */
public record DeclaredBase(long number, Money baseSpend, String source, List<String> coveredDivisions, String declaredBy,
                           Instant declaredAt) {

    public DeclaredBase {
        coveredDivisions = List.copyOf(coveredDivisions);
        Objects.requireNonNull(baseSpend, "baseSpend");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(declaredBy, "declaredBy");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    /**
     * Whether the figure is the spend of the population the alliance covers now: a figure declared for one county is no
     * base for an alliance the matrix has since given a second (helper-124) — its package would be set against both
     * counties' spend at close.
     */
    public boolean counts(List<String> allianceDivisions) {
        return coveredDivisions.equals(allianceDivisions.stream().sorted().toList());
    }
}
