package cn.hunan.mma.settlement.config;

import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.domain.cases.CaseRules;
import cn.hunan.mma.settlement.domain.cases.CaseSettler;
import cn.hunan.mma.settlement.domain.cases.DrgWeights;
import cn.hunan.mma.settlement.domain.cases.OutlierThresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.math.BigDecimal;
import java.util.Map;

/**
 * SYNTHETIC seed rules (coefficients, complexity weights, deductibles, thresholds are illustrative,
 * not Hunan's): the real values are local rules an area must supply. DRG weights are the real
 * Changsha 2023 table; no DIP scores ship (they are not public), so DIP cases need an area's catalogue.
 */
@ApplicationScoped
public class SeedCaseRules {

    @Produces
    @ApplicationScoped
    CaseSettler caseSettler(SettlementConfig config) {
        CaseRules rules = new CaseRules(config.paymentMethod(), Money.ofYuan(config.drgBaseRate()),
                new BigDecimal(config.dipPointValue()),
                Map.of(Level.VILLAGE, new BigDecimal("0.70"), Level.TOWNSHIP, new BigDecimal("0.80"),
                        Level.COUNTY, new BigDecimal("0.90"), Level.CITY, new BigDecimal("1.00"),
                        Level.PROVINCE, new BigDecimal("1.10")),
                new BigDecimal("0.85"),
                Map.of('1', new BigDecimal("1.10"), '3', new BigDecimal("1.05")),
                new OutlierThresholds(new BigDecimal("0.4"), new BigDecimal("3"), new BigDecimal("5")),
                new OutlierThresholds(new BigDecimal("0.5"), new BigDecimal("2"), new BigDecimal("5")),
                Map.of(Level.VILLAGE, Money.ofYuan("100.00"), Level.TOWNSHIP, Money.ofYuan("300.00"),
                        Level.COUNTY, Money.ofYuan("600.00"), Level.CITY, Money.ofYuan("900.00"),
                        Level.PROVINCE, Money.ofYuan("1200.00")),
                new BigDecimal("0.05"), new BigDecimal("0.005"));
        return new CaseSettler(rules, DrgWeights.changsha2023(), Map.of());
    }
}
