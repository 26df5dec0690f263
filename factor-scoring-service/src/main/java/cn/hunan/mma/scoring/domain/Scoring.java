package cn.hunan.mma.scoring.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An indicator's scoring rule. {@code target} is in the indicator's unit (a share as 0.65, a
 * change as 0.10 for 10%); {@code floor} is used by BAND only; {@code baseline} by IMPROVEMENT only — what the change
 * is measured against, absent for the previous period (the rule sets written before it existed).
 */
public record Scoring(ScoringMethod method, BigDecimal target, BigDecimal floor,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Baseline baseline) {

    public Scoring {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
    }

    public Scoring(ScoringMethod method, BigDecimal target, BigDecimal floor) {
        this(method, target, floor, null);
    }

    /** The period an IMPROVEMENT indicator compares with: the previous one unless the rule set says otherwise. */
    public Baseline comparedWith() {
        return baseline == null ? Baseline.PREVIOUS_PERIOD : baseline;
    }
}
