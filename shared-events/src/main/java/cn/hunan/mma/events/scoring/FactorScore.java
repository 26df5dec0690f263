package cn.hunan.mma.events.scoring;

import cn.hunan.mma.events.value.Checks;

import java.math.BigDecimal;

/** One factor's score, 0–100 with two decimals. */
public record FactorScore(Factor factor, BigDecimal score) {

    public FactorScore {
        Checks.present(factor, "factor");
        score = Scores.percentage(score, "score");
    }
}
