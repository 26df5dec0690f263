package cn.hunan.mma.settlement.export;

import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import cn.hunan.mma.settlement.rules.distribution.MemberAllocation;
import cn.hunan.mma.settlement.rules.distribution.PartnerAmount;
import cn.hunan.mma.settlement.rules.distribution.TertiaryShare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One row of a settlement's distribution sheet: who gets what, and the inputs to check it by hand. A member's row fills
 * the B × F columns; a collaborating tertiary hospital's row leaves them empty and fills its own two (kept-in-area
 * cases and f(ΔR)), which come last so that the member columns keep the places they had in earlier exports.
 *
 * <p>Cells are {@link String}s, {@link BigDecimal}s (amounts at scale 2, in yuan) or null (empty): the xlsx writes
 * numbers as numbers, the CSV writes every cell as text.
 */
final class SettlementLine {

    static final List<String> HEADERS = List.of("联盟编号", "结算期间", "机构编号", "类别", "分配基数B", "综合得分F",
            "权重B×F", "是否基层", "基层保底(元)", "按保底发放", "分配金额(元)", "计算说明", "留县病例数", "转外率改善系数f(ΔR)");

    /** The columns holding yuan amounts, shown with two decimals. */
    static final List<Integer> AMOUNT_COLUMNS = List.of(8, 10);

    static final String NO_ATTRIBUTABLE_CASE = "no attributable kept-in-area case: no tertiary share, the whole pool goes "
            + "to the members";

    private SettlementLine() {
    }

    static List<List<Object>> rows(PeriodSettlement settlement) {
        String alliance = settlement.snapshot().allianceId().value();
        String period = settlement.snapshot().period().toString();
        List<List<Object>> rows = new ArrayList<>();
        var members = settlement.members();
        for (MemberAllocation member : members.allocations()) {
            rows.add(row(alliance, period, member.institutionId().value(), "成员单位", member.base(), member.score(),
                    member.weight(), yesNo(member.primaryLevel()), member.floor().toBigDecimal(),
                    yesNo(member.heldAtFloor()), member.amount().toBigDecimal(),
                    member.explanation(members.proportionalPool(), members.weightSum()), null, null));
        }
        TertiaryShare tertiary = settlement.tertiary();
        long cases = tertiary.partnerAmounts().stream().mapToLong(PartnerAmount::keptInAreaCases).sum();
        for (PartnerAmount partner : tertiary.partnerAmounts()) {
            rows.add(row(alliance, period, partner.institutionId().value(), "协作三级医院", null, null, null, yesNo(false),
                    null, null, partner.amount().toBigDecimal(), partnerExplanation(settlement, partner, cases),
                    BigDecimal.valueOf(partner.keptInAreaCases()), tertiary.improvement()));
        }
        return rows;
    }

    /**
     * α × pool × f(ΔR), then the partner's kept-in-area cases over all partners'; every number as the close used it.
     * With no attributable case the rule takes nothing from the members (TertiaryShare): before 2026-11-25 (9) the row
     * still printed α × pool × f(ΔR) with its product and "= 0.00; × 0 / 0", which is false arithmetic.
     */
    private static String partnerExplanation(PeriodSettlement settlement, PartnerAmount partner, long cases) {
        if (cases == 0) {
            return NO_ATTRIBUTABLE_CASE;
        }
        TertiaryShare tertiary = settlement.tertiary();
        return "α × pool × f(ΔR) = " + settlement.snapshot().rules().tertiaryAlpha().toPlainString() + " × "
                + settlement.distributedPool().toYuanString() + " × " + tertiary.improvement().toPlainString() + " = "
                + tertiary.tertiaryPool().toYuanString() + "; × " + partner.keptInAreaCases() + " / " + cases
                + " kept-in-area cases, rounded to the fen by largest remainder";
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private static String yesNo(boolean value) {
        return value ? "是" : "否";
    }
}
