package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.events.insurance.PaymentMethod;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;

import java.math.BigDecimal;
import java.util.Map;

/** Round-number case rules, so every expected amount in the tests can be worked by hand. */
final class TestCaseRules {

    static final OutlierThresholds DRG_THRESHOLDS = new OutlierThresholds(new BigDecimal("0.4"), new BigDecimal("3"), new BigDecimal("5"));
    static final OutlierThresholds DIP_THRESHOLDS = new OutlierThresholds(new BigDecimal("0.5"), new BigDecimal("2"), new BigDecimal("5"));

    private TestCaseRules() {
    }

    static CaseRules of(PaymentMethod method) {
        return new CaseRules(method, Money.ofYuan("10000.00"), new BigDecimal("12.5"),
                Map.of(Level.VILLAGE, new BigDecimal("0.7"), Level.TOWNSHIP, new BigDecimal("0.8"),
                        Level.COUNTY, method == PaymentMethod.DRG ? new BigDecimal("0.9") : new BigDecimal("0.95"),
                        Level.CITY, new BigDecimal("1.0"), Level.PROVINCE, new BigDecimal("1.1")),
                new BigDecimal("0.85"),
                Map.of('1', new BigDecimal("1.1")),
                DRG_THRESHOLDS, DIP_THRESHOLDS,
                Map.of(Level.VILLAGE, Money.ofYuan("100.00"), Level.TOWNSHIP, Money.ofYuan("300.00"),
                        Level.COUNTY, Money.ofYuan("600.00"), Level.CITY, Money.ofYuan("900.00"),
                        Level.PROVINCE, Money.ofYuan("1200.00")),
                new BigDecimal("0.05"), new BigDecimal("0.005"));
    }
}
