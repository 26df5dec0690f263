package cn.hunan.mma.settlement.export;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import cn.hunan.mma.settlement.rules.distribution.MemberAllocation;
import cn.hunan.mma.settlement.rules.distribution.PartnerAmount;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One row of a settlement export: who gets what, and the inputs to check it by hand. */
record SettlementLine(String institutionId, String category, BigDecimal base, BigDecimal score, BigDecimal weight,
                      boolean primaryLevel, Money floor, boolean heldAtFloor, Money amount, String explanation) {

    /** Column headers, in the order of {@link #cells()}. */
    static final List<String> HEADERS = List.of("联盟编号", "结算期间", "机构编号", "类别", "分配基数B", "综合得分F",
            "权重B×F", "是否基层", "基层保底(元)", "按保底发放", "分配金额(元)", "计算说明");

    static List<SettlementLine> of(PeriodSettlement settlement) {
        List<SettlementLine> lines = new ArrayList<>();
        var members = settlement.members();
        for (MemberAllocation allocation : members.allocations()) {
            lines.add(new SettlementLine(allocation.institutionId().value(), "成员单位", allocation.base(),
                    allocation.score(), allocation.weight(), allocation.primaryLevel(), allocation.floor(),
                    allocation.heldAtFloor(), allocation.amount(),
                    allocation.explanation(members.proportionalPool(), members.weightSum())));
        }
        var tertiary = settlement.tertiary();
        for (PartnerAmount partner : tertiary.partnerAmounts()) {
            lines.add(new SettlementLine(partner.institutionId().value(), "协作三级医院",
                    BigDecimal.valueOf(partner.keptInAreaCases()), tertiary.improvement(),
                    BigDecimal.valueOf(partner.keptInAreaCases()), false, Money.ZERO, false, partner.amount(),
                    "α × pool × f(ΔR) = " + tertiary.tertiaryPool().toYuanString() + " split by kept-in-area cases"));
        }
        return lines;
    }

    List<String> cells(String allianceId, String period) {
        return List.of(allianceId, period, institutionId, category, base.toPlainString(), score.toPlainString(),
                weight.toPlainString(), primaryLevel ? "是" : "否", floor.toYuanString(), heldAtFloor ? "是" : "否",
                amount.toYuanString(), explanation);
    }
}
