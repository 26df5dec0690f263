package cn.hunan.mma.settlement.rules.close;

import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.settlement.rules.distribution.Claimant;
import cn.hunan.mma.settlement.rules.distribution.TertiaryPartner;

import java.math.BigDecimal;
import java.util.List;

/**
 * The 湘潭县医共体 year-end close of the DOMAIN.md §7 worked example: package ¥488.75m, a 10% reserve,
 * α = 0.2 with the out-of-area referral rate down from 15% to 12% against a 5-point target.
 */
public final class XiangtanClose {

    public static final CloseRules SEED_RULES = SeedCloseRules.DOMAIN_SEED;

    private XiangtanClose() {
    }

    public static SettlementSnapshot withActualSpend(String actualYuan) {
        return new SettlementSnapshot(AllianceId.of("XTX-YGT-01"), Period.ofYear(2025), "xiangtan-2025.1",
                Money.ofYuan("488750000.00"), Money.ofYuan(actualYuan), new BigDecimal("92.00"), false,
                List.of(new Claimant(InstitutionId.of("430321H0001"), new BigDecimal("420000"), new BigDecimal("86.93"), false),
                        new Claimant(InstitutionId.of("430321T0100"), new BigDecimal("95000"), new BigDecimal("91.20"), true),
                        new Claimant(InstitutionId.of("430321T0102"), new BigDecimal("61000"), new BigDecimal("78.45"), true)),
                List.of(new TertiaryPartner(InstitutionId.of("430302H0001"), 300),
                        new TertiaryPartner(InstitutionId.of("430105H0001"), 100)),
                new BigDecimal("0.15"), new BigDecimal("0.12"), SEED_RULES, FrozenScores.REQUEST);
    }
}
