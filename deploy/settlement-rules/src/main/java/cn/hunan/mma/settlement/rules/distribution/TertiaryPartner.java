package cn.hunan.mma.settlement.rules.distribution;

import cn.hunan.mma.events.value.InstitutionId;

import java.util.Objects;

/** A collaborating tertiary hospital and the kept-in-area cases attributed to it in the period. */
public record TertiaryPartner(InstitutionId institutionId, long keptInAreaCases) {

    public TertiaryPartner {
        Objects.requireNonNull(institutionId, "institutionId");
        if (keptInAreaCases < 0) {
            throw new IllegalArgumentException("keptInAreaCases must not be negative");
        }
    }
}
