package cn.hunan.mma.settlement.rules.close;

import cn.hunan.mma.settlement.rules.outcome.OverspendBand;
import cn.hunan.mma.settlement.rules.outcome.ScoreTier;

import java.math.BigDecimal;
import java.util.List;

/**
 * The seed close rules of DOMAIN.md §7 — the defaults an area starts from, and the rules of its worked
 * example: retained by score ≥90 → 100 %, 80–90 → 80 %, <80 → 50 %, no cap; overspend to 5 % of P borne
 * 40 % by the alliance, 5–10 % 70 %, above 100 % (70 % with an approved special circumstance); a 10 %
 * reserve for next year, a 5 % floor for primary-level members, α = 0.2 with f(ΔR) = 1 at a 5-point fall.
 */
public final class SeedCloseRules {

    public static final CloseRules DOMAIN_SEED = new CloseRules(
            List.of(new ScoreTier(new BigDecimal("90"), BigDecimal.ONE), new ScoreTier(new BigDecimal("80"), new BigDecimal("0.8")),
                    new ScoreTier(BigDecimal.ZERO, new BigDecimal("0.5"))),
            null,
            List.of(new OverspendBand(new BigDecimal("0.05"), new BigDecimal("0.40")),
                    new OverspendBand(new BigDecimal("0.10"), new BigDecimal("0.70"))),
            new BigDecimal("0.70"), new BigDecimal("0.10"), new BigDecimal("0.05"), new BigDecimal("0.20"),
            new BigDecimal("0.05"));

    private SeedCloseRules() {
    }
}
