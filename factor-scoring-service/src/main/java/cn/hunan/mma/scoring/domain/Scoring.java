package cn.hunan.mma.scoring.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An indicator's scoring rule. {@code target} is in the indicator's unit (a share as 0.65, a
 * change as 0.10 for 10%); {@code floor} is used by BAND only.
 */
public record Scoring(ScoringMethod method, BigDecimal target, BigDecimal floor) {

    public Scoring {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
    }
}
