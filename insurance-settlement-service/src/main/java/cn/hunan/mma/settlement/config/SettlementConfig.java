package cn.hunan.mma.settlement.config;

import cn.hunan.mma.events.insurance.PaymentMethod;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The pilot area's case-payment settings (mma.settlement.*). */
@ConfigMapping(prefix = "mma.settlement")
public interface SettlementConfig {

    /** DRG or DIP: chosen per area. */
    @WithDefault("DRG")
    PaymentMethod paymentMethod();

    /** Version stamped on every case settlement (the seed rules below until an area loads its own). */
    @WithDefault("seed-2025.1")
    String ruleVersion();

    /** DRG base rate in yuan per unit of relative weight. */
    @WithDefault("10000.00")
    String drgBaseRate();

    /** Provisional DIP point value in yuan. */
    @WithDefault("12.5")
    String dipPointValue();
}
