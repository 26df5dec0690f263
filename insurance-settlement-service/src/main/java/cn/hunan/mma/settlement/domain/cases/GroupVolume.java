package cn.hunan.mma.settlement.domain.cases;

import java.math.BigDecimal;

/** A DIP group's score and how many cases it had: one term of Σ(score × cases). */
public record GroupVolume(BigDecimal score, long cases) {

    public BigDecimal points() {
        return score.multiply(BigDecimal.valueOf(cases));
    }
}
